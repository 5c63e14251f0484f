import type { FastifyInstance } from 'fastify';
import { systemClock } from '../core/clock.js';
import { createLogger } from '../core/create-logger.js';
import { loadConfig } from '../config/load-config.js';
import { createEngine } from '../engine/create-engine.js';
import { validateEvent } from '../events/validate-event.js';
import { GATE_ACTIONS } from '../gate/gate.js';
import { createApiKey } from '../server/api-key-store.js';
import { createAuthenticator } from '../server/auth.js';
import { createApp } from '../server/create-app.js';
import { createServices } from '../server/create-services.js';
import { enginePorts } from '../server/engine-ports.js';
import { createStore, type Store } from '../store/store.js';
import { prng, syntheticEvents } from './synthetic.js';

export interface GateServer {
  store: Store;
  app: FastifyInstance;
  url: string;
  /** 200 decision requests over random pairs of the synthetic accounts, with a `decide` key. */
  requests: { method: string; path: string; headers: Record<string, string>; body: string }[];
  close(): Promise<void>;
}

/**
 * A listening server on 127.0.0.1 over a synthetic social graph (2k accounts quick, 20k full,
 * five connections each): what every HTTP gate measurement starts from, so that their figures
 * compare. `prepare` runs on the store before the server starts (a reviewer for a sign-in flood).
 */
export async function startGateServer(quick: boolean, seed: number, prepare?: (store: Store) => Promise<void>): Promise<GateServer> {
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
  await prepare?.(store);
  const services = await createServices({ store, engine, config, clock: systemClock, logger });
  const { app } = createApp({
    ...enginePorts(engine),
    store,
    config,
    auth: createAuthenticator(store.db),
    logger,
    clock: systemClock,
    services,
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const rnd = prng(seed);
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const requests = Array.from({ length: 200 }, (_, i) => ({
    method: 'POST',
    path: '/v1/decisions',
    headers,
    body: JSON.stringify({
      action: GATE_ACTIONS[i % GATE_ACTIONS.length],
      actor: `u${Math.floor(rnd() * accounts)}`,
      target: `u${Math.floor(rnd() * accounts)}`,
    }),
  }));
  return {
    store,
    app,
    url,
    requests,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
