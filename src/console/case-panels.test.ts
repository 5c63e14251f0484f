import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { insertAction } from '../actions/action-store.js';
import { actionRowOf, caseRow } from '../testing/case-rows.js';
import { insertCase } from '../cases/case-store.js';
import { bearer, createTestApp, type TestApp } from '../testing/test-app.js';
import { createReviewer } from './reviewer-store.js';
import { consoleSession } from '../testing/console-session.js';

/*
 * Issue 17, part A, in the console: a case's actions with their state and the steps a role may
 * take; its evidence packages, with export for legal; the appeal queue. Every step and every
 * refusal audited; the legal role never sees a decoy case's evidence (left on issue 19).
 */
const PASSWORD = 'a long enough password';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('enforcement, evidence and appeals in the console (issue 17)', () => {
  let t: TestApp;
  let pkg = '';
  let decoyPkg = '';
  before(async () => {
    t = await createTestApp(':memory:', {
      evidence: {
        keys: `k1:${randomBytes(32).toString('base64')}`,
        signingKey: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
    });
    for (const [username, roles] of [
      ['ana', ['reviewer']],
      ['lee', ['child_safety']],
      ['kim', ['legal']],
      ['root', ['admin']],
    ] as const)
      await createReviewer(t.store.db, { username, displayName: username, roles: [...roles], password: PASSWORD });
    const now = t.clock.now();
    const open = { status: 'open', outcome: null, outcome_category: null, closed_ms: null, closed_by: null };
    await t.engine.apply({
      statements: [
        insertCase(t.store.db, caseRow('case_e', 'u_adult', now, open)),
        insertCase(
          t.store.db,
          caseRow('case_d', 'u_off', now, { ...open, restricted: 1, categories: 'decoy_contact', queue: 'decoy_contact' }),
        ),
        insertAction(t.store.db, actionRowOf('act_pending', 'case_e', 'u_adult', 'restrict_messaging_minors', 'pending', now)),
        insertAction(t.store.db, actionRowOf('act_failed', 'case_e', 'u_adult', 'remove_content', 'failed', now)),
        insertAction(t.store.db, actionRowOf('act_done', 'case_e', 'u_adult', 'hide_from_minors', 'delivered', now)),
      ],
    });
    pkg = (await t.services.evidence.preserve('case_e', 'before the report', 'reviewer:lee')).packageId;
    decoyPkg = (await t.services.evidence.preserve('case_d', 'decoy contact', 'system:rules')).packageId;
  });
  after(() => t.close());

  const session = (username: string) => consoleSession(t.app, username, PASSWORD);
  type S = Awaited<ReturnType<typeof session>>;
  const post = (s: S, url: string, fields: Record<string, string>, csrf = s.csrf) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...form, cookie: s.cookie },
      payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });
  const get = (s: S, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  const statusOf = async (id: string) =>
    (await t.store.db.selectFrom('actions').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  const audited = async (action: string, actor?: string) =>
    (
      await t.store.db
        .selectFrom('audit_log')
        .select(['actor', 'target_id', 'detail'])
        .where('action', '=', action)
        .$if(actor !== undefined, (q) => q.where('actor', 'like', `reviewer:%`))
        .execute()
    ).length;

  it('shows each action with its state, and only the steps the role may take', async () => {
    const ana = await session('ana');
    const page = (await get(ana, '/console/cases/case_e')).body;
    assert.match(page, /restrict_messaging_minors<\/strong> · live · <span class="state">pending/);
    assert.match(page, /<span class="state">confirmed by the platform<\/span>/);
    assert.match(page, /<span class="state overdue">failed<\/span>/);
    assert.doesNotMatch(page, /Cancel before it is sent|Request action|Retry delivery/, 'a reviewer sees the state, not the buttons');
    assert.doesNotMatch(page, /id="evidence"/, 'nor the evidence');
    const lee = (await get(await session('lee'), '/console/cases/case_e')).body;
    assert.match(lee, /Cancel before it is sent/);
    assert.match(lee, /<option value="suspend_account">/);
    assert.doesNotMatch(lee, /Retry delivery/, 'retry is for admins (POST /v1/actions/:id/retry)');
  });

  it('refuses a step the role may not take, audited, and leaves the action as it was', async () => {
    const ana = await session('ana');
    const r = await post(ana, '/console/cases/case_e/actions/act_pending/cancel', { reason: 'I think not' });
    assert.equal(r.statusCode, 303);
    assert.match(String(r.headers.location), /msg=action_refused/);
    assert.equal(await statusOf('act_pending'), 'pending');
    assert.equal(await audited('action.refused'), 1);
  });

  it('cancels a pending action with a reason (CSRF checked), requests one, retries a failed one; each audited', async () => {
    const lee = await session('lee');
    assert.equal((await post(lee, '/console/cases/case_e/actions/act_pending/cancel', { reason: 'x' }, 'forged')).statusCode, 403);
    assert.match(
      String((await post(lee, '/console/cases/case_e/actions/act_pending/cancel', { reason: ' ' })).headers.location),
      /action_reason_missing/,
    );
    const r = await post(lee, '/console/cases/case_e/actions/act_pending/cancel', { reason: 'the platform already acted' });
    assert.match(String(r.headers.location), /msg=action_cancelled/);
    assert.equal(await statusOf('act_pending'), 'cancelled');
    assert.equal(await audited('action.cancelled'), 1);
    const req = await post(lee, '/console/cases/case_e/actions', { type: 'suspend_account', reason: 'repeated demands for payment' });
    assert.match(String(req.headers.location), /msg=action_requested/);
    const rows = await t.store.db.selectFrom('actions').selectAll().where('type', '=', 'suspend_account').execute();
    assert.deepEqual(
      rows.map((x) => [x.case_id, x.status, x.mode]),
      [['case_e', 'pending', 'live']],
    );
    assert.equal(await audited('action.requested'), 1);
    assert.match(
      String((await post(lee, '/console/cases/case_e/actions', { type: 'require_review', reason: 'x' })).headers.location),
      /action_request_invalid/,
    );
    const root = await session('root');
    assert.match(String((await post(root, '/console/cases/case_e/actions/act_failed/retry', {})).headers.location), /action_retried/);
    assert.equal(await statusOf('act_failed'), 'pending');
    // An action of another case cannot be reached through this case's URL.
    assert.match(String((await post(root, '/console/cases/case_d/actions/act_done/retry', {})).headers.location), /action_not_found/);
  });

  it("shows a case's evidence with expiry and hold to the evidence roles, and export to legal only", async () => {
    const kim = await session('kim');
    const page = (await get(kim, '/console/cases/case_e')).body;
    assert.match(page, new RegExp(`href="/console/evidence/${pkg}"`));
    assert.match(page, /Deleted after \d{4}-\d\d-\d\d \d\d:\d\d UTC unless held/);
    assert.match(page, /Export signed package/);
    await t.services.evidence.setHold(pkg, true, 'preservation letter', { actor: 'reviewer:kim', roles: ['legal'] });
    assert.match(
      (await get(kim, '/console/cases/case_e')).body,
      /<strong>Legal hold<\/strong> <span class="muted">\(preservation letter\)/,
    );
    const lee = await session('lee');
    assert.doesNotMatch((await get(lee, '/console/cases/case_e')).body, /Export signed package/);
    const manifest = await get(lee, `/console/evidence/${pkg}`);
    assert.equal(manifest.statusCode, 200);
    assert.match(manifest.body, /events\.jsonl|\.jsonl/);
    const refusedExport = await post(lee, `/console/evidence/${pkg}/export`, {});
    assert.equal(refusedExport.statusCode, 403);
    const ana = await session('ana');
    assert.equal((await get(ana, `/console/evidence/${pkg}`)).statusCode, 403);
    assert.equal(await audited('evidence.access_refused'), 2, 'the export by child_safety and the view by a reviewer');
    const tar = await post(kim, `/console/evidence/${pkg}/export`, {});
    assert.equal(tar.statusCode, 200);
    assert.equal(tar.headers['content-type'], 'application/x-tar');
    assert.equal(await audited('evidence.exported'), 1);
    assert.ok((await audited('evidence.viewed')) >= 1);
    assert.ok((await audited('evidence.listed')) >= 3);
  });

  it('never shows legal the evidence of a decoy case, through any path (issue 19)', async () => {
    const before = await audited('evidence.access_refused');
    const call = (method: 'GET' | 'POST', url: string, key: string, payload?: unknown) =>
      t.app.inject({
        method,
        url,
        headers: { ...bearer(key), ...(payload ? { 'content-type': 'application/json' } : {}) },
        ...(payload ? { payload: JSON.stringify(payload) } : {}),
      });
    const list = (await call('GET', '/v1/evidence', t.keys.legal)).json() as { packages: { id: string }[] };
    assert.deepEqual(
      list.packages.map((p) => p.id),
      [pkg],
    );
    assert.equal(((await call('GET', '/v1/evidence?caseId=case_d', t.keys.legal)).json() as typeof list).packages.length, 0);
    for (const [method, url, payload] of [
      ['GET', `/v1/evidence/${decoyPkg}`],
      ['GET', `/v1/evidence/${decoyPkg}/files/alerts.jsonl`],
      ['GET', `/v1/evidence/${decoyPkg}/verify`],
      ['GET', `/v1/evidence/${decoyPkg}/export`],
      ['POST', `/v1/evidence/${decoyPkg}/hold`, { hold: true, reason: 'x' }],
    ] as const)
      assert.equal((await call(method, url, t.keys.legal, payload)).statusCode, 404, `${method} ${url}`);
    const kim = await session('kim');
    assert.equal((await get(kim, `/console/evidence/${decoyPkg}`)).statusCode, 404);
    assert.equal((await post(kim, `/console/evidence/${decoyPkg}/export`, {})).statusCode, 404);
    assert.equal((await audited('evidence.access_refused')) - before, 7, 'each attempt on the record');
    // child_safety, who works decoy cases, still reads it.
    assert.equal((await call('GET', `/v1/evidence/${decoyPkg}`, t.keys.child_safety)).statusCode, 200);
    assert.equal(((await call('GET', '/v1/evidence', t.keys.child_safety)).json() as typeof list).packages.length, 2);
  });

  it('lists open appeals and records a reviewer’s decision from the console', async () => {
    const filed = await t.app.inject({
      method: 'POST',
      url: '/v1/appeals',
      headers: { ...bearer(t.keys.ingest), 'content-type': 'application/json' },
      payload: JSON.stringify({
        appealId: 'pl-c1',
        accountId: 'u_adult',
        actionId: 'act_done',
        statement: 'My account was hidden by mistake.',
      }),
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const id = filed.json().id as string;
    const ana = await session('ana');
    const queue = (await get(ana, '/console/appeals')).body;
    assert.match(queue, new RegExp(`href="/console/appeals/${id}">pl-c1`));
    assert.match((await get(ana, `/console/appeals/${id}`)).body, /My account was hidden by mistake\./);
    assert.match(String((await post(ana, `/console/appeals/${id}/decide`, { decision: 'reverse' })).headers.location), /msg=invalid/);
    const r = await post(ana, `/console/appeals/${id}/decide`, { decision: 'reverse', reason: 'The contact was a relative.' });
    assert.match(String(r.headers.location), /msg=decided/);
    assert.equal(
      (await t.store.db.selectFrom('appeals').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status,
      'reversed',
    );
    assert.equal((await t.store.db.selectFrom('actions').select('id').where('type', '=', 'reverse_action').execute()).length, 1);
    assert.equal((await get(await session('kim'), '/console/appeals')).statusCode, 404, 'legal does not hold the reviewer role');
  });
});
