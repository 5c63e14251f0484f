import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bearer, createTestApp, type TestApp } from '../testing/test-app.js';
import { adult, at, message, minor } from '../testing/events.js';
import { createReviewer } from './reviewer-store.js';
import { consoleSession } from '../testing/console-session.js';

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
    await createReviewer(t.store.db, { username: 'kim', displayName: 'Kim', roles: ['child_safety'], password: PASSWORD });
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
      payload: { decision: 'confirm', category: 'other_child_safety', note: 'Five children got the same opener within minutes.' },
    });
  });
  after(() => t.close());

  const session = (username: string) => consoleSession(t.app, username, PASSWORD);

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
    // A form, one labelled control per field (issue 17, defect 5); no inline style for the CSP to block.
    assert.match(page.body, /<label for="f-incidentType">Incident type<\/label>/);
    assert.match(page.body, /<select id="f-incidentType" name="incidentType"/);
    assert.match(page.body, /<textarea id="f-reporter-reportingPerson-email" name="reporter\.reportingPerson\.email"/);
    assert.doesNotMatch(page.body, /style=/, 'no inline style');
    const json = unescapeHtml(/<textarea id="draft-json" name="draft"[^>]*>([\s\S]*?)<\/textarea/.exec(page.body)![1]!);
    const draft = JSON.parse(json) as { incidentType?: string; additionalInfo: string };
    assert.ok(draft.incidentType, 'pre-filled');

    const post = (fields: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { ...form, cookie },
        payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
      });
    const notJson = await post({ draft: '{ nope', op: 'json' });
    assert.equal(notJson.statusCode, 400);
    assert.match(notJson.body, /<code>\(draft\)<\/code>: is not valid JSON/);
    assert.equal((await post({ op: 'save', incidentType: 'Child Sex Trafficking', 'reporter.reportingPerson.email': '' })).statusCode, 303);
    // A second person approves (four eyes); the missing email is named beside its field.
    const kim = await session('kim');
    const asKim = (fields: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { ...form, cookie: kim.cookie },
        payload: new URLSearchParams({ _csrf: kim.csrf, ...fields }).toString(),
      });
    const refused = await asKim({ op: 'approve' });
    assert.equal(refused.statusCode, 400);
    assert.match(
      refused.body,
      /aria-invalid="true"[^>]*>[^<]*<\/textarea>[\s\S]{0,400}<p class="error" id="f-reporter-reportingPerson-email-err">is required/,
      'the error beside its field',
    );
    assert.match(refused.body, /<option value="Child Sex Trafficking" selected>/, 'what the reviewer saved is kept');
    const badMail = await post({ op: 'save', 'reporter.reportingPerson.email': 'not an address' });
    assert.equal(badMail.statusCode, 400);
    assert.match(badMail.body, /id="f-reporter-reportingPerson-email-err">[^<]*email/i);
    // The reviewer's note is shown and offered; added only when asked.
    assert.match(page.body, /<q>Five children got the same opener within minutes\.<\/q>/);
    assert.doesNotMatch(draft.additionalInfo, /same opener/);
    assert.equal((await post({ op: 'add_note', note: '0' })).statusCode, 303);
    const noted = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    assert.match(noted.body, /<textarea id="f-additionalInfo"[^>]*>[^<]*Reviewer&#39;s note: Five children got the same opener/);
    // The chat window the reviewer chooses: a bad bound is named, a good one rebuilds the content.
    const badWindow = await post({ op: 'chat', chatFrom: 'yesterday-ish' });
    assert.equal(badWindow.statusCode, 400);
    assert.match(badWindow.body, /<code>chatFrom<\/code>: must be a date-time/);
    assert.match(noted.body, /The exchange around the cited messages runs from/);
    assert.equal((await post({ op: 'chat', chatFrom: at(12) })).statusCode, 303);
    const rebuilt = JSON.parse(
      (await t.store.db.selectFrom('cybertip_reports').select('draft').where('id', '=', url.split('/').pop()!).executeTakeFirstOrThrow())
        .draft,
    ) as { chat: { content: string } };
    const times = rebuilt.chat.content.split('\n').map((l) => l.slice(0, 19));
    assert.ok(times.length >= 1 && times.every((x) => `${x.replace(' ', 'T')}Z` >= at(12).slice(0, 19) + 'Z'), rebuilt.chat.content);
    const saved = await post({
      op: 'save',
      incidentType: 'Online Enticement of Children for Sexual Acts',
      'reporter.reportingPerson.email': 'cybertip@social.example',
      'annotations.minorToMinorInteraction': 'true',
    });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 2000));
    const own = await post({ op: 'approve' });
    assert.equal(own.statusCode, 403, 'the editor does not approve (reporting.fourEyes)');
    assert.match(own.body, /another reviewer approves it \(four eyes\)/);
    const ok = await asKim({ op: 'approve' });
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 2000));
    const after_ = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    assert.match(after_.body, /· approved<\/h1>/);
    assert.doesNotMatch(after_.body, /<textarea/, 'an approved report is no longer editable');
    const stored = JSON.parse(
      (await t.store.db.selectFrom('cybertip_reports').select('draft').where('id', '=', url.split('/').pop()!).executeTakeFirstOrThrow())
        .draft,
    ) as { annotations: Record<string, boolean>; reporter: { reportingPerson: { email: string[] } } };
    assert.deepEqual(stored.annotations, { minorToMinorInteraction: true });
    assert.deepEqual(stored.reporter.reportingPerson.email, ['cybertip@social.example']);
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
