/*
 * Fault suite for scale-out (issue 18, item 5): workers as their own processes on a
 * nats-server of the test's own and a throw-away PostgreSQL database. Sized for a 2-core
 * machine: WARDEN_SCALE_PAIRS adult/minor pairs (default 300) with ten messages each, about
 * 3,700 events a test, instead of the 100,000 (the bench runs the larger stream).
 * Every run is compared with an in-process replay of the same file: the same alerts, the
 * same audit entries, nothing extra, nothing missing.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { busOptions, type BusOptions } from './bus-options.js';
import { connectBus, type Bus } from './connect-bus.js';
import { partitionLag } from './partition-lag.js';
import { replay } from '../engine/replay.js';
import { createStore } from '../store/store.js';
import { silentLogger, testConfig } from '../testing/events.js';
import { natsSkip, startTestNats, type TestNats } from '../testing/nats-server.js';
import {
  conversationOrderKept,
  effectsIn,
  partitionHolders,
  publishAll,
  spawnWorker,
  terminateConnections,
  waitUntil,
  type Effects,
  type WorkerProcess,
} from '../testing/scale-cluster.js';
import { scaleStream, type ScaleStream } from '../testing/scale-stream.js';
import { createPgDatabase, type TestDatabase } from '../testing/test-databases.js';

const PAIRS = Number(process.env.WARDEN_SCALE_PAIRS ?? 300);
/** Waits grow with the stream: WARDEN_SCALE_PAIRS=8110 is the 100,000 events (12.3 a pair). */
const SCALE = Math.max(1, PAIRS / 300);
const PARTITIONS = 8;
const logger = silentLogger();

interface Cluster {
  db: TestDatabase;
  bus: Bus;
  options: BusOptions;
  workers: WorkerProcess[];
  add(): WorkerProcess;
  close(): Promise<void>;
}

async function cluster(nats: TestNats, stream: string, workers: number): Promise<Cluster> {
  const db = await createPgDatabase();
  // Migrated once before the workers start, so that they do not queue on the migration lock.
  await (await createStore(db.url)).close();
  const options = busOptions({ url: nats.url, stream, partitions: PARTITIONS, ackWaitMs: 3_000, batch: 200 });
  const bus = await connectBus(options, logger, 'fault-test');
  const c: Cluster = {
    db,
    bus,
    options,
    workers: [],
    add() {
      const w = spawnWorker({
        bus: nats.url,
        db: db.url,
        stream,
        partitions: PARTITIONS,
        ackWaitMs: 3_000,
        batch: 200,
        logLevel: process.env.WARDEN_SCALE_LOG ?? 'error',
      });
      c.workers.push(w);
      return w;
    },
    async close() {
      for (const w of c.workers) await w.kill('SIGKILL');
      await bus.close();
      await db.drop();
    },
  };
  for (let i = 0; i < workers; i++) c.add();
  return c;
}

const drained = (c: Cluster) => async () => (await partitionLag(c.bus).catch(() => [1])).every((n) => n === 0);

/** The effects an in-process replay of the same events leaves: the reference every run must equal. */
async function replayed(s: ScaleStream): Promise<Effects> {
  const dir = mkdtempSync(join(tmpdir(), 'warden-scale-'));
  const db = await createPgDatabase();
  try {
    const input = join(dir, 'events.jsonl');
    writeFileSync(input, [...s.facts, ...s.messages].join('\n') + '\n');
    await replay({ input, alertsOut: join(dir, 'alerts.jsonl'), db: db.url, config: testConfig(), logger, report: () => undefined });
    return await effectsIn(db.url);
  } finally {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Facts first, and only once every partition has taken them and the model feed has carried
 * them to every worker (a second is ample: the feed's delay is milliseconds), then the
 * conversations. A message never depends on a fact still travelling between partitions.
 */
async function publishFacts(c: Cluster, s: ScaleStream) {
  await publishAll(c.bus, logger, s.facts, 250);
  await waitUntil('the facts to be processed', drained(c), 45_000 * SCALE);
  await new Promise((r) => setTimeout(r, 1_000));
}

function assertSameEffects(got: Effects, want: Effects, total: number) {
  assert.equal(got.events, total, 'every event stored once');
  assert.ok(want.alerts.length > 0, 'the stream raises alerts');
  assert.deepEqual(got.alerts, want.alerts, 'the same alerts as the in-process replay, none doubled');
  assert.deepEqual(got.audit, want.audit, 'the same audit entries as the in-process replay, none doubled');
}

describe('scale-out under faults', { skip: natsSkip, timeout: 420_000 * SCALE }, () => {
  let nats: TestNats;
  before(async () => {
    nats = await startTestNats();
  });
  after(async () => {
    await nats?.close();
  });

  it('a worker killed with -9 mid-stream and started again: every effect exactly once, as in a replay', async () => {
    const s = scaleStream(PAIRS, 10, Date.now() - 3_600_000, 'k');
    const want = await replayed(s);
    const c = await cluster(nats, 'KILL', 2);
    try {
      await publishFacts(c, s);
      let killed = false;
      await publishAll(c.bus, logger, s.messages, 250, async (sent) => {
        if (!killed && sent >= s.messages.length / 2) {
          killed = true;
          await c.workers[0]!.kill('SIGKILL');
          c.add(); // started again at once, as a supervisor would
        }
      });
      assert.ok(killed);
      await waitUntil('every event to be processed', drained(c), 90_000 * SCALE);
      assertSameEffects(await effectsIn(c.db.url), want, s.facts.length + s.messages.length);
      const order = await conversationOrderKept(c.db.url);
      assert.equal(order.outOfOrder, 0, `per-conversation order kept across ${order.conversations} conversations`);
    } finally {
      await c.close();
    }
  });

  it('nats-server killed and restarted, then PostgreSQL connections cut, mid-stream: 503, recovery, nothing lost or doubled', async () => {
    const s = scaleStream(PAIRS, 10, Date.now() - 3_600_000, 'r');
    const want = await replayed(s);
    const c = await cluster(nats, 'RESTART', 2);
    try {
      await publishFacts(c, s);
      let step = 0;
      let restarted: Promise<void> | undefined;
      const { refusals } = await publishAll(c.bus, logger, s.messages, 250, async (sent) => {
        if (step === 0 && sent >= s.messages.length / 3) {
          step = 1;
          await nats.stop('SIGKILL');
          restarted = new Promise((r) => setTimeout(r, 1_500)).then(() => nats.start());
        } else if (step === 1 && sent >= (2 * s.messages.length) / 3) {
          step = 2;
          await restarted;
          assert.ok((await terminateConnections(c.db.url)) > 0, 'the workers had connections to cut');
        }
      });
      assert.equal(step, 2);
      assert.ok(refusals > 0, 'ingest answered 503 while the bus was down');
      await waitUntil('every event to be processed', drained(c), 90_000 * SCALE);
      assertSameEffects(await effectsIn(c.db.url), want, s.facts.length + s.messages.length);
      assert.equal((await conversationOrderKept(c.db.url)).outOfOrder, 0);
    } finally {
      await c.close();
    }
  });

  it('two workers, a third joins, one leaves: partitions move, per-conversation order kept, effects as in a replay', async () => {
    const s = scaleStream(PAIRS, 10, Date.now() - 3_600_000, 'j');
    const want = await replayed(s);
    const c = await cluster(nats, 'REBALANCE', 2);
    const owners = async () => {
      const h = await partitionHolders(c.db.url);
      return { held: h.size, workers: new Set(h.values()).size };
    };
    const sharedBy = (n: number) => async () => {
      const o = await owners();
      return o.held === PARTITIONS && o.workers === n;
    };
    try {
      await waitUntil('two workers to share every partition', sharedBy(2), 120_000);
      await publishFacts(c, s);
      let phase = 0;
      await publishAll(c.bus, logger, s.messages, 250, async (sent) => {
        if (phase === 0 && sent >= s.messages.length / 3) {
          phase = 1;
          c.add();
          await waitUntil('the third worker to take its share', sharedBy(3), 120_000);
        } else if (phase === 1 && sent >= (2 * s.messages.length) / 3) {
          phase = 2;
          await c.workers[0]!.kill('SIGTERM');
          await waitUntil('the two left to take every partition', sharedBy(2), 120_000);
        }
      });
      assert.equal(phase, 2);
      await waitUntil('every event to be processed', drained(c), 90_000 * SCALE);
      assertSameEffects(await effectsIn(c.db.url), want, s.facts.length + s.messages.length);
      const order = await conversationOrderKept(c.db.url);
      assert.equal(order.outOfOrder, 0, `per-conversation order kept across ${order.conversations} conversations`);
    } finally {
      await c.close();
    }
  });
});
