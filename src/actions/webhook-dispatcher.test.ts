import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import { createEngine, type Engine } from '../engine/create-engine.js';
import type { RuleMatch } from '../rules/evaluate-policy.js';
import { createStore, type Store } from '../store/store.js';
import { BASE_MS, adult, minor, silentLogger, testConfig, valid } from '../testing/events.js';
import { dueActions } from './action-store.js';
import { planActions } from './plan-actions.js';
import { createWebhookDispatcher, type WebhookDispatcher } from './webhook-dispatcher.js';
import { signWebhook } from './webhook-signature.js';

type Verify = (o: {
  secret: string;
  headers: Record<string, unknown>;
  rawBody: string;
  seen: Set<string>;
  nowSec?: number;
  toleranceSec?: number;
}) => { ok: boolean; reason?: string; action?: { id: string } };

/** The README's reference verifier, extracted and imported as published. */
async function readmeVerifier(): Promise<Verify> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const m = /<!-- reference-verifier -->\s*```js\n([\s\S]*?)```/.exec(readme);
  assert.ok(m, 'README has the reference verifier block');
  const file = join(mkdtempSync(join(tmpdir(), 'warden-verifier-')), 'verify.mjs');
  writeFileSync(file, m[1]!);
  return ((await import(file)) as { verifyWardenWebhook: Verify }).verifyWardenWebhook;
}

const SECRET = 'test-secret-0123456789abcdef';
const rule = (id: string, type: 'restrict_messaging_minors' | 'remove_content'): RuleMatch => ({
  rule: { id, mode: 'live', when: { on: 'alert', categories: ['sextortion'] }, then: [{ type }] },
  mode: 'live',
  actions: [{ type }],
});

describe('the README reference verifier', () => {
  let verify: Verify;
  before(async () => {
    verify = await readmeVerifier();
  });
  const body = JSON.stringify({ id: 'act_1', type: 'remove_content' });
  const now = 1_796_000_000;
  const headers = (sig = signWebhook(SECRET, now, body), delivery = 'act_1') => ({ 'warden-signature': sig, 'warden-delivery': delivery });

  it('accepts a genuine delivery once, and calls a second copy a duplicate', () => {
    const seen = new Set<string>();
    assert.equal(verify({ secret: SECRET, headers: headers(), rawBody: body, seen, nowSec: now }).ok, true);
    const again = verify({ secret: SECRET, headers: headers(), rawBody: body, seen, nowSec: now + 10 });
    assert.deepEqual([again.ok, again.reason], [false, 'duplicate']);
  });

  it('rejects forged, altered, stale and mismatched deliveries', () => {
    const cases: [Record<string, unknown>, string, number, string][] = [
      [headers(signWebhook('another-secret-0123456789', now, body)), body, now, 'bad signature'],
      [headers(), body.replace('remove_content', 'suspend_account'), now, 'bad signature'],
      [headers(), body, now + 301, 'timestamp outside tolerance'],
      [headers(signWebhook(SECRET, now - 3600, body)), body, now, 'timestamp outside tolerance'],
      [headers(`t=${now},v1=${'0'.repeat(64)}`), body, now, 'bad signature'],
      [headers('v1=abc'), body, now, 'malformed signature'],
      [headers(undefined, 'act_2'), body, now, 'delivery id does not match the body'],
      [{}, body, now, 'missing signature or delivery id'],
    ];
    for (const [h, raw, at, reason] of cases) {
      const r = verify({ secret: SECRET, headers: h, rawBody: raw, seen: new Set(), nowSec: at });
      assert.deepEqual([r.ok, r.reason], [false, reason]);
    }
  });
});

describe('webhook dispatcher', () => {
  let store: Store;
  let engine: Engine;
  let verify: Verify;
  const clock = fixedClock(BASE_MS + 30 * 86_400_000);
  let server: ReturnType<typeof createServer>;
  let url = '';
  let respond: (req: IncomingMessage, res: ServerResponse, body: string) => void = (_q, res) => res.end();
  const received: { delivery: string; verified: boolean; reason?: string | undefined; attempt: string }[] = [];
  const seen = new Set<string>();

  before(async () => {
    verify = await readmeVerifier();
    store = await createStore(':memory:');
    engine = await createEngine({ store, config: testConfig(), logger: silentLogger(), clock });
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        const v = verify({
          secret: SECRET,
          headers: req.headers,
          rawBody: body,
          seen: new Set(seen),
          nowSec: Math.floor(clock.now() / 1000),
        });
        received.push({
          delivery: String(req.headers['warden-delivery']),
          verified: v.ok,
          reason: v.reason,
          attempt: String(req.headers['warden-attempt']),
        });
        respond(req, res, body);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await store.close();
  });

  const dispatcher = (over: Record<string, unknown> = {}): WebhookDispatcher =>
    createWebhookDispatcher({
      store,
      ledger: engine,
      clock,
      logger: silentLogger(),
      random: () => 0.5,
      config: {
        ...testConfig().actions,
        webhookUrl: url,
        webhookSecret: SECRET,
        timeoutMs: 300,
        maxAttempts: 3,
        baseBackoffMs: 1000,
        ...over,
      },
    });
  const makeActions = async (n: number, subject: string, type: 'restrict_messaging_minors' | 'remove_content' = 'remove_content') => {
    const planned = planActions(
      store.db,
      Array.from({ length: n }, (_, i) => rule(`r${i}`, type)),
      {
        subjectAccountId: subject,
        caseId: null,
        alertId: `alr_${subject}`,
        policyVersion: 0,
        actor: 'test',
        content: { eventIds: ['e1'] },
      },
      clock.now(),
    );
    await engine.apply({ statements: planned.statements, audit: planned.audit, flags: planned.flags });
  };
  const statusOf = async (subject: string) =>
    await store.db.selectFrom('actions').select(['status', 'attempts', 'last_error']).where('subject_account', '=', subject).execute();

  it('delivers signed actions that the reference verifier accepts', async () => {
    respond = (_q, res) => res.end('ok');
    await makeActions(20, 's1');
    // A generous timeout: twenty first connections on a loaded machine can take longer than
    // the helper's 300 ms, and a late answer would then be counted by the next test.
    assert.equal(await dispatcher({ timeoutMs: 10_000 }).runOnce(), 20);
    const rows = await statusOf('s1');
    assert.ok(rows.every((r) => r.status === 'delivered' && r.attempts === 1));
    assert.equal(received.length, 20);
    assert.ok(
      received.every((r) => r.verified),
      JSON.stringify(received.find((r) => !r.verified)),
    );
    const audit = await store.db.selectFrom('audit_log').select('action').where('action', '=', 'action.delivered').execute();
    assert.equal(audit.length, 20);
  });

  it('retries 500s with backoff and delivers once the receiver recovers', async () => {
    received.length = 0;
    let failures = 2;
    respond = (_q, res) => {
      res.statusCode = failures-- > 0 ? 500 : 200;
      res.end();
    };
    await makeActions(1, 's2');
    const d = dispatcher({ maxAttempts: 5, timeoutMs: 10_000 });
    assert.equal(await d.runOnce(), 1);
    assert.deepEqual(await statusOf('s2'), [{ status: 'pending', attempts: 1, last_error: 'HTTP 500' }]);
    assert.equal(await d.runOnce(), 0, 'not due until its backoff has passed');
    clock.advance(500); // random 0.5 × 1000 ms × 2^0
    assert.equal(await d.runOnce(), 1);
    clock.advance(999);
    assert.equal(await d.runOnce(), 0, 'second backoff is 0.5 × 2000 ms');
    clock.advance(1);
    assert.equal(await d.runOnce(), 1);
    assert.deepEqual(await statusOf('s2'), [{ status: 'delivered', attempts: 3, last_error: null }]);
    assert.deepEqual(
      received.map((r) => r.attempt),
      ['1', '2', '3'],
    );
  });

  it('fails for good on a permanent 4xx, and after maxAttempts when the receiver is down or silent; an admin notice names it', async () => {
    respond = (_q, res) => {
      res.statusCode = 410;
      res.end();
    };
    await makeActions(1, 's3');
    await dispatcher().runOnce();
    assert.deepEqual(await statusOf('s3'), [{ status: 'failed', attempts: 1, last_error: 'HTTP 410' }]);

    await makeActions(1, 's4');
    const down = dispatcher({ webhookUrl: 'http://127.0.0.1:9/hook' });
    for (let i = 0; i < 3; i++) {
      await down.runOnce();
      clock.advance(10_000);
    }
    const [s4] = await statusOf('s4');
    assert.equal(s4!.status, 'failed');
    assert.equal(s4!.attempts, 3);
    assert.match(s4!.last_error!, /connection failed/);

    respond = () => undefined; // never answers
    await makeActions(1, 's5');
    await dispatcher({ maxAttempts: 1 }).runOnce();
    assert.deepEqual(await statusOf('s5'), [{ status: 'failed', attempts: 1, last_error: 'no answer within 300 ms' }]);
    const notices = await store.db.selectFrom('admin_notices').select(['kind', 'detail']).where('kind', '=', 'action_failed').execute();
    assert.equal(notices.length, 3);
  });

  it('never holds up ingest while a delivery hangs, and loses nothing', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let inFlight = 0;
    respond = (_q, res) => {
      inFlight++;
      void held.then(() => res.end());
    };
    await makeActions(3, 's6');
    const d = dispatcher({ timeoutMs: 60_000 });
    const round = d.runOnce();
    while (inFlight < 3) await new Promise((r) => setTimeout(r, 5));
    const r = await engine.ingest([valid(adult('late-adult'), clock.now()), valid(minor('late-minor'), clock.now())]);
    assert.deepEqual(r.statuses, ['accepted', 'accepted'], 'ingest committed while three deliveries were still waiting');
    assert.ok((await statusOf('s6')).every((a) => a.status === 'pending'));
    release();
    await round;
    assert.ok((await statusOf('s6')).every((a) => a.status === 'delivered'));
  });

  const idsOf = async (subject: string) =>
    new Set((await store.db.selectFrom('actions').select('id').where('subject_account', '=', subject).execute()).map((r) => r.id));
  const until = async (what: string, cond: () => boolean | Promise<boolean>, ms = 5_000) => {
    const end = Date.now() + ms;
    while (!(await cond())) {
      if (Date.now() > end) assert.fail(`gave up waiting: ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };

  it('commits each outcome as it lands, while the rest of the batch is still out (issue 15, item 10)', async () => {
    const held: ServerResponse[] = [];
    let answered = 0;
    respond = (_q, res) => {
      if (answered < 3) {
        answered++;
        res.statusCode = 204;
        res.end();
      } else held.push(res);
    };
    await makeActions(6, 's8');
    const round = dispatcher({ concurrency: 2, timeoutMs: 60_000 }).runOnce();
    await until('two deliveries held', () => held.length === 2);
    // A crash now must not re-send the three the receiver acknowledged: they are committed.
    await until(
      'the acknowledged outcomes committed',
      async () => (await statusOf('s8')).filter((r) => r.status === 'delivered').length === 3,
    );
    const audit = await store.db
      .selectFrom('audit_log')
      .select('target_id')
      .where('action', '=', 'action.delivered')
      .where('subject_account', '=', 's8')
      .execute();
    assert.equal(audit.length, 3, 'each with its audit entry');
    respond = (_q, res) => res.end();
    for (const res of held) res.end();
    assert.equal(await round, 6);
    assert.ok((await statusOf('s8')).every((r) => r.status === 'delivered' && r.attempts === 1));
  });

  it('commits outcomes that land together in one write, in the order they landed', async () => {
    // A transport that answers at once (the in-process simulator): every outcome of the round
    // lands before the first commit starts, and waiting for one commit before sending the next
    // would cost the round a second trip to the writer.
    await makeActions(12, 's11');
    const write = store.write;
    let writes = 0;
    store.write = (ws) => {
      writes++;
      return write(ws);
    };
    const order: string[] = [];
    try {
      const d = createWebhookDispatcher({
        store,
        ledger: engine,
        clock,
        logger: silentLogger(),
        // Not Math.random: a zero jitter would leave the 503s due at once, for the next test
        // to pick up as deliveries of its own (a CI run failed that way once in about twenty).
        random: () => 0.5,
        config: { ...testConfig().actions, webhookUrl: url, webhookSecret: SECRET },
        transport: (req) => {
          order.push(req.headers['warden-delivery']!);
          return Promise.resolve(order.length % 4 === 0 ? 503 : 200);
        },
      });
      assert.equal(await d.runOnce(), 12);
    } finally {
      store.write = write;
    }
    assert.equal(writes, 1);
    const rows = await store.db.selectFrom('actions').select(['id', 'status', 'attempts']).where('subject_account', '=', 's11').execute();
    assert.equal(rows.filter((r) => r.status === 'delivered').length, 9);
    assert.ok(rows.every((r) => r.attempts === 1));
    const audit = await store.db
      .selectFrom('audit_log')
      .select('target_id')
      .where('action', '=', 'action.delivered')
      .where('subject_account', '=', 's11')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.target_id),
      order.filter((_, i) => (i + 1) % 4 !== 0),
    );
  });

  it('stop() during a slow batch sends nothing more, lets those in flight finish and commits them', async () => {
    received.length = 0;
    const held: ServerResponse[] = [];
    respond = (_q, res) => held.push(res);
    await makeActions(10, 's9');
    const ids = await idsOf('s9');
    const due = await dueActions(store.db, clock.now(), 100);
    assert.deepEqual(
      due.filter((a) => !ids.has(a.id)).map((a) => a.subject_account),
      [],
      'no earlier test left an action due that this round could send first',
    );
    const d = dispatcher({ concurrency: 2, timeoutMs: 60_000 });
    d.start();
    await until('two deliveries in flight', () => held.length === 2);
    const stopped = d.stop();
    // Answer the two in flight, and anything sent after stop() at once (so that a dispatcher
    // that went on with the batch would show it in `received`, not hang).
    respond = (_q, res) => res.end();
    for (const res of held) res.end();
    await stopped;
    assert.equal(received.filter((r) => ids.has(r.delivery)).length, 2, 'no delivery was started after stop()');
    const rows = await statusOf('s9');
    assert.deepEqual(
      rows.map((r) => `${r.status}/${r.attempts}`).sort(),
      [...Array(2).fill('delivered/1'), ...Array(8).fill('pending/0')].sort(),
      'the two that finished are committed; the eight never sent wait, untouched, for the next start',
    );
  });

  it('stop() abandons a delivery that hangs past the grace, leaving its row as it was', async () => {
    respond = () => undefined; // never answers
    await makeActions(1, 's10');
    const [id] = await idsOf('s10');
    const d = createWebhookDispatcher({
      store,
      ledger: engine,
      clock,
      logger: silentLogger(),
      shutdownGraceMs: 50,
      config: { ...testConfig().actions, webhookUrl: url, webhookSecret: SECRET, timeoutMs: 5_000 },
    });
    d.start();
    await until('the delivery in flight', () => received.some((r) => r.delivery === id));
    await d.stop();
    // Nothing is known of it: not an attempt that failed, so it is sent again as it was.
    assert.deepEqual(await statusOf('s10'), [{ status: 'pending', attempts: 0, last_error: null }]);
  });

  it('holds actions in the outbox while no webhook is configured', async () => {
    await makeActions(1, 's7');
    assert.equal(await dispatcher({ webhookUrl: undefined }).runOnce(), 0);
    assert.deepEqual(
      (await statusOf('s7')).map((a) => a.status),
      ['pending'],
    );
  });
});
