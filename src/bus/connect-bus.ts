import {
  AckPolicy,
  connect,
  DeliverPolicy,
  DiscardPolicy,
  nanos,
  RetentionPolicy,
  StorageType,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
} from 'nats';
import type { Logger } from 'pino';
import { AppError } from '../core/app-error.js';
import { consumerName, eventSubject, modelStream, modelSubject, type BusOptions } from './bus-options.js';

export interface Bus {
  readonly options: BusOptions;
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  /** True while the client is connected to the server (it reconnects by itself). */
  readonly connected: boolean;
  close(): Promise<void>;
}

/**
 * Connects and makes sure the two streams and the per-partition consumers exist, so that any
 * process can start first. Idempotent: a stream that exists keeps its messages; its limits are
 * updated to these settings.
 */
export async function connectBus(options: BusOptions, logger: Logger, name: string): Promise<Bus> {
  let nc: NatsConnection;
  try {
    // Reconnect forever: a restarted nats-server must not take the process with it.
    nc = await connect({ servers: options.url, name, maxReconnectAttempts: -1, reconnectTimeWait: 250, timeout: 5_000 });
  } catch (cause) {
    throw new AppError('not_ready', `cannot reach NATS at ${options.url}: is nats-server running with JetStream (-js)?`, { cause });
  }
  let connected = true;
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect') connected = false;
      if (s.type === 'reconnect') connected = true;
      if (s.type === 'disconnect' || s.type === 'reconnect') logger.warn({ bus: s.type }, 'bus connection changed');
    }
  })();
  const jsm = await nc.jetstreamManager({ timeout: 5_000 });
  const subjects = Array.from({ length: options.partitions }, (_, p) => eventSubject(options, p));
  const events = {
    name: options.stream,
    subjects: [`${options.stream.toLowerCase()}.events.*`],
    // Work queue: a message leaves the stream once its partition's owner acknowledges it, so
    // the limits below bound the backlog, and "over the limit" means workers are behind.
    retention: RetentionPolicy.Workqueue,
    discard: DiscardPolicy.New,
    storage: StorageType.File,
    max_msgs: options.maxMessages,
    max_bytes: options.maxBytes,
    // Publishes carry the event id as Nats-Msg-Id: a client's retry within this window is
    // stored once (the store's event-id check covers retries after it).
    duplicate_window: nanos(120_000),
  };
  const model = {
    name: modelStream(options),
    subjects: [modelSubject(options)],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    // A node that restarts rebuilds its memory from the database, then reads the feed from
    // shortly before that: an hour of history is far more than any restart needs.
    max_age: nanos(3_600_000),
  };
  try {
    await upsertStream(jsm, events);
    await upsertStream(jsm, model);
    for (let p = 0; p < options.partitions; p++) {
      try {
        await jsm.consumers.info(options.stream, consumerName(p));
      } catch {
        await jsm.consumers.add(options.stream, consumerConfig(options, subjects[p]!, p));
      }
    }
  } catch (cause) {
    await nc.close().catch(() => undefined);
    throw new AppError('not_ready', `cannot set up the JetStream streams on ${options.url}`, { cause });
  }
  return {
    options,
    nc,
    js: nc.jetstream({ timeout: options.publishTimeoutMs }),
    jsm,
    get connected() {
      return connected && !nc.isClosed();
    },
    async close() {
      if (!nc.isClosed()) await nc.drain().catch(() => undefined);
    },
  };
}

function consumerConfig(options: BusOptions, subject: string, p: number) {
  return {
    durable_name: consumerName(p),
    filter_subject: subject,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(options.ackWaitMs),
    // At most one batch in flight per partition.
    // One batch. Two (the next delivered while the current one commits) was tried: under load a
    // queued batch's ack wait ran out before its turn, it was redelivered, and the partition
    // restarted over and over (docs/scale-out.md, Speed).
    max_ack_pending: options.batch,
    max_deliver: -1,
  };
}

/**
 * Starts a partition's consumer again from its oldest unacknowledged message. On a work-queue
 * stream every acknowledged message is gone, so "deliver all" is exactly what is left to do, in
 * stream order. A new owner (or an owner whose batch failed) calls this before it pulls: the
 * messages a dead owner held are otherwise redelivered only after the ack wait, by which time
 * newer messages of the same keys could have overtaken them.
 */
export async function resetConsumer(bus: Bus, p: number): Promise<void> {
  const { options, jsm } = bus;
  await jsm.consumers.delete(options.stream, consumerName(p)).catch(() => undefined);
  await jsm.consumers.add(options.stream, consumerConfig(options, eventSubject(options, p), p));
}

async function upsertStream(jsm: JetStreamManager, cfg: Parameters<JetStreamManager['streams']['add']>[0] & { name: string }) {
  try {
    await jsm.streams.info(cfg.name);
    await jsm.streams.update(cfg.name, cfg);
  } catch (e) {
    if ((e as { code?: string }).code !== '404' && !String((e as Error).message).includes('not found')) throw e;
    await jsm.streams.add(cfg);
  }
}
