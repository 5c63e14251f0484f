import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createReviewer } from '../console/reviewer-store.js';
import { systemClock } from '../core/clock.js';
import { createLogger } from '../core/create-logger.js';
import { loadConfig } from '../config/load-config.js';
import { createEngine } from '../engine/create-engine.js';
import { validateEvent } from '../events/validate-event.js';
import { GATE_ACTIONS } from '../gate/gate.js';
import { createApiKey } from '../server/api-keys.js';
import { createAuthenticator } from '../server/auth.js';
import { createApp } from '../server/create-app.js';
import { createServices } from '../server/create-services.js';
import { enginePorts } from '../server/engine-ports.js';
import { createStore } from '../store/store.js';
import { prng, syntheticEvents } from './synthetic.js';

export interface SignInFloodResult {
  gateAlone: { rps: number; p99: number }[];
  gateWithFlood: { rps: number; p99: number; non2xx: number; errors: number };
  flood: { sent: number; statuses: Record<string, number>; perSecond: number; addresses: number };
  /** Gate decisions/s under the flood over the mean of the runs without it (issue 15: at least 0.8). */
  ratio: number;
}

type Load = { rps: number; p99: number; non2xx: number; errors: number };

function childJson<T>(script: string, arg: object): Promise<T> {
  const child = spawn(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), JSON.stringify(arg)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return once(child, 'exit').then(([code]) => {
    if (code !== 0) throw new Error(`${script} failed: ${err}`);
    return JSON.parse(out) as T;
  });
}

/**
 * Inline gate decisions over HTTP with and without a flood of failing console sign-ins, in
 * one run on one server: alone, flooded, alone again (the mean of the two alone runs is the
 * baseline, so drift on a shared host falls on both sides). The flood comes from many
 * loopback addresses, the case the per-address limit cannot absorb: every sign-in reaches
 * scrypt, which runs in its one worker thread beside the event loop that serves the gate.
 */
export async function benchSignInFlood(quick: boolean, perSecond = 10): Promise<SignInFloodResult> {
  const store = await createStore(':memory:');
  const config = loadConfig({ env: {}, overrides: { log: { level: 'silent' } } });
  const logger = createLogger('silent');
  const engine = await createEngine({ store, config, logger });
  const accounts = quick ? 2_000 : 20_000;
  const now = Date.now();
  const lines = [...syntheticEvents({ accounts, connections: accounts * 5, messages: 0 }, now - 86_400_000)];
  for (let i = 0; i < lines.length; i += 1000) {
    const batch = lines.slice(i, i + 1000).map((l) => {
      const r = validateEvent(JSON.parse(l), { nowMs: now, maxFutureSkewMs: 300_000 });
      if (!r.ok) throw new Error('bad synthetic event');
      return r.value;
    });
    await engine.ingest(batch);
  }
  const { key } = await createApiKey(store.db, 'bench', 'decide');
  await createReviewer(store.db, { username: 'bench_reviewer', displayName: 'Bench', roles: ['reviewer'], password: 'the real bench password' });
  const services = await createServices({ store, engine, config, clock: systemClock, logger });
  const { app } = createApp({ ...enginePorts(engine), store, config, auth: createAuthenticator(store.db), logger, clock: systemClock, services });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const rnd = prng(7);
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const requests = Array.from({ length: 200 }, (_, i) => ({
      method: 'POST',
      path: '/v1/decisions',
      headers,
      body: JSON.stringify({ action: GATE_ACTIONS[i % GATE_ACTIONS.length], actor: `u${Math.floor(rnd() * accounts)}`, target: `u${Math.floor(rnd() * accounts)}` }),
    }));
    const duration = quick ? 2 : 10;
    const gate = (d: number) => childJson<Load>('./load-generator.js', { url, connections: 10, duration: d, requests });
    await gate(1); // warm-up
    const alone1 = await gate(duration);
    const addresses = 250;
    const [flooded, flood] = await Promise.all([gate(duration), childJson<{ sent: number; statuses: Record<string, number> }>('./sign-in-flood.js', { url, perSecond, seconds: duration, addresses })]);
    const alone2 = await gate(duration);
    const baseline = (alone1.rps + alone2.rps) / 2;
    return {
      gateAlone: [alone1, alone2].map((a) => ({ rps: a.rps, p99: a.p99 })),
      gateWithFlood: { rps: flooded.rps, p99: flooded.p99, non2xx: flooded.non2xx, errors: flooded.errors },
      flood: { ...flood, perSecond, addresses },
      ratio: flooded.rps / baseline,
    };
  } finally {
    await app.close();
    await store.close();
  }
}
