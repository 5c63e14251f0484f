/*
 * Fan-out across workers (issue 18): an adult writing to unconnected minors whose conversations
 * are partitioned to different workers is counted over all of them, not per worker. Each worker
 * publishes the contacts it records on the model feed and folds the others' into its tracker
 * (docs/scale-out.md, "Fan-out across workers").
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { busOptions, type BusOptions } from './bus-options.js';
import { connectBus, type Bus } from './connect-bus.js';
import { createWorker, type Worker } from './create-worker.js';
import { partitionLag } from './partition-lag.js';
import { partitionOfKey } from './partition-of.js';
import { createStore } from '../store/store.js';
import { adult, message, minor, silentLogger, testConfig } from '../testing/events.js';
import { natsSkip, startTestNats, type TestNats } from '../testing/nats-server.js';
import { publishAll, waitUntil } from '../testing/scale-cluster.js';
import { createPgDatabase, type TestDatabase } from '../testing/test-databases.js';

const PARTITIONS = 4;
const MINORS = 5; // the default fan-out threshold (behaviour.suspiciousAdult.fanOutMinors)

describe('fan-out counted across two workers', { skip: natsSkip, timeout: 120_000 }, () => {
  let nats: TestNats;
  let db: TestDatabase;
  let options: BusOptions;
  let bus: Bus;
  let workers: Worker[] = [];
  const logger = silentLogger();

  before(async () => {
    nats = await startTestNats();
    db = await createPgDatabase();
    await (await createStore(db.url)).close();
    options = busOptions({ url: nats.url, stream: 'FANOUT', partitions: PARTITIONS, batch: 50 });
    bus = await connectBus(options, logger, 'test');
    const config = testConfig({ store: { url: db.url } });
    for (let i = 0; i < 2; i++) workers.push(await createWorker({ bus: options, db: db.url, config, logger, rebalanceMs: 200 }));
    await waitUntil('two workers to split the partitions', () => workers.every((w) => w.owned.size === PARTITIONS / 2), 30_000);
  });
  after(async () => {
    for (const w of workers) await w.close();
    workers = [];
    await bus?.close();
    await db?.drop();
    await nats?.close();
  });

  const settled = () =>
    waitUntil('the stream to drain', async () => (await partitionLag(bus).catch(() => [1])).every((n) => n === 0), 30_000, 20);
  const countOn = (w: Worker) => w.engine.state.tracker.countRecentMinors(w.engine.state.facts.indexOf('fx'), 0);

  it('raises one fan-out alert when the minors are spread over both workers', async () => {
    await publishAll(
      bus,
      logger,
      [adult('fx'), ...Array.from({ length: MINORS }, (_, i) => minor(`fxm${i}`))].map((e) => JSON.stringify(e)),
    );
    await settled();
    // Conversations chosen so that they alternate between the two workers' partitions.
    const owners = workers.map((w) => new Set(w.owned));
    const conversations: string[] = [];
    for (let k = 0; conversations.length < MINORS; k++) {
      const id = `cfx${k}`;
      const p = partitionOfKey(`c:${id}`, PARTITIONS);
      if (owners[conversations.length % 2]!.has(p)) conversations.push(id);
    }
    for (let i = 0; i < MINORS; i++) {
      await publishAll(bus, logger, [JSON.stringify(message('fx', `fxm${i}`, undefined, conversations[i]))]);
      await settled();
      // The bounded delay of the design: each contact reaches the other worker through the feed.
      await waitUntil(`contact ${i + 1} on both workers`, () => workers.every((w) => countOn(w) === i + 1), 15_000, 10);
    }
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      const alerts = await c.query<{ subject_account: string; dedupe_key: string }>(
        `select subject_account, dedupe_key from alerts where category = 'suspicious_adult'`,
      );
      assert.equal(alerts.rows.length, 1, 'one alert over both workers (per-worker counts would be 3 and 2, under the threshold)');
      assert.equal(alerts.rows[0]!.subject_account, 'fx');
      assert.match(alerts.rows[0]!.dedupe_key, /fan_out/);
    } finally {
      await c.end();
    }
  });
});
