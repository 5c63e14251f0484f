import type { FastifyInstance } from 'fastify';
import { fixedClock, type Clock } from '../core/clock.js';
import { createEngine, type Engine } from '../engine/create-engine.js';
import { createApiKey, ROLES, type Role } from '../server/api-key-store.js';
import { createAuthenticator } from '../server/auth.js';
import { createApp } from '../server/create-app.js';
import { createServices, type Services } from '../server/create-services.js';
import { enginePorts } from '../server/engine-ports.js';
import { createStore, type Store } from '../store/store.js';
import { BASE_MS, silentLogger, testConfig } from './events.js';

export interface TestApp {
  app: FastifyInstance;
  engine: Engine;
  store: Store;
  services: Services;
  clock: Clock & { advance(ms: number): void };
  keys: Record<Role, string>;
  close(): Promise<void>;
}

/** The real app over an in-memory SQLite store, with one key per role. Tests call it in-process (inject). */
export async function createTestApp(location = ':memory:', overrides: Record<string, Record<string, unknown>> = {}): Promise<TestApp> {
  const store = await createStore(location);
  const clock = fixedClock(BASE_MS + 30 * 86_400_000);
  const config = testConfig(overrides);
  const logger = silentLogger();
  const engine = await createEngine({ store, config, logger, clock });
  const services = await createServices({ store, engine, config, clock, logger, matcher: () => engine.state.matcher });
  const auth = createAuthenticator(store.db, { ttlMs: 0 });
  const { app } = createApp({ ...enginePorts(engine), store, config, auth, logger, clock, services });
  const keys = {} as Record<Role, string>;
  for (const role of ROLES) keys[role] = (await createApiKey(store.db, `test ${role}`, role)).key;
  return {
    app,
    engine,
    store,
    services,
    clock,
    keys,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
