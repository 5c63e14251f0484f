import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bearer, createTestApp, type TestApp } from '../testing/test-app.js';
import { adult, at, message, minor, nextId } from '../testing/events.js';
import { statement } from '../store/write-set.js';

describe('/v1/cases, /v1/rules, /v1/actions', () => {
  let t: TestApp;
  let hashCase = '';
  let fanCase = '';
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const get = (url: string, key: string) => t.app.inject({ method: 'GET', url, headers: bearer(key) });
  const post = (url: string, key: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: bearer(key), ...(payload ? { payload } : {}) });

  it('lists queues and cases for reviewers, never for ingest keys', async () => {
    const kids = ['a', 'b', 'c', 'd', 'e'].map((k) => `kid_${k}`);
    const events = [adult('fan2'), ...kids.map((k) => minor(k)), ...kids.map((k, i) => message('fan2', k, at(10 + i)))];
    assert.equal(
      (await t.app.inject({ method: 'POST', url: '/v1/events', headers: bearer(t.keys.ingest), payload: events })).statusCode,
      200,
    );
    while ((await t.services.runner.runOnce()) > 0);
    const list = await get('/v1/cases', t.keys.reviewer);
    assert.equal(list.statusCode, 200);
    const body = list.json() as { cases: { id: string; subjectAccountId: string }[] };
    assert.equal(body.cases.length, 1);
    fanCase = body.cases[0]!.id;
    assert.deepEqual((await get('/v1/cases/queues', t.keys.reviewer)).json(), {
      queues: [{ queue: 'suspicious_adult', priority: 2, open: 1, overdue: 0 }],
    });
    assert.equal((await get('/v1/cases', t.keys.ingest)).statusCode, 403);
    assert.equal((await get('/v1/cases?priority=9', t.keys.reviewer)).statusCode, 400);
    const bad = await get('/v1/cases?cursor=nonsense', t.keys.reviewer);
    assert.equal(bad.statusCode, 400);
    assert.equal((bad.json() as { errors: { field: string }[] }).errors[0]!.field, 'cursor');
  });

  it('shows a case with its alerts, history and actions, and audits the view', async () => {
    const r = await get(`/v1/cases/${fanCase}`, t.keys.reviewer);
    assert.equal(r.statusCode, 200);
    const body = r.json() as {
      case: { status: string };
      alerts: { category: string }[];
      history: { change: string }[];
      actions: { type: string }[];
    };
    assert.equal(body.alerts[0]!.category, 'suspicious_adult');
    assert.deepEqual(
      body.history.map((h) => h.change),
      ['opened'],
    );
    assert.ok(body.actions.some((a) => a.type === 'hide_from_minors'));
    const audit = await t.store.db.selectFrom('audit_log').select(['action', 'actor']).where('action', '=', 'case.viewed').execute();
    assert.equal(audit.length, 1);
  });

  it('claims and decides over the API, refusing bad decisions with the field named', async () => {
    assert.equal(
      (await post(`/v1/cases/${fanCase}/decision`, t.keys.reviewer, { decision: 'dismiss', reason: 'false_positive' })).statusCode,
      409,
      'not claimed',
    );
    assert.equal((await post(`/v1/cases/${fanCase}/claim`, t.keys.reviewer)).statusCode, 200);
    assert.equal((await post(`/v1/cases/${fanCase}/claim`, t.keys.child_safety)).statusCode, 409, 'claimed by another');
    const bad = await post(`/v1/cases/${fanCase}/decision`, t.keys.reviewer, { decision: 'confirm', category: 'nonsense' });
    assert.equal(bad.statusCode, 400);
    assert.equal((bad.json() as { errors: { field: string }[] }).errors[0]!.field, 'category');
    const noNote = await post(`/v1/cases/${fanCase}/decision`, t.keys.reviewer, { decision: 'request_context' });
    assert.equal((noNote.json() as { errors: { field: string }[] }).errors[0]!.field, 'note');
    const ok = await post(`/v1/cases/${fanCase}/decision`, t.keys.reviewer, {
      decision: 'dismiss',
      reason: 'benign_relationship',
      note: 'his own team, confirmed by the club',
    });
    assert.equal(ok.statusCode, 200);
    assert.equal((ok.json() as { case: { outcome: string } }).case.outcome, 'dismissed');
  });

  it('hides known-image cases from a reviewer key: 404 by id, absent from lists; child_safety sees them', async () => {
    const upload = {
      id: nextId(),
      type: 'media.uploaded',
      ts: at(40),
      media: { id: 'm9', kind: 'image', owner: 'up2', md5: 'cd'.repeat(16) },
    };
    await t.app
      .inject({ method: 'POST', url: '/v1/banks', headers: bearer(t.keys.admin), payload: { name: 'api-bank', kind: 'positive' } })
      .then(async (r) => {
        const bankId = (r.json() as { id: string }).id;
        await t.app.inject({
          method: 'POST',
          url: `/v1/banks/${bankId}/entries`,
          headers: bearer(t.keys.admin),
          payload: [{ signalType: 'md5', value: 'cd'.repeat(16) }],
        });
      });
    await t.app.inject({ method: 'POST', url: '/v1/events', headers: bearer(t.keys.ingest), payload: [adult('up2'), upload] });
    while ((await t.services.runner.runOnce()) > 0);
    const cs = (await get('/v1/cases', t.keys.child_safety)).json() as { cases: { id: string; restricted: boolean }[] };
    hashCase = cs.cases.find((c) => c.restricted)!.id;
    assert.ok(hashCase);
    assert.equal((await get(`/v1/cases/${hashCase}`, t.keys.reviewer)).statusCode, 404);
    assert.equal((await post(`/v1/cases/${hashCase}/claim`, t.keys.reviewer)).statusCode, 404);
    assert.ok(!((await get('/v1/cases', t.keys.reviewer)).json() as { cases: { id: string }[] }).cases.some((c) => c.id === hashCase));
    assert.equal((await get(`/v1/cases/${hashCase}`, t.keys.child_safety)).statusCode, 200);
    assert.equal((await get(`/v1/cases/${hashCase}`, t.keys.admin)).statusCode, 200);
  });

  it('serves, validates and versions the policy; only admins change it', async () => {
    const cur = (await get('/v1/rules', t.keys.reviewer)).json() as { version: number; source: string };
    assert.equal(cur.version, 0);
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/v1/rules',
      headers: bearer(t.keys.admin),
      payload: { source: 'version: 1\nrules:\n  - id: x\n    when: { on: alert, categories: [grooming] }\n    then: [{ type: nope }]\n' },
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      (bad.json() as { errors: { field: string }[] }).errors.map((e) => e.field),
      ['rules[0].then[0].type'],
    );
    const v = await post('/v1/rules/validate', t.keys.reviewer, { source: cur.source });
    assert.deepEqual(v.json(), { valid: true, rules: 9 });
    assert.equal(
      (await t.app.inject({ method: 'PUT', url: '/v1/rules', headers: bearer(t.keys.reviewer), payload: { source: cur.source } }))
        .statusCode,
      403,
    );
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/v1/rules',
      headers: bearer(t.keys.admin),
      payload: { source: cur.source.replace('mode: shadow', 'mode: live'), note: 'review unwanted contact' },
    });
    assert.deepEqual(saved.json(), { version: 1, rules: 9 });
    const versions = (await get('/v1/rules/versions', t.keys.reviewer)).json() as { versions: { version: number }[] };
    assert.deepEqual(
      versions.versions.map((x) => x.version),
      [1],
    );
    assert.equal((await get('/v1/rules/versions/0', t.keys.reviewer)).statusCode, 200);
    assert.equal((await get('/v1/rules/versions/7', t.keys.reviewer)).statusCode, 404);
    const audit = await t.store.db.selectFrom('audit_log').select('action').where('action', '=', 'policy.updated').execute();
    assert.equal(audit.length, 1);
  });

  it('lists actions by status and lets an admin retry a failed one', async () => {
    const pending = (await get('/v1/actions?status=pending', t.keys.reviewer)).json() as { actions: { id: string; type: string }[] };
    assert.ok(pending.actions.length >= 1);
    const id = pending.actions[0]!.id;
    await t.engine.apply({
      statements: [
        statement(t.store.db.updateTable('actions').set({ status: 'failed', attempts: 12, last_error: 'HTTP 500' }).where('id', '=', id)),
      ],
    });
    assert.equal((await post(`/v1/actions/${id}/retry`, t.keys.reviewer)).statusCode, 403);
    const r = await post(`/v1/actions/${id}/retry`, t.keys.admin);
    assert.deepEqual(r.json(), { id, status: 'pending' });
    assert.equal((await post(`/v1/actions/${id}/retry`, t.keys.admin)).statusCode, 409);
    assert.equal((await get('/v1/actions?status=bogus', t.keys.reviewer)).statusCode, 400);
  });
});
