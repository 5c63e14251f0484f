import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AuditInput } from '../audit/audit-chain.js';
import { AppError } from '../core/app-error.js';
import type { Clock } from '../core/clock.js';
import type { MediaMatcher } from '../media/media-matcher.js';
import type { Database } from '../store/tables.js';
import { buildExchange } from './build-exchange.js';
import type { ExchangesConfigSchema } from './exchange-config.js';
import type { z } from 'zod';
import { createExchangeService, type ExchangeService } from './exchange-service.js';

/** The exchange service for `config.exchanges`, each source's secrets read from the environment. */
export function exchangeServiceFromConfig(deps: {
  db: Kysely<Database>;
  config: z.output<typeof ExchangesConfigSchema>;
  matcher: (() => MediaMatcher) | undefined;
  clock: Clock;
  logger: Logger;
  audit: (entries: AuditInput[]) => Promise<void>;
  env?: NodeJS.ProcessEnv;
}): ExchangeService {
  const env = deps.env ?? process.env;
  return createExchangeService({
    db: deps.db,
    matcher:
      deps.matcher ??
      (() => {
        throw new AppError('internal', 'exchanges need the engine’s matcher: pass it to createServices');
      }),
    sources: deps.config.sources.map((c) => {
      const built = buildExchange(c, env);
      return { ...c, exchange: built.ok ? built.exchange : { unavailable: built.reason, kind: c.kind } };
    }),
    clock: deps.clock,
    logger: deps.logger.child({ component: 'exchanges' }),
    audit: deps.audit,
    pollMs: deps.config.pollMs,
    feedbackMaxAttempts: deps.config.feedbackMaxAttempts,
  });
}
