import type { Logger } from 'pino';
import type { WardenConfig } from '../config/config-schema.js';
import type { Clock } from '../core/clock.js';
import type { Engine } from '../engine/create-engine.js';
import type { Store } from '../store/store.js';
import type { Authenticator, Principal } from './auth.js';
import type { Services } from './create-services.js';

/** What every capability's routes receive: no globals, everything passed in. */
export interface RouteContext {
  engine: Engine;
  store: Store;
  config: WardenConfig;
  auth: Authenticator;
  logger: Logger;
  clock: Clock;
  services: Services;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}
