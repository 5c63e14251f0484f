import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Decision, DecisionRequest } from '../gate/gate.js';
import type { Engine, IngestOutcome } from '../engine/create-engine.js';
import type { IngestItem } from '../engine/ingest-item.js';
import type { ScaleOutPort } from '../server/route-context.js';
import type { Database } from '../store/tables.js';
import { createBusIngest } from './bus-ingest.js';
import type { BusOptions } from './bus-options.js';
import { connectBus, type Bus } from './connect-bus.js';
import { followModel, type ModelFeed } from './model-feed.js';
import { setOutboxDepth } from './outbox-depth.js';
import { cachedLag } from './partition-lag.js';
import { createJitteredApplier, type SharedChanges } from './shared-changes.js';
import type { BankChange } from '../media/media-matcher.js';
import { createScaleMetrics, type ScaleMetrics } from './scale-metrics.js';

export interface ServeOnBus {
  bus: Bus;
  feed: ModelFeed;
  metrics: ScaleMetrics;
  ingest: { ingest(items: readonly IngestItem[]): Promise<IngestOutcome>; decide(req: DecisionRequest): Decision };
  scaleOut: ScaleOutPort;
  close(): Promise<void>;
}

export interface ServeOnBusOptions {
  /** Readiness fails while any partition has more than this many messages waiting. */
  maxLag?: number;
  /** When the engine's memory was read from the store (the model feed is read from just before). */
  restoredAtMs: number;
  /** The shared store: the outbox depth is read from it for /metrics. */
  db: Kysely<Database>;
  /** Flags and bank changes this node's engine reports, to send to the other nodes. */
  shared?: SharedChanges;
}

/**
 * `warden serve --bus`: events go to the stream instead of the local engine; the gate still
 * answers from this node's memory, which the model feed keeps up to date with what every
 * worker commits.
 */
export async function serveOnBus(options: BusOptions, engine: Engine, logger: Logger, o: ServeOnBusOptions): Promise<ServeOnBus> {
  const bus = await connectBus(options, logger, `warden serve (pid ${process.pid})`);
  const metrics = createScaleMetrics();
  // Unique per node, also for several nodes in one process (tests): a node skips only its own updates.
  const origin = `serve-${process.pid}-${randomBytes(3).toString('hex')}`;
  let feed: ModelFeed;
  const banks = createJitteredApplier<BankChange>((c) => engine.state.matcher.applyChanges(c), options.bankJitterMs);
  try {
    feed = await followModel(bus, {
      origin,
      facts: () => engine.state.facts,
      sinceMs: o.restoredAtMs,
      logger,
      onDelay: (ms) => metrics.modelDelay.observe(ms / 1000),
      onBank: (c) => banks.push(c),
    });
  } catch (e) {
    await bus.close();
    throw e;
  }
  o.shared?.attach(bus, origin, logger);
  const publisher = createBusIngest(bus, logger, (n) => metrics.published.inc(n));
  const lag = cachedLag(bus);
  const maxLag = o.maxLag ?? 100_000;
  return {
    bus,
    feed,
    metrics,
    ingest: {
      async ingest(items) {
        try {
          return await publisher.ingest(items);
        } catch (e) {
          metrics.refused.inc(items.length);
          throw e;
        }
      },
      decide(req) {
        const d = engine.decide(req);
        for (const r of d.reasons) metrics.decisions.inc({ reason: r.code });
        if (d.reasons.length === 0) metrics.decisions.inc({ reason: 'none' });
        return d;
      },
    },
    scaleOut: {
      async readiness() {
        if (!bus.connected) return 'the event bus is not reachable';
        let lags: number[];
        try {
          lags = await lag();
        } catch {
          return 'the event stream does not answer';
        }
        const worst = Math.max(...lags);
        return worst > maxLag ? `a partition is ${worst} events behind (limit ${maxLag})` : undefined;
      },
      async metrics() {
        try {
          const lags = await lag();
          lags.forEach((n, p) => metrics.lag.set({ partition: String(p) }, n));
        } catch {
          // The lag gauges keep their last values; readiness reports the bus.
        }
        await setOutboxDepth(o.db, metrics);
        return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
      },
    },
    async close() {
      await o.shared?.close();
      banks.close();
      await feed.close();
      await bus.close();
    },
  };
}
