import type { Logger } from 'pino';
import type { WardenConfig } from '../config/config-schema.js';
import { systemClock, type Clock } from '../core/clock.js';
import { createBackgroundLoop } from '../core/background-loop.js';
import { createEngine, type Engine } from '../engine/create-engine.js';
import { createStore, type Store } from '../store/store.js';
import { createAuthenticator } from './auth.js';
import { createApp } from './create-app.js';
import { createServices, type Services } from './create-services.js';
import { enginePorts } from './engine-ports.js';
import { reservePort } from './reserve-port.js';
import { auditConfig } from '../audit/audit-config.js';
import { createCheckpointer, type Checkpointer } from '../audit/audit-checkpoint.js';
import type { BusOptions } from '../bus/bus-options.js';
import { serveOnBus, type ServeOnBus } from '../bus/serve-on-bus.js';
import { createSharedChanges } from '../bus/shared-changes.js';

export interface RunningServer {
  url: string;
  engine: Engine;
  store: Store;
  services: Services;
  /** Signs checkpoints of the audit head when `audit.checkpointKeyFile` is set. */
  checkpointer: Checkpointer | undefined;
  /** Stops taking requests, finishes in-flight batches, commits, closes the store. */
  close(): Promise<void>;
}

export interface ServerDeps {
  clock?: Clock;
  /** An already-open store (tests wrap one to slow its commits); opened from config when absent. */
  store?: Store;
  /** Publish events to this event bus instead of folding them here (`serve --bus`, docs/scale-out.md). */
  bus?: BusOptions;
}

export async function startServer(config: WardenConfig, logger: Logger, deps: ServerDeps = {}): Promise<RunningServer> {
  const clock = deps.clock ?? systemClock;
  const reservation = config.server.port === 0 ? undefined : await reservePort(config.server.host, config.server.port);
  let store: Store;
  try {
    store =
      deps.store ??
      (await createStore(config.store.url, {
        sqliteSynchronous: config.store.sqliteSynchronous,
        pgPoolSize: config.store.pgPoolSize,
        writerLock: 'warden serve',
        pgStateLock: 'shared',
      }));
  } catch (e) {
    // A held port left open keeps the process alive after the caller reports the error.
    await reservation?.release();
    throw e;
  }
  const started = Date.now();
  let services: Services | undefined;
  // Scale-out: flags and bank changes made on this node go to every other node's memory.
  const shared = deps.bus ? createSharedChanges() : undefined;
  const engine = await createEngine({
    store,
    config,
    logger,
    clock,
    onAlerts: () => services?.runner.wake(),
    ...(shared ? { onLedgerFlags: shared.flags, onBankChange: shared.bank } : {}),
  });
  logger.info(
    {
      store: store.location,
      dialect: store.dialect,
      accounts: engine.state.facts.accountCount,
      connections: engine.state.facts.edges.size,
      loadMs: Date.now() - started,
    },
    'state loaded',
  );
  // Read before anything else starts, so a bad key file or checkpoint file stops start-up.
  const checkpointer = config.audit.checkpointKeyFile
    ? createCheckpointer({ db: store.db, config: config.audit, logger, now: () => clock.now() })
    : undefined;
  services = await createServices({ store, engine, config, clock, logger, matcher: () => engine.state.matcher });
  const changed = await auditConfig(store, engine, config);
  if (changed) logger.info({ changed: changed.length }, 'configuration changed since the last start (recorded in the audit log)');
  const auth = createAuthenticator(store.db);
  let onBus: ServeOnBus | undefined;
  try {
    onBus = deps.bus
      ? await serveOnBus(deps.bus, engine, logger, { restoredAtMs: started, db: store.db, ...(shared ? { shared } : {}) })
      : undefined;
  } catch (e) {
    await reservation?.release();
    await engine.drain().catch(() => undefined);
    if (!deps.store) await store.close().catch(() => undefined);
    throw e;
  }
  const ports = enginePorts(engine);
  const { app, setShuttingDown } = createApp({
    ...ports,
    ...(onBus ? { ingest: onBus.ingest, scaleOut: onBus.scaleOut } : {}),
    store,
    config,
    auth,
    logger,
    clock,
    services,
  });
  await reservation?.release();
  let address: string;
  try {
    address = await app.listen({ host: config.server.host, port: config.server.port });
  } catch (e) {
    // A port already taken must not leave the store's writer thread holding the process open:
    // the caller reports the error and exits. A store passed in is the caller's to close.
    await app.close().catch(() => undefined);
    await onBus?.close();
    await engine.drain().catch(() => undefined);
    if (!deps.store) await store.close().catch(() => undefined);
    throw e;
  }
  services.start();
  checkpointer?.start();
  // Gate decisions are counted in memory (the gate does no I/O) and committed each minute
  // for transparency reports; once more at shutdown, so none counted is lost.
  const gateCounts = createBackgroundLoop('gate-counts', async () => (await engine.flushGateCounts(), 0), 60_000, logger);
  gateCounts.start();
  logger.info({ address }, 'warden listening');

  let closing: Promise<void> | undefined;
  return {
    url: address,
    engine,
    store,
    services,
    checkpointer,
    close() {
      closing ??= (async () => {
        setShuttingDown();
        // The webhook outbox stops sending at once rather than after the requests below: a
        // batch's deliveries not yet sent wait for the next start, those in flight get a short
        // grace, and each outcome is committed as it lands (issue 15, item 10).
        const outboxStopped = services?.dispatcher.stop();
        outboxStopped?.catch(() => undefined); // awaited below, through services.stop()
        const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), config.server.shutdownTimeoutMs).unref());
        // app.close() waits for in-flight requests, whose batches are committed before they answer.
        const result = await Promise.race([app.close().then(() => 'closed' as const), timeout]);
        if (result === 'timeout') {
          logger.warn('shutdown timed out waiting for requests; closing connections');
          app.server.closeAllConnections();
        }
        await services?.stop();
        await gateCounts.stop();
        await engine.flushGateCounts().catch((err: unknown) => logger.error({ err }, 'could not commit gate decision counts'));
        await onBus?.close();
        await engine.drain();
        // After the last commit, so the shutdown checkpoint pins every entry written.
        await checkpointer?.stop();
        await store.close();
        logger.info('warden stopped');
      })();
      return closing;
    },
  };
}
