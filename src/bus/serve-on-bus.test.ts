/*
 * `warden serve --bus` (issue 18, items 1, 3 and 4): the answer waits for the stream's
 * acknowledgement; a stream over its limit is a 503 with Retry-After, never a silent drop;
 * the gate answers from memory that the model feed keeps up to date; /readyz and /metrics.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { busOptions } from './bus-options.js';
import { connectBus } from './connect-bus.js';
import { publishModelUpdate } from './model-feed.js';
import { createApiKey } from '../server/api-key-store.js';
import { startServer, type RunningServer } from '../server/start-server.js';
import { adult, message, minor, silentLogger, testConfig } from '../testing/events.js';
import { natsSkip, startTestNats, type TestNats } from '../testing/nats-server.js';
import { waitUntil } from '../testing/scale-cluster.js';
import { createPgDatabase, type TestDatabase } from '../testing/test-databases.js';

describe('serve --bus', { skip: natsSkip, timeout: 120_000 }, () => {
  let nats: TestNats;
  let db: TestDatabase;
  let server: RunningServer;
  let ingestKey: string;
  let decideKey: string;
  const call = (path: string, key: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  before(async () => {
    nats = await startTestNats();
    db = await createPgDatabase();
    const config = testConfig({ store: { url: db.url }, server: { port: 0 } });
    // A stream that holds five events: the sixth finds it over its limit (no worker drains it here).
    const bus = busOptions({ url: nats.url, stream: 'SERVE', partitions: 4, maxMessages: 5 });
    server = await startServer(config, silentLogger(), { bus });
    ingestKey = (await createApiKey(server.store.db, 'platform', 'ingest')).key;
    decideKey = (await createApiKey(server.store.db, 'gate', 'decide')).key;
  });
  after(async () => {
    await server?.close();
    await db?.drop();
    await nats?.close();
  });

  it('answers after the stream took the events, and 503 with Retry-After once it is over its limit', async () => {
    const first = [adult('sa1'), minor('sm1'), message('sa1', 'sm1'), message('sm1', 'sa1'), message('sa1', 'sm1')];
    const ok = await call('/v1/events', ingestKey, first);
    assert.equal(ok.status, 200);
    const body = (await ok.json()) as { accepted: number; alerts: number };
    assert.equal(body.accepted, 5);
    assert.equal(body.alerts, 0, 'alerts are raised by the workers, later');

    const again = await call('/v1/events', ingestKey, first);
    assert.equal(again.status, 200, 'a re-send within the duplicate window is stored once');

    const full = await call('/v1/events', ingestKey, [message('sa1', 'sm1')]);
    assert.equal(full.status, 503);
    assert.equal(full.headers.get('retry-after'), '1');
    const problem = (await full.json()) as { type: string; detail: string };
    assert.equal(problem.type, 'urn:warden:problem:not_ready');
    assert.match(problem.detail, /did not take 1 of 1 events/);

    const metrics = await (await call('/metrics', ingestKey)).text();
    assert.match(metrics, /warden_ingest_published_total 10/);
    assert.match(metrics, /warden_ingest_refused_total 1/);
    assert.match(metrics, /warden_partition_lag\{partition="\d"\} \d/);
  });

  it('reports ready with the bus up, and not ready with it down', async () => {
    assert.equal((await call('/readyz', ingestKey)).status, 200);
    await nats.stop('SIGKILL');
    try {
      await waitUntil('readiness to fail', async () => (await call('/readyz', ingestKey)).status === 503, 15_000);
      assert.equal((await call('/v1/events', ingestKey, [message('sa2', 'sm2')])).status, 503, 'ingest refuses while the bus is down');
    } finally {
      await nats.start();
    }
    await waitUntil('readiness to come back', async () => (await call('/readyz', ingestKey)).status === 200, 30_000);
  });

  it('answers the gate from memory that the model feed updates, within a measured delay', async () => {
    const decide = async () =>
      (await (await call('/v1/decisions', decideKey, { action: 'message', actor: 'fa1', target: 'fm1' })).json()) as {
        decision: string;
        reasons: { code: string }[];
      };
    assert.ok(!(await decide()).reasons.some((r) => r.code === 'suspicious_account'));
    const sent = Date.now();
    // As a worker publishes after a commit: the accounts' facts and a flag its alert set.
    const worker = await connectBus(busOptions({ url: nats.url, stream: 'SERVE', partitions: 4, maxMessages: 5 }), silentLogger(), 'test');
    try {
      await publishModelUpdate(worker, {
        origin: 'worker-test',
        sentMs: sent,
        events: [JSON.stringify(adult('fa1')), JSON.stringify(minor('fm1'))],
        flags: [{ accountId: 'fa1', flag: 'suspicious', set: true }],
      });
    } finally {
      await worker.close();
    }
    await waitUntil(
      'the flag to reach the gate',
      async () => (await decide()).reasons.some((r) => r.code === 'suspicious_account'),
      10_000,
      20,
    );
    const delayMs = Date.now() - sent;
    assert.ok(delayMs < 10_000);
    const metrics = await (await call('/metrics', ingestKey)).text();
    assert.match(metrics, /warden_model_delay_seconds_count [1-9]/);
    assert.match(metrics, /warden_gate_decisions_total\{reason="suspicious_account"\} [1-9]/);
  });
});
