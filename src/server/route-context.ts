import type { Logger } from 'pino';
import type { WardenConfig } from '../config/config-schema.js';
import type { Clock } from '../core/clock.js';
import type { Ingest } from '../engine/create-engine.js';
import type { Ledger } from '../ledger/ledger.js';
import type { MediaMatcher } from '../media/media-matcher.js';
import type { Store } from '../store/store.js';
import type { Authenticator, Principal } from './auth.js';
import type { Services } from './create-services.js';

/** An account's behaviour score and the reasons behind it, as the API and the console show it. */
export interface AccountRiskView {
  score: number;
  reasons: { code: string; detail: string }[];
}

/** Reads the behaviour score ingest keeps up to date: the console and the API never run detection. */
export interface AccountRiskReader {
  /** Whether Warden has seen the account at all. */
  known(accountId: string): boolean;
  /** The score now (zero for an account with no signals); undefined when `account_risk` is not running. */
  riskOf(accountId: string, nowMs: number): AccountRiskView | undefined;
}

/**
 * What every capability's routes receive: no globals, everything passed in, and of the
 * engine only the port each needs (server/engine-ports.ts wires them).
 */
export interface RouteContext {
  /** Commits and the audit log: all a capability above ingest may do to Warden's record. */
  ledger: Ledger;
  /** Events in and the inline gate: the event and gate routes only. */
  ingest: Pick<Ingest, 'ingest' | 'decide'>;
  /** The hash matcher ingest uses (replaced when state is rebuilt, so read it per request): bank administration. */
  matcher(): MediaMatcher;
  accountRisk: AccountRiskReader;
  /** Sizes of the state in memory, for readiness. */
  stateSize(): { accounts: number; connections: number };
  store: Store;
  config: WardenConfig;
  auth: Authenticator;
  logger: Logger;
  clock: Clock;
  services: Services;
  /** Present when the server publishes to an event bus (`serve --bus`, docs/scale-out.md). */
  scaleOut?: ScaleOutPort;
}

/** What a server in front of the event bus adds to readiness, and its Prometheus metrics. */
export interface ScaleOutPort {
  /** Why the node should not take traffic (bus down, partitions too far behind), or undefined. */
  readiness(): Promise<string | undefined>;
  /** The Prometheus text exposition, with its content type. */
  metrics(): Promise<{ contentType: string; body: string }>;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}
