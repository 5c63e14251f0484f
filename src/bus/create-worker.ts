import { randomBytes } from 'node:crypto';
import type { JsMsg } from 'nats';
import type { Logger } from 'pino';
import type { WardenConfig } from '../config/config-schema.js';
import { createEngine, type Engine } from '../engine/create-engine.js';
import type { IngestItem } from '../engine/ingest-item.js';
import { validateEvent } from '../events/validate-event.js';
import { createStore, type Store } from '../store/store.js';
import { consumerName, PUBLISHED_HEADER, type BusOptions } from './bus-options.js';
import { connectBus, resetConsumer, type Bus } from './connect-bus.js';
import { followModel, publishModelUpdate, type ModelFeed } from './model-feed.js';
import { createPartitionFence } from './partition-fence.js';
import { createPartitionLeases, type PartitionLeases } from './partition-leases.js';
import { createJitteredApplier, createSharedChanges } from './shared-changes.js';
import type { BankChange } from '../media/media-matcher.js';
import { FACT_TYPES } from './partition-of.js';
import type { ScaleMetrics } from './scale-metrics.js';

export interface WorkerOptions {
  bus: BusOptions;
  /** The PostgreSQL URL every worker and server shares. */
  db: string;
  config: WardenConfig;
  logger: Logger;
  metrics?: ScaleMetrics;
  /** How often partitions are counted and rebalanced. */
  rebalanceMs?: number;
}

export interface Worker {
  readonly id: string;
  readonly owned: ReadonlySet<number>;
  readonly processed: number;
  readonly members: number;
  readonly bus: Bus;
  readonly store: Store;
  readonly feed: ModelFeed;
  /** The engine whose memory this worker folds into (replaced when it takes partitions). */
  readonly engine: Engine;
  close(): Promise<void>;
}

interface PartitionLoop {
  stop: boolean;
  done: Promise<void>;
}

/**
 * `warden worker`: owns a fair share of the partitions (partition-leases.ts), folds their
 * events through the same engine as embedded mode, and acknowledges a batch only after its
 * effects are committed. A redelivered event finds its id in the store and changes nothing,
 * so delivery is at least once and the effects exactly once.
 */
export async function createWorker(opts: WorkerOptions): Promise<Worker> {
  const { config, logger, metrics } = opts;
  const id = `worker-${process.pid}-${randomBytes(3).toString('hex')}`;
  const log = logger.child({ worker: id });
  const store = await createStore(opts.db, {
    pgPoolSize: config.store.pgPoolSize,
    writerLock: 'warden worker',
    pgStateLock: 'shared',
  });
  let bus: Bus | undefined;
  let leases: PartitionLeases | undefined;
  try {
    bus = await connectBus(opts.bus, log, id);
    leases = await createPartitionLeases(opts.db, opts.bus.partitions, log, 'warden worker');
  } catch (e) {
    await bus?.close();
    await store.close();
    throw e;
  }
  const b = bus;
  const l = leases;
  const onAlerts = (alerts: { category: string }[]) => {
    for (const a of alerts) metrics?.alerts.inc({ category: a.category });
  };
  const fence = createPartitionFence(store.db, id);
  // Every commit of this worker ends with the fence's check (partition-fence.ts).
  const fenced: Store = {
    ...store,
    write(ws) {
      const check = fence.statement();
      if (check) ws.statements.push(check);
      return store.write(ws);
    },
  };
  // Bank changes made here (an entry quarantined by the upload flood limit) go to every node.
  const shared = createSharedChanges();
  shared.attach(b, id, log);
  const newEngine = () => createEngine({ store: fenced, config, logger: log, onAlerts, onBankChange: shared.bank });
  let restoredAt = Date.now();
  let engine: Engine = await newEngine();
  const banks = createJitteredApplier<BankChange>((c) => engine.state.matcher.applyChanges(c), opts.bus.bankJitterMs);
  const feed = await followModel(b, {
    origin: id,
    facts: () => engine.state.facts,
    sinceMs: restoredAt,
    logger: log,
    onDelay: (ms) => metrics?.modelDelay.observe(ms / 1000),
    // Other workers' contacts: fan-out counts every worker's, not only this one's partitions.
    onContacts: (rows) => engine.state.tracker.restore(rows, engine.state.facts),
    onBank: (c) => banks.push(c),
  });
  const loops = new Map<number, PartitionLoop>();
  let processed = 0;
  let closing = false;

  /** False when the batch was not committed: the caller starts the partition again from its oldest message. */
  async function processBatch(p: number, msgs: JsMsg[]): Promise<boolean> {
    const started = performance.now();
    const items: IngestItem[] = [];
    const kept: JsMsg[] = [];
    const nowMs = Date.now();
    for (const m of msgs) {
      const text = m.string();
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        raw = undefined;
      }
      // The server validated it; a message that fails here was not published by Warden.
      const r = validateEvent(raw, { nowMs, maxFutureSkewMs: Number.MAX_SAFE_INTEGER });
      if (!r.ok) {
        log.error({ partition: p, seq: m.seq, field: r.error[0]?.field }, 'a message on the event stream is not a valid event; terminated');
        m.term('not a valid event');
        continue;
      }
      const item: IngestItem = r.value;
      item.body = text;
      items.push(item);
      kept.push(m);
    }
    if (items.length === 0) return true;
    if (!l.owns(p)) return false;
    const nak = (err: unknown, why: string) => {
      log.warn({ err, partition: p, n: kept.length }, why);
      // Not acknowledged: the partition restarts from its oldest message, and the store's
      // event ids make the retry safe.
      return false;
    };
    let outcome;
    try {
      outcome = await engine.ingest(items);
    } catch (err) {
      return nak(err, 'batch not committed; it will be redelivered');
    }
    // Every fact event of the batch, duplicates included: a redelivery after a lost model
    // publish republishes it, and applying it twice changes nothing.
    const events: string[] = [];
    for (const it of items) if (FACT_TYPES.has(it.event.type)) events.push(it.body!);
    const flags = (outcome.flags ?? []).map((f) => ({ accountId: f.accountId, flag: f.flag as 'suspicious', set: true }));
    const contacts = (outcome.contacts ?? []).map((c) => ({ from: c.from, to: c.to, lastMs: c.lastMs, lastEventId: c.lastEventId }));
    try {
      await publishModelUpdate(b, { origin: id, sentMs: Date.now(), events, flags, contacts });
    } catch (err) {
      return nak(err, 'committed, but the model update was not published; redelivering so it is');
    }
    // SECURITY: the ack comes only after the commit (and the model update) above.
    for (const m of kept) m.ack();
    processed += items.length;
    const doneMs = Date.now();
    let accepted = 0;
    for (const s of outcome.statuses) if (s === 'accepted') accepted++;
    metrics?.processed.inc(accepted);
    metrics?.batchSeconds.observe((performance.now() - started) / 1000);
    for (const m of kept) {
      const published = Number(m.headers?.get(PUBLISHED_HEADER));
      if (published > 0) metrics?.endToEnd.observe(Math.max(0, doneMs - published) / 1000);
    }
    return true;
  }

  function startLoop(p: number): void {
    const ctl: PartitionLoop = { stop: false, done: Promise.resolve() };
    ctl.done = (async () => {
      await resetConsumer(b, p);
      const consumer = await b.js.consumers.get(opts.bus.stream, consumerName(p));
      // A continuous pull: the server keeps up to `batch` messages in flight (max_ack_pending),
      // so a batch is whatever has arrived when the last one is committed. A fetch would wait
      // out its expiry whenever a partition has fewer than a full batch waiting.
      const msgs = await consumer.consume({ max_messages: opts.bus.batch });
      const queue: JsMsg[] = [];
      let failed = false;
      let wake: (() => void) | undefined;
      // Deliveries of one consumer are numbered without gaps. A gap is a delivery lost in
      // flight (a bus restart): it comes back only after the ack wait, behind newer messages
      // of the same keys, so stop here and start again from the oldest unacknowledged one.
      let lastDelivery = 0;
      const pump = (async () => {
        for await (const m of msgs) {
          if (m.info.deliverySequence !== lastDelivery + 1) {
            log.warn(
              { partition: p, expected: lastDelivery + 1, got: m.info.deliverySequence },
              'a delivery was lost; restarting the partition',
            );
            failed = true;
            wake?.();
            break;
          }
          lastDelivery = m.info.deliverySequence;
          queue.push(m);
          wake?.();
        }
      })().catch((err: unknown) => log.warn({ err: { message: (err as Error).message }, partition: p }, 'pull stopped'));
      while (!ctl.stop && !failed && l.owns(p)) {
        if (queue.length === 0) {
          await new Promise<void>((r) => {
            wake = r;
            setTimeout(r, 250);
          });
          wake = undefined;
          continue;
        }
        if (!(await processBatch(p, queue.splice(0, opts.bus.batch)))) {
          failed = true;
          break;
        }
      }
      await msgs.close().catch(() => undefined);
      // Bounded: an iterator caught in a reconnect may not end on close, and a loop that never
      // ends would hold up every rebalance after it.
      await Promise.race([pump, new Promise((r) => setTimeout(r, 2_000).unref())]);
      // Whatever arrived and was not committed is delivered again from the reset consumer.
      queue.length = 0;
      if (failed) await new Promise((r) => setTimeout(r, 1_000));
    })()
      .catch((err: unknown) => {
        log.error({ err: { message: (err as Error).message }, partition: p }, 'partition loop failed; restarting it');
        return new Promise((r) => setTimeout(r, 1_000));
      })
      .then(() => {
        // The next rebalance tick starts it again (from its oldest message) if it is still ours.
        if (loops.get(p) === ctl) loops.delete(p);
      });
    loops.set(p, ctl);
  }

  async function stopLoop(p: number): Promise<void> {
    const ctl = loops.get(p);
    if (!ctl) return;
    ctl.stop = true;
    log.debug({ partition: p }, 'stopping');
    // Bounded, so that one loop caught in a bus or database call cannot hold up every
    // rebalance; it can commit nothing once another worker took the partition (the fence).
    const stopped = await Promise.race([ctl.done.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 10_000).unref())]);
    if (!stopped) log.warn({ partition: p }, 'a partition loop did not stop within 10 s; going on without it');
    loops.delete(p);
  }

  async function tick(): Promise<void> {
    const change = await l.rebalance();
    if (change.lost.length + change.surplus.length + change.gained.length > 0) log.debug({ ...change }, 'rebalance');
    for (const p of change.lost) {
      fence.drop(p);
      await stopLoop(p);
    }
    for (const p of change.surplus) {
      await stopLoop(p);
      fence.drop(p);
      await l.release(p);
      log.info({ partition: p }, 'partition released to rebalance');
    }
    if (change.gained.length > 0) {
      // What the previous owner folded is in the store, not in this memory: rebuild it
      // (every loop paused, so no batch folds into a state being replaced), then re-read
      // the model feed from just before the rebuild.
      const running = [...loops.keys()];
      for (const p of running) await stopLoop(p);
      await engine.drain();
      // Waits for a previous owner's commit in flight, if any, and shuts out any later one.
      log.debug('taking the epochs');
      await fence.take(change.gained);
      log.debug('rebuilding memory');
      restoredAt = Date.now();
      engine = await newEngine();
      await feed.restart(restoredAt);
      log.info({ gained: change.gained, owned: [...l.owned].sort((a, c) => a - c), members: l.members }, 'partitions taken');
    }
    for (const p of l.owned) if (!loops.has(p)) startLoop(p);
  }

  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> = Promise.resolve();
  const schedule = () => {
    if (closing) return;
    timer = setTimeout(() => {
      ticking = tick()
        .catch((err: unknown) => log.warn({ err: { message: (err as Error).message } }, 'rebalance failed; retrying'))
        .finally(schedule);
    }, opts.rebalanceMs ?? 1_000);
  };
  await tick();
  schedule();

  return {
    id,
    get owned() {
      return l.owned;
    },
    get processed() {
      return processed;
    },
    get members() {
      return l.members;
    },
    bus: b,
    store,
    feed,
    get engine() {
      return engine;
    },
    async close() {
      closing = true;
      clearTimeout(timer);
      await ticking;
      for (const p of [...loops.keys()]) await stopLoop(p);
      await engine.drain();
      await shared.close();
      banks.close();
      await feed.close();
      await l.close();
      await b.close();
      await store.close();
    },
  };
}
