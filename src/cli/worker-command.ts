import { createServer } from 'node:http';
import { Command } from 'commander';
import { AppError } from '../core/app-error.js';
import { createLogger } from '../core/create-logger.js';
import { createWorker } from '../bus/create-worker.js';
import { cachedLag } from '../bus/partition-lag.js';
import { setOutboxDepth } from '../bus/outbox-depth.js';
import { createScaleMetrics } from '../bus/scale-metrics.js';
import { isPostgresUrl } from '../store/open-database.js';
import { busFrom, withBusFlags, type BusFlags } from './bus-flags.js';
import { configFrom, withCommon, type CommonFlags } from './common-options.js';
import { waitForSignal } from './serve-command.js';

export function workerCommand(): Command {
  return withBusFlags(withCommon(new Command('worker').description('process events from the event bus (scale-out; docs/scale-out.md)')))
    .option('--host <host>', 'address for /readyz and /metrics (default 127.0.0.1)')
    .option('--port <port>', 'port for /readyz and /metrics (default: none)', (v) => Number(v))
    .option('--max-lag <n>', 'readiness fails while an owned partition has more events waiting (default 100000)', (v) => Number(v))
    .action(async (flags: CommonFlags & BusFlags & { host?: string; port?: number; maxLag?: number }) => {
      const config = configFrom(flags);
      if (!flags.bus)
        throw new AppError('invalid_input', 'worker needs --bus nats://host:port', { issues: [{ field: '--bus', reason: 'is required' }] });
      if (!isPostgresUrl(config.store.url))
        throw new AppError('invalid_input', 'worker needs a shared PostgreSQL store: --db postgres://…', {
          issues: [{ field: '--db', reason: 'must be a postgres:// URL' }],
        });
      const logger = createLogger(config.log.level);
      const metrics = createScaleMetrics();
      const worker = await createWorker({ bus: busFrom(flags), db: config.store.url, config, logger, metrics });
      logger.info({ worker: worker.id, owned: [...worker.owned] }, 'worker started');
      const lag = cachedLag(worker.bus);
      const maxLag = flags.maxLag ?? 100_000;
      const http =
        flags.port === undefined
          ? undefined
          : createServer((req, res) => {
              void (async () => {
                if (req.url === '/metrics') {
                  const lags = await lag().catch(() => undefined);
                  lags?.forEach((n, p) => metrics.lag.set({ partition: String(p) }, n));
                  await setOutboxDepth(worker.store.db, metrics);
                  res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(await metrics.registry.metrics());
                } else if (req.url === '/readyz') {
                  const why = await readiness();
                  res.writeHead(why ? 503 : 200, { 'content-type': 'application/json' });
                  res.end(JSON.stringify(why ? { status: 'not_ready', detail: why } : { status: 'ready', owned: [...worker.owned] }));
                } else res.writeHead(404).end();
              })().catch(() => res.writeHead(500).end());
            });
      async function readiness(): Promise<string | undefined> {
        if (!worker.bus.connected) return 'the event bus is not reachable';
        try {
          await worker.store.ping();
        } catch {
          return 'the store is not reachable';
        }
        const lags = await lag().catch(() => undefined);
        if (!lags) return 'the event stream does not answer';
        for (const p of worker.owned) if ((lags[p] ?? 0) > maxLag) return `partition ${p} is ${lags[p]} events behind (limit ${maxLag})`;
        return undefined;
      }
      if (http) await new Promise<void>((r) => http.listen(flags.port, flags.host ?? '127.0.0.1', r));
      await waitForSignal(async () => {
        http?.close();
        await worker.close();
      }, logger);
    });
}
