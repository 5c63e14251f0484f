/*
 * The shared model beyond ingest (issue 18): hash-bank changes reach every node's index as
 * deltas after a jitter, never by a full rebuild; flags set by cases and actions through the
 * ledger reach every node's gate; /metrics reports both outboxes' depth. Two `serve --bus`
 * nodes on one PostgreSQL database and one JetStream.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { busOptions } from './bus-options.js';
import { connectBus } from './connect-bus.js';
import { publishModelUpdate } from './model-feed.js';
import { createJitteredApplier } from './shared-changes.js';
import type { MediaMatcher } from '../media/media-matcher.js';
import { createApiKey } from '../server/api-key-store.js';
import { startServer, type RunningServer } from '../server/start-server.js';
import { adult, minor, silentLogger, testConfig } from '../testing/events.js';
import { natsSkip, startTestNats, type TestNats } from '../testing/nats-server.js';
import { waitUntil } from '../testing/scale-cluster.js';
import { createPgDatabase, type TestDatabase } from '../testing/test-databases.js';

const PDQ = 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22';
const JITTER_MS = 400;

describe('createJitteredApplier', () => {
  it('applies after the drawn delay, in arrival order, what arrived meanwhile in the same step', async () => {
    const seen: number[][] = [];
    const a = createJitteredApplier<number>(
      (b) => seen.push(b),
      200,
      () => 0.5,
    );
    const t0 = Date.now();
    a.push([1, 2]);
    a.push([3]);
    assert.equal(a.pending, 3);
    await waitUntil('the application', () => seen.length === 1, 5_000, 5);
    assert.ok(Date.now() - t0 >= 95, 'not before the drawn delay (half of 200 ms)');
    assert.deepEqual(seen, [[1, 2, 3]]);
    a.push([4]);
    await waitUntil('the second', () => seen.length === 2, 5_000, 5);
    assert.deepEqual(seen[1], [4]);
    assert.equal(a.applied, 4);
    a.close();
  });
});

describe('shared model across two serve --bus nodes', { skip: natsSkip, timeout: 120_000 }, () => {
  let nats: TestNats;
  let db: TestDatabase;
  let a: RunningServer;
  let b: RunningServer;
  let adminA: string;
  let decideB: string;
  let metricsKey: string;
  const fullLoads = new Map<RunningServer, number>();

  const call = (server: RunningServer, path: string, key: string, method = 'GET', body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  /** Counts full index loads on a node's current matcher (a rebuild would replace the matcher, which the tests check too). */
  function countLoads(server: RunningServer): MediaMatcher {
    const m = server.engine.state.matcher;
    const load = m.loadEntries.bind(m);
    fullLoads.set(server, 0);
    m.loadEntries = (list) => {
      fullLoads.set(server, fullLoads.get(server)! + 1);
      load(list);
    };
    return m;
  }

  before(async () => {
    nats = await startTestNats();
    db = await createPgDatabase();
    const config = testConfig({ store: { url: db.url }, server: { port: 0 } });
    const bus = busOptions({ url: nats.url, stream: 'SHARED', partitions: 4, bankJitterMs: JITTER_MS });
    a = await startServer(config, silentLogger(), { bus });
    b = await startServer(config, silentLogger(), { bus });
    adminA = (await createApiKey(a.store.db, 'ops', 'admin')).key;
    decideB = (await createApiKey(a.store.db, 'gate', 'decide')).key;
    metricsKey = (await createApiKey(a.store.db, 'platform', 'ingest')).key;
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
    await nats?.close();
  });

  it('brings bank changes made on one node to the other as deltas, within a bounded delay, with no full rebuild', async () => {
    const matcherA = countLoads(a);
    const matcherB = countLoads(b);
    const matchesOnB = () => matcherB.match({ pdq: PDQ }).length;
    assert.equal(matchesOnB(), 0);

    const bank = (await (await call(a, '/v1/banks', adminA, 'POST', { name: 'shared-bank', kind: 'positive' })).json()) as { id: string };
    const t0 = Date.now();
    const added = (await (await call(a, `/v1/banks/${bank.id}/entries`, adminA, 'POST', [{ signalType: 'pdq', value: PDQ }])).json()) as {
      stored: number;
      entries: { id: number }[];
    };
    assert.equal(added.stored, 1);
    assert.equal(matcherA.match({ pdq: PDQ }).length, 1, 'the node that took the change matches at once');
    await waitUntil('node B to match the new entry', () => matchesOnB() === 1, 15_000, 10);
    const addDelayMs = Date.now() - t0;

    const t1 = Date.now();
    assert.equal((await call(a, `/v1/banks/${bank.id}/entries/${added.entries[0]!.id}`, adminA, 'DELETE')).status, 204);
    await waitUntil('node B to stop matching the removed entry', () => matchesOnB() === 0, 15_000, 10);
    const removeDelayMs = Date.now() - t1;

    // Bounded: the jitter plus the feed's delay on a loaded host.
    assert.ok(addDelayMs < 15_000 && removeDelayMs < 15_000, `delays ${addDelayMs} / ${removeDelayMs} ms`);
    assert.equal(fullLoads.get(a), 0, 'node A did not reload its index');
    assert.equal(fullLoads.get(b), 0, 'node B did not reload its index');
    assert.equal(a.engine.state.matcher, matcherA, 'node A kept its matcher');
    assert.equal(b.engine.state.matcher, matcherB, 'node B kept its matcher');
  });

  it('brings flags set through the ledger (cases, actions) on one node to the gate of the other', async () => {
    const decide = async () =>
      (await (await call(b, '/v1/decisions', decideB, 'POST', { action: 'message', actor: 'ra1', target: 'rm1' })).json()) as {
        reasons: { code: string }[];
      };
    const restricted = async () => (await decide()).reasons.some((r) => r.code === 'restricted_account');
    // The two accounts, as a worker publishes them after it commits their events.
    const feed = await connectBus(busOptions({ url: nats.url, stream: 'SHARED', partitions: 4 }), silentLogger(), 'test');
    try {
      await publishModelUpdate(feed, {
        origin: 'worker-test',
        sentMs: Date.now(),
        events: [JSON.stringify(adult('ra1')), JSON.stringify(minor('rm1'))],
        flags: [],
      });
    } finally {
      await feed.close();
    }
    await waitUntil('the accounts to reach node B', () => b.engine.state.facts.accountCount >= 2, 15_000, 10);
    assert.equal(await restricted(), false);
    // What a review decision or a restriction action commits (cases/, actions/ call the ledger so).
    await a.engine.apply({ flags: [{ accountId: 'ra1', flag: 'restricted', set: true, source: 'test', reason: 'review decision' }] });
    await waitUntil('the restriction to reach node B', restricted, 15_000, 10);
    await a.engine.apply({ flags: [{ accountId: 'ra1', flag: 'restricted', set: false, source: 'test', reason: 'lifted on appeal' }] });
    await waitUntil('the lift to reach node B', async () => !(await restricted()), 15_000, 10);
  });

  it('reports the webhook and report outboxes depth in /metrics', async () => {
    const now = Date.now();
    const action = (id: string, status: string) => ({
      id,
      dedupe_key: id,
      type: 'restrict',
      mode: 'auto',
      status,
      subject_account: 'oa1',
      case_id: null,
      alert_id: null,
      rule_id: null,
      policy_version: null,
      params: '{}',
      attempts: 0,
      next_attempt_ms: now,
      last_error: null,
      created_ms: now,
      delivered_ms: null,
    });
    await a.store.db
      .insertInto('actions')
      .values([action('act1', 'pending'), action('act2', 'pending'), action('act3', 'delivered')])
      .execute();
    const report = (id: string, status: string) => ({
      id,
      case_id: 'case1',
      subject_account: 'oa1',
      status,
      draft: '{}',
      xml: null,
      environment: null,
      step: null,
      ncmec_report_id: null,
      attempts: 0,
      next_attempt_ms: now,
      last_error: null,
      created_by: 'key:test',
      created_ms: now,
      updated_ms: now,
      approved_by: null,
      approved_ms: null,
      deadline_ms: null,
      finished_ms: null,
      resolution: null,
      resolution_ncmec_id: null,
      resolution_by: null,
      resolution_ms: null,
    });
    await a.store.db
      .insertInto('cybertip_reports')
      .values([report('r1', 'approved'), report('r2', 'draft')])
      .execute();
    for (const node of [a, b]) {
      const text = await (await call(node, '/metrics', metricsKey)).text();
      assert.match(text, /warden_outbox_depth\{outbox="webhook"\} 2/);
      assert.match(text, /warden_outbox_depth\{outbox="report"\} 1/);
    }
  });
});
