import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertNotice } from '../store/insert-notice.js';
import { statement } from '../store/write-set.js';
import { bearer, createTestApp, type TestApp } from '../testing/test-app.js';
import { createReviewer } from './reviewer-store.js';

const PASSWORD = 'a long enough password';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('a report stopped at needs_attention is resolved in the console, signed off by a second person', () => {
  let t: TestApp;
  const ids = { one: 'rpt_stopped_one', two: 'rpt_stopped_two', done: 'rpt_done' };
  before(async () => {
    t = await createTestApp();
    await createReviewer(t.store.db, { username: 'lee', displayName: 'Lee', roles: ['child_safety'], password: PASSWORD });
    await createReviewer(t.store.db, { username: 'kim', displayName: 'Kim', roles: ['legal'], password: PASSWORD });
    await createReviewer(t.store.db, { username: 'ana', displayName: 'Ana', roles: ['reviewer'], password: PASSWORD });
    const now = t.clock.now();
    const row = (id: string, status: string, extra: Record<string, unknown> = {}) =>
      statement(
        t.store.db.insertInto('cybertip_reports').values({
          id,
          case_id: `case_${id}`,
          subject_account: 'u_subject',
          status,
          draft: '{}',
          xml: '<report/>',
          environment: 'test',
          step: 'submit_sent',
          attempts: 0,
          last_error: 'submit: timed out; it may have reached NCMEC',
          created_by: 'test',
          created_ms: now,
          updated_ms: now,
          approved_by: 'reviewer:someone',
          approved_ms: now,
          deadline_ms: now + 86_400_000,
          ...extra,
        }),
      );
    await t.engine.apply({
      statements: [
        row(ids.one, 'needs_attention'),
        row(ids.two, 'needs_attention'),
        row(ids.done, 'submitted', { step: null, ncmec_report_id: '777', last_error: 'upload: connection reset (retried)' }),
        insertNotice(t.store.db, {
          id: `ntc_report_needs_attention_${ids.one}_submit_sent_1`,
          ts_ms: now,
          kind: 'report_needs_attention',
          detail: JSON.stringify({ reportId: ids.one, caseId: `case_${ids.one}`, reason: 'timeout' }),
        }),
        insertNotice(t.store.db, { id: 'ntc_bank_flood_1', ts_ms: now, kind: 'bank_flood', detail: '{}' }),
      ],
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
    return { cookie, csrf: /csrf-token" content="([^"]+)"/.exec(page.body)![1]!, page: page.body };
  };
  const post = (s: { cookie: string; csrf: string }, url: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...form, cookie: s.cookie },
      payload: new URLSearchParams({ _csrf: s.csrf, ...fields }).toString(),
    });
  const get = (s: { cookie: string }, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  const status = async (id: string) => t.store.db.selectFrom('cybertip_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('lists reports by state and shows report notices in the console', async () => {
    const lee = await session('lee');
    assert.match(lee.page, /href="\/console\/notices"[^>]*>Notices \(1\)/, 'the open report notice is counted in the header');
    const list = await get(lee, '/console/reports');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /needs attention \(2\)/);
    assert.match(list.body, /submitted \(1\)/);
    assert.match(list.body, new RegExp(`/console/reports/${ids.one}`));
    assert.doesNotMatch(list.body, new RegExp(`/console/reports/${ids.done}`), 'the needs_attention tab first');
    const notices = await get(lee, '/console/notices');
    assert.match(notices.body, /report needs attention/);
    assert.match(notices.body, new RegExp(`href="/console/reports/${ids.one}"`));
    assert.doesNotMatch(notices.body, /bank flood/, 'a bank notice is for admins, not for a report role');
    const listed = await t.store.db.selectFrom('audit_log').select('action').where('action', '=', 'reports.listed').execute();
    assert.ok(listed.length > 0, 'the list is audited');
    const ana = await session('ana');
    assert.equal((await get(ana, '/console/reports')).statusCode, 404, 'a plain reviewer sees no reports');
    assert.equal((await get(ana, '/console/notices')).statusCode, 404);
  });

  it('records "NCMEC has it", refuses the proposer\'s own sign-off, and moves on when a second person signs', async () => {
    const lee = await session('lee');
    const kim = await session('kim');
    const page = await get(lee, `/console/reports/${ids.one}`);
    assert.match(page.body, /NCMEC has it: its report id/);
    assert.match(page.body, /NCMEC does not have it: submit again/);
    const bad = await post(lee, `/console/reports/${ids.one}/resolution`, { outcome: 'filed', ncmecReportId: 'abc' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<code>ncmecReportId<\/code>: must be the report number NCMEC gave/);
    const ok = await post(lee, `/console/reports/${ids.one}/resolution`, { outcome: 'filed', ncmecReportId: '90210' });
    assert.equal(ok.statusCode, 303);
    assert.equal((await status(ids.one)).status, 'needs_attention', "nothing moves on one person's word");
    const mine = await get(lee, `/console/reports/${ids.one}`);
    assert.match(mine.body, /You proposed this; a second person signs it off/);
    assert.doesNotMatch(mine.body, /value="confirm"/);
    const self = await post(lee, `/console/reports/${ids.one}/resolution/decide`, { op: 'confirm' });
    assert.equal(self.statusCode, 403);
    assert.match(self.body, /another reviewer signs it off/);
    const signed = await post(kim, `/console/reports/${ids.one}/resolution/decide`, { op: 'confirm' });
    assert.equal(signed.statusCode, 303);
    const r = await status(ids.one);
    assert.deepEqual([r.status, r.step, r.ncmec_report_id, r.last_error, r.resolution], ['submitting', 'upload', '90210', null, null]);
    assert.match((await session('lee')).page, /Notices \(0\)/, 'its notice is acknowledged');
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('target_id', '=', ids.one)
      .where('action', 'like', 'report.resolution%')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['report.resolution_proposed', 'report.resolution_confirmed'],
    );
    assert.notEqual(audit[0]!.actor, audit[1]!.actor);
  });

  it('offers "submit again" through the API too, with a second key signing it off', async () => {
    const propose = await t.app.inject({
      method: 'POST',
      url: `/v1/reports/${ids.two}/resolution`,
      headers: bearer(t.keys.child_safety),
      payload: { outcome: 'resubmit' },
    });
    assert.equal(propose.statusCode, 202, propose.body);
    assert.equal((propose.json() as { resolution: { outcome: string } }).resolution.outcome, 'resubmit');
    const again = await t.app.inject({
      method: 'POST',
      url: `/v1/reports/${ids.two}/resolution`,
      headers: bearer(t.keys.legal),
      payload: { outcome: 'resubmit' },
    });
    assert.equal(again.statusCode, 409, 'one proposal at a time');
    const self = await t.app.inject({
      method: 'POST',
      url: `/v1/reports/${ids.two}/resolution/confirm`,
      headers: bearer(t.keys.child_safety),
    });
    assert.equal(self.statusCode, 403);
    const confirm = await t.app.inject({ method: 'POST', url: `/v1/reports/${ids.two}/resolution/confirm`, headers: bearer(t.keys.legal) });
    assert.equal(confirm.statusCode, 200, confirm.body);
    const r = await status(ids.two);
    assert.deepEqual([r.status, r.step, r.attempts], ['approved', 'submit', 0]);
    const reviewerOnly = await t.app.inject({
      method: 'POST',
      url: `/v1/reports/${ids.done}/resolution`,
      headers: bearer(t.keys.reviewer),
      payload: { outcome: 'resubmit' },
    });
    assert.equal(reviewerOnly.statusCode, 403);
    const notStopped = await t.app.inject({
      method: 'POST',
      url: `/v1/reports/${ids.done}/resolution`,
      headers: bearer(t.keys.child_safety),
      payload: { outcome: 'resubmit' },
    });
    assert.equal(notStopped.statusCode, 409);
    const byState = await t.app.inject({ method: 'GET', url: '/v1/reports?status=needs_attention', headers: bearer(t.keys.legal) });
    assert.equal(byState.statusCode, 200, byState.body);
  });

  it("does not show a filed report's last retry error", async () => {
    const page = await get(await session('kim'), `/console/reports/${ids.done}`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /connection reset/);
  });
});
