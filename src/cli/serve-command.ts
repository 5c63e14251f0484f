import { Command } from 'commander';
import { createLogger } from '../core/create-logger.js';
import { startServer } from '../server/start-server.js';
import { configFrom, withCommon, type CommonFlags } from './common-options.js';
import { busFrom, withBusFlags, type BusFlags } from './bus-flags.js';

export function serveCommand(): Command {
  return withBusFlags(withCommon(new Command('serve').description('run the HTTP API: ingest, the inline gate and alerts')))
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--port <port>', 'port to listen on (default 8080)', (v) => Number(v))
    .action(async (flags: CommonFlags & BusFlags & { host?: string; port?: number }) => {
      const config = configFrom(flags, { server: { host: flags.host, port: flags.port } });
      const logger = createLogger(config.log.level);
      // Without --bus the embedded mode: ingest folds events in this process (the default).
      const server = await startServer(config, logger, flags.bus ? { bus: busFrom(flags) } : {});
      await waitForSignal(server.close, logger);
    });
}

/** Graceful shutdown on SIGINT/SIGTERM; a second signal exits at once. */
export function waitForSignal(close: () => Promise<void>, logger: { info: (o: object, m: string) => void }): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal: string) => {
      if (stopping) process.exit(130);
      stopping = true;
      logger.info({ signal }, 'shutting down');
      close().then(resolve, (e: unknown) => {
        process.stderr.write(`warden: shutdown failed: ${String(e)}\n`);
        process.exitCode = 1;
        resolve();
      });
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
