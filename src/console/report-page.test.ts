import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bearer, createTestApp, type TestApp } from '../testing/test-app.js';
import { adult, at, message, minor } from '../testing/events.js';
import { createReviewer } from './reviewer-store.js';

const PASSWORD = 'a long enough password';
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('completing and approving a CyberTipline report in the console', () => {
  let t: TestApp;
  let caseId = '';
  before(async () => {
    t = await createTestApp();
    await createReviewer(t.store.db, { username: 'lee', displayName: 'Lee', roles: ['reviewer', 'legal'], password: PASSWORD });
    await createReviewer(t.store.db, { username: 'ana', displayName: 'Ana', roles: ['reviewer'], password: PASSWORD });
    const kids = ['q1', 'q2', 'q3', 'q4', 'q5'];
    await t.app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: bearer(t.keys.ingest),
      payload: [adult('qq'), ...kids.map((k) => minor(k)), ...kids.map((k, i) => message('qq', k, at(10 + i)))],
    });
    while ((await t.services.runner.runOnce()) > 0);
    caseId = (await t.store.db.selectFrom('cases').select('id').executeTakeFirstOrThrow()).id;
    await t.app.inject({ method: 'POST', url: `/v1/cases/${caseId}/claim`, headers: bearer(t.keys.reviewer) });
    // Confirmed as "other": the default policy drafts no report for it, so the reviewer starts one.
    await t.app.inject({
      method: 'POST',
      url: `/v1/cases/${caseId}/decision`,
      headers: bearer(t.keys.reviewer),
      payload: { decision: 'confirm', category: 'other_child_safety' },
    });
  });
  after(() => t.close());

  const session = async (username: string) => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/console/login',
      headers: form,
      payload: new URLSearchParams({ username, password: PASSWORD }).toString(),
    });
    const cookie = String(r.headers['set-cookie']).split(';')[0]!;
    const page = await t.app.inject({ method: 'GET', url: '/console', headers: { cookie } });
    return { cookie, csrf: /csrf-token" content="([^"]+)"/.exec(page.body)![1]! };
  };

  it('drafts from the case page, refuses an incomplete draft naming the field, and approves once complete', async () => {
    const { cookie, csrf } = await session('lee');
    const casePage = await t.app.inject({ method: 'GET', url: `/console/cases/${caseId}`, headers: { cookie } });
    assert.match(casePage.body, /Draft the report/);
    assert.match(casePage.body, /<dt>Behaviour score<\/dt>\s*<dd>\s*[01]\.\d\d/, 'the behaviour score beside the account context');
    const drafted = await t.app.inject({
      method: 'POST',
      url: `/console/cases/${caseId}/report`,
      headers: { ...form, cookie },
      payload: `_csrf=${csrf}`,
    });
    assert.equal(drafted.statusCode, 303);
    const url = drafted.headers.location!;
    const page = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    const draftJson = unescapeHtml(/<textarea name="draft"[^>]*>([\s\S]*?)<\/textarea>/.exec(page.body)![1]!);
    const draft = JSON.parse(draftJson) as { reporter: { reportingPerson: { email: string[] } }; incidentType: string };

    const post = (d: string, op: string) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { ...form, cookie },
        payload: new URLSearchParams({ _csrf: csrf, draft: d, op }).toString(),
      });
    const notJson = await post('{ nope', 'save');
    assert.equal(notJson.statusCode, 400);
    assert.match(notJson.body, /<code>\(draft\)<\/code>: is not valid JSON/);
    const refused = await post(JSON.stringify(draft), 'approve');
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /<code>reporter\.reportingPerson\.email<\/code>/);
    draft.reporter.reportingPerson.email = ['cybertip@social.example'];
    const badType = await post(JSON.stringify({ ...draft, incidentType: 'nonsense' }), 'save');
    assert.match(badType.body, /<code>incidentType<\/code>/);
    const ok = await post(JSON.stringify(draft), 'approve');
    assert.equal(ok.statusCode, 303);
    const after_ = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    assert.match(after_.body, /· approved<\/h1>/);
    assert.doesNotMatch(after_.body, /<textarea/, 'an approved report is no longer editable');
  });

  it('does not show reports to a reviewer without child_safety or legal', async () => {
    const { cookie } = await session('ana');
    const r = (await t.store.db.selectFrom('cybertip_reports').select('id').executeTakeFirstOrThrow()).id;
    assert.equal((await t.app.inject({ method: 'GET', url: `/console/reports/${r}`, headers: { cookie } })).statusCode, 404);
    assert.doesNotMatch(
      (await t.app.inject({ method: 'GET', url: `/console/cases/${caseId}`, headers: { cookie } })).body,
      /CyberTipline report/,
    );
  });
});
