import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createReviewer } from '../console/reviewer-store.js';
import { startGateServer } from './gate-server.js';

export interface SignInFloodResult {
  gateAlone: { rps: number; p99: number }[];
  gateWithFlood: { rps: number; p99: number; non2xx: number; errors: number };
  flood: { sent: number; statuses: Record<string, number>; perSecond: number; addresses: number };
  /** Gate decisions/s under the flood over the mean of the runs without it (issue 15: at least 0.8). */
  ratio: number;
}

type Load = { rps: number; p99: number; non2xx: number; errors: number };

function childJson<T>(script: string, arg: object): Promise<T> {
  const child = spawn(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), JSON.stringify(arg)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  const { url, requests, close } = await startGateServer(quick, 7, async (store) => {
    await createReviewer(store.db, {
      username: 'bench_reviewer',
      displayName: 'Bench',
      roles: ['reviewer'],
      password: 'the real bench password',
    });
  });
  try {
    const duration = quick ? 2 : 10;
    const gate = (d: number) => childJson<Load>('./load-generator.js', { url, connections: 10, duration: d, requests });
    await gate(1); // warm-up
    const alone1 = await gate(duration);
    const addresses = 250;
    const [flooded, flood] = await Promise.all([
      gate(duration),
      childJson<{ sent: number; statuses: Record<string, number> }>('./sign-in-flood.js', { url, perSecond, seconds: duration, addresses }),
    ]);
    const alone2 = await gate(duration);
    const baseline = (alone1.rps + alone2.rps) / 2;
    return {
      gateAlone: [alone1, alone2].map((a) => ({ rps: a.rps, p99: a.p99 })),
      gateWithFlood: { rps: flooded.rps, p99: flooded.p99, non2xx: flooded.non2xx, errors: flooded.errors },
      flood: { ...flood, perSecond, addresses },
      ratio: flooded.rps / baseline,
    };
  } finally {
    await close();
  }
}
