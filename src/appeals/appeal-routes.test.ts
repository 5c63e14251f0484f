import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { insertAction } from '../actions/action-store.js';
import { signWebhook } from '../actions/webhook-signature.js';
import { insertCase } from '../cases/case-store.js';
import { actionRowOf, caseRow } from '../testing/case-rows.js';
import { FLAG } from '../facts/facts.js';
import { transparencyReport } from '../transparency/transparency-report.js';
import { bearer, createTestApp, type TestApp } from '../testing/test-app.js';
import { DIALECTS, storeLocation, type TestDatabase } from '../testing/test-databases.js';

/*
 * Issue 17: appeals filed by the platform, answered by a reviewer, sent back by signed webhook;
 * a reversal undoes the contested actions through the outbox; the transparency report counts them.
 */
const SECRET = 'appeal-test-secret-0123456789';
const json = { 'content-type': 'application/json' };

for (const dialect of DIALECTS)
  describe(`appeals (issue 17, ${dialect})`, () => {
    let t: TestApp;
    let tdb: TestDatabase;
    const received: { headers: IncomingMessage['headers']; body: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });

    before(async () => {
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
      const port = (receiver.address() as AddressInfo).port;
      tdb = await storeLocation(dialect);
      t = await createTestApp(tdb.url, { actions: { webhookUrl: `http://127.0.0.1:${port}/hook`, webhookSecret: SECRET } });
      const now = t.clock.now();
      await t.engine.apply({
        statements: [
          insertCase(t.store.db, caseRow('case_a', 'u_adult', now)),
          insertCase(
            t.store.db,
            caseRow('case_k', 'u_known', now, { restricted: 1, categories: 'csam_hash_match', queue: 'csam_hash_match' }),
          ),
          insertAction(t.store.db, actionRowOf('act_restrict', 'case_a', 'u_adult', 'restrict_messaging_minors', 'delivered', now)),
          insertAction(t.store.db, actionRowOf('act_remove', 'case_a', 'u_adult', 'remove_content', 'pending', now)),
          insertAction(t.store.db, actionRowOf('act_known', 'case_k', 'u_known', 'restrict_messaging_minors', 'delivered', now)),
        ],
        flags: [{ accountId: 'u_adult', flag: 'restricted', set: true, source: 'rule:sextortion', reason: 'restrict_messaging_minors' }],
      });
    });
    after(async () => {
      await t.close();
      await tdb.drop();
      await new Promise((r) => receiver.close(r));
    });

    const call = (method: 'GET' | 'POST', url: string, key: string, body?: unknown) =>
      t.app.inject({
        method,
        url,
        headers: { ...bearer(key), ...(body === undefined ? {} : json) },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
    const audit = async (action: string) =>
      (
        await t.store.db
          .selectFrom('audit_log')
          .select(['actor', 'target_id', 'detail'])
          .where('action', '=', action)
          .orderBy('seq')
          .execute()
      ).map((r) => ({
        ...r,
        detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
      }));
    const filing = { appealId: 'pl-appeal-1', accountId: 'u_adult', actionId: 'act_restrict', statement: 'I did not send those messages.' };
    let appealId = '';

    it('files an appeal once: a repeat returns the first record, other content under the same id is a conflict', async () => {
      const first = await call('POST', '/v1/appeals', t.keys.ingest, filing);
      assert.equal(first.statusCode, 201, first.body);
      const a = first.json();
      appealId = a.id;
      assert.equal(a.status, 'open');
      assert.equal(a.caseId, 'case_a', 'the case is taken from the action');
      const again = await call('POST', '/v1/appeals', t.keys.ingest, filing);
      assert.equal(again.statusCode, 200);
      assert.equal(again.json().id, appealId);
      const other = await call('POST', '/v1/appeals', t.keys.ingest, { ...filing, statement: 'something else' });
      assert.equal(other.statusCode, 409);
      assert.equal((await audit('appeal.received')).length, 1);
      assert.equal((await call('POST', '/v1/appeals', t.keys.reviewer, filing)).statusCode, 403, 'only the platform files');
    });

    it('refuses a bad filing naming each field', async () => {
      const none = await call('POST', '/v1/appeals', t.keys.ingest, { appealId: 'x', accountId: 'u_adult', statement: 'please' });
      assert.equal(none.statusCode, 400);
      assert.match(none.json().detail, /actionId/);
      const empty = await call('POST', '/v1/appeals', t.keys.ingest, { ...filing, appealId: 'y', statement: '  ' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.json().detail, /statement/);
      const notTheirs = await call('POST', '/v1/appeals', t.keys.ingest, { ...filing, appealId: 'z', accountId: 'u_other' });
      assert.equal(notTheirs.statusCode, 400);
      assert.match(notTheirs.json().detail, /actionId/);
      const extra = await call('POST', '/v1/appeals', t.keys.ingest, { ...filing, appealId: 'w', colour: 'red' });
      assert.equal(extra.statusCode, 400);
      assert.match(extra.json().detail, /colour/);
    });

    it('hides an appeal on a restricted case from a reviewer without child_safety', async () => {
      const k = await call('POST', '/v1/appeals', t.keys.ingest, {
        appealId: 'pl-k',
        accountId: 'u_known',
        caseId: 'case_k',
        statement: 'mistake',
      });
      assert.equal(k.statusCode, 201, k.body);
      assert.equal((await call('GET', `/v1/appeals/${k.json().id}`, t.keys.reviewer)).statusCode, 404);
      assert.equal((await call('GET', `/v1/appeals/${k.json().id}`, t.keys.child_safety)).statusCode, 200);
      const listed = (await call('GET', '/v1/appeals?status=open', t.keys.reviewer)).json() as { appeals: { id: string }[] };
      assert.deepEqual(
        listed.appeals.map((a) => a.id),
        [appealId],
      );
      const decide = await call('POST', `/v1/appeals/${k.json().id}/decision`, t.keys.reviewer, { decision: 'reverse', reason: 'x' });
      assert.equal(decide.statusCode, 404);
    });

    it('reverses: the delivered restriction gets a reverse_action, the gate flag is lifted, the answer goes out signed', async () => {
      const bad = await call('POST', `/v1/appeals/${appealId}/decision`, t.keys.reviewer, { decision: 'maybe', reason: '' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().detail, /decision/);
      assert.match(bad.json().detail, /reason/);
      const r = await call('POST', `/v1/appeals/${appealId}/decision`, t.keys.reviewer, {
        decision: 'reverse',
        reason: 'The messages came from a shared device; the restriction is lifted.',
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().status, 'reversed');
      const rows = await t.store.db.selectFrom('actions').selectAll().where('case_id', '=', 'case_a').orderBy('id').execute();
      const reversal = rows.find((x) => x.type === 'reverse_action')!;
      assert.deepEqual(JSON.parse(reversal.params).reverses, { actionId: 'act_restrict', type: 'restrict_messaging_minors' });
      assert.equal(rows.find((x) => x.id === 'act_remove')!.status, 'pending', 'an appeal against one action leaves the others');
      const facts = t.engine.state.facts;
      assert.equal(facts.flags(facts.indexOf('u_adult')) & FLAG.restricted, 0, 'the gate no longer restricts the account');
      assert.equal(
        (await call('POST', `/v1/appeals/${appealId}/decision`, t.keys.reviewer, { decision: 'uphold', reason: 'x' })).statusCode,
        409,
      );

      await t.services.dispatcher.runOnce();
      const decided = received.find((x) => JSON.parse(x.body).type === 'appeal_decided')!;
      assert.ok(decided, 'the decision reached the platform');
      const body = JSON.parse(decided.body) as { content: { appeal: { platformAppealId: string; decision: string } } };
      assert.deepEqual([body.content.appeal.platformAppealId, body.content.appeal.decision], ['pl-appeal-1', 'reversed']);
      const t0 = /t=(\d+)/.exec(String(decided.headers['warden-signature']))![1]!;
      assert.equal(decided.headers['warden-signature'], signWebhook(SECRET, Number(t0), decided.body), 'signed like every webhook');
      assert.ok(received.some((x) => JSON.parse(x.body).type === 'reverse_action'));
      const entries = await audit('appeal.decided');
      assert.equal(entries.length, 1);
      assert.deepEqual(entries[0]!.detail!.undone, ['act_restrict']);
      assert.equal((await audit('action.reversed')).length, 1);
    });

    it('upholds: nothing undone, the answer still goes back; an appeal against a case cancels its pending actions on reversal', async () => {
      const up = await call('POST', '/v1/appeals', t.keys.ingest, {
        appealId: 'pl-2',
        accountId: 'u_adult',
        caseId: 'case_a',
        statement: 'unfair',
      });
      const r = await call('POST', `/v1/appeals/${up.json().id}/decision`, t.keys.reviewer, {
        decision: 'uphold',
        reason: 'The demand for payment is plain.',
      });
      assert.equal(r.json().status, 'upheld');
      assert.equal(
        (await t.store.db.selectFrom('actions').select('status').where('id', '=', 'act_remove').executeTakeFirstOrThrow()).status,
        'pending',
      );
      const rev = await call('POST', '/v1/appeals', t.keys.ingest, {
        appealId: 'pl-3',
        accountId: 'u_adult',
        caseId: 'case_a',
        statement: 'again',
      });
      await call('POST', `/v1/appeals/${rev.json().id}/decision`, t.keys.child_safety, {
        decision: 'reverse',
        reason: 'On a second look.',
      });
      assert.equal(
        (await t.store.db.selectFrom('actions').select('status').where('id', '=', 'act_remove').executeTakeFirstOrThrow()).status,
        'cancelled',
      );
      assert.equal((await audit('action.cancelled')).length, 1);
    });

    it('refuses an appeal answered by the reviewer who decided the case', async () => {
      const key = await t.store.db.selectFrom('api_keys').select('id').where('name', '=', 'test reviewer').executeTakeFirstOrThrow();
      const now = t.clock.now();
      await t.engine.apply({ statements: [insertCase(t.store.db, caseRow('case_own', 'u_own', now, { closed_by: `key:${key.id}` }))] });
      const a = await call('POST', '/v1/appeals', t.keys.ingest, {
        appealId: 'pl-own',
        accountId: 'u_own',
        caseId: 'case_own',
        statement: 'no',
      });
      const r = await call('POST', `/v1/appeals/${a.json().id}/decision`, t.keys.reviewer, { decision: 'reverse', reason: 'mine' });
      assert.equal(r.statusCode, 409);
      assert.match(r.json().detail, /someone other/);
    });

    it('counts appeals in the transparency report from the record', async () => {
      const report = await transparencyReport(t.store.db, 0, t.clock.now() + 1, t.clock.now());
      assert.deepEqual(report.appeals, { received: 5, upheld: 1, reversed: 2 });
    });
  });
