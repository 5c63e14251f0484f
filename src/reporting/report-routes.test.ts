import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bearer, createTestApp, type TestApp } from '../testing/test-app.js';
import { adult, at, message, minor } from '../testing/events.js';
import { NCMEC_XSD, SKIP_WITHOUT_NCMEC_XSD } from '../testing/ncmec-xsd.js';
import { validateAgainstSchema } from './ncmec/validate-xml.js';
import { statement } from '../store/write-set.js';

describe('CyberTipline report drafts from confirmed cases', () => {
  let t: TestApp;
  let caseId = '';
  let reportId = '';
  before(async () => {
    t = await createTestApp(':memory:', {
      reporting: { platform: 'Example Social', profileUrlTemplate: 'https://social.example/u/{handle}' },
    });
    const kids = ['r1', 'r2', 'r3', 'r4', 'r5'];
    const events = [
      {
        ...adult('grown'),
        account: {
          id: 'grown',
          ageBand: 'adult',
          handle: 'sunny_day',
          displayName: 'Sunny',
          ipCaptureEvents: [
            { ipAddress: '203.0.113.7', event: 'login', at: at(9), port: 443 },
            { ipAddress: '2001:db8::1', event: 'registration', at: at(1) },
          ],
        },
      },
      ...kids.map((k) => minor(k)),
      ...kids.map((k, i) => message('grown', k, at(10 + i))),
    ];
    await t.app.inject({ method: 'POST', url: '/v1/events', headers: bearer(t.keys.ingest), payload: events });
    while ((await t.services.runner.runOnce()) > 0);
    caseId = (
      (await t.app.inject({ method: 'GET', url: '/v1/cases', headers: bearer(t.keys.child_safety) })).json() as { cases: { id: string }[] }
    ).cases[0]!.id;
    // An earlier report about the same account, accepted by NCMEC.
    await t.engine.apply({
      statements: [
        statement(
          t.store.db.insertInto('cybertip_reports').values({
            id: 'rpt_old',
            case_id: 'case_old',
            subject_account: 'grown',
            status: 'submitted',
            draft: '{}',
            ncmec_report_id: '555001',
            attempts: 0,
            created_by: 'test',
            created_ms: 1,
            updated_ms: 1,
          }),
        ),
      ],
    });
  });
  after(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, key: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(key), ...(payload ? { payload } : {}) });

  it('drafts the report when a reviewer confirms, pre-filled from the case', async () => {
    assert.equal((await call('POST', `/v1/cases/${caseId}/report`, t.keys.child_safety)).statusCode, 409, 'not confirmed yet');
    await call('POST', `/v1/cases/${caseId}/claim`, t.keys.child_safety);
    await call('POST', `/v1/cases/${caseId}/decision`, t.keys.child_safety, { decision: 'confirm', category: 'grooming' });
    let list: { reports: { id: string; status: string; caseId: string }[] } = { reports: [] };
    for (let i = 0; i < 50 && !list.reports.some((x) => x.caseId === caseId); i++) {
      await new Promise((r) => setTimeout(r, 10));
      list = (await call('GET', '/v1/reports', t.keys.legal)).json() as typeof list;
    }
    list.reports = list.reports.filter((x) => x.caseId === caseId);
    assert.equal(list.reports.length, 1);
    reportId = list.reports[0]!.id;
    const r = (await call('GET', `/v1/reports/${reportId}`, t.keys.child_safety)).json() as {
      status: string;
      draft: {
        incidentType: string;
        platform: string;
        personOrUserReported: { espIdentifier: string; screenName: string; profileUrl: string[]; accountTemporarilyDisabled?: unknown }[];
        victim: { espIdentifier: string }[];
        incidentDateTime: string;
        chat?: { content: string };
      };
    };
    assert.equal(r.status, 'draft');
    assert.equal(r.draft.incidentType, 'Online Enticement of Children for Sexual Acts');
    assert.equal(r.draft.platform, 'Example Social');
    assert.deepEqual(r.draft.personOrUserReported[0]!.espIdentifier, 'grown');
    assert.equal(r.draft.personOrUserReported[0]!.screenName, 'sunny_day');
    assert.deepEqual(r.draft.personOrUserReported[0]!.profileUrl, ['https://social.example/u/sunny_day']);
    // Warden asked for a suspension, but no webhook delivered it: the report must not claim it (issue 17, defect 3).
    assert.equal(r.draft.personOrUserReported[0]!.accountTemporarilyDisabled, undefined, 'a pending suspension is not a fact');
    assert.deepEqual((r.draft.personOrUserReported[0] as unknown as { priorCTReports: number[] }).priorCTReports, [555001]);
    assert.deepEqual((r.draft.personOrUserReported[0] as unknown as { ipCaptureEvent: unknown[] }).ipCaptureEvent, [
      { ipAddress: '203.0.113.7', eventName: 'Login', dateTime: at(9), port: 443 },
      { ipAddress: '2001:db8::1', eventName: 'Registration', dateTime: at(1) },
    ]);
    assert.deepEqual(r.draft.victim.map((v) => v.espIdentifier).sort(), ['r1', 'r2', 'r3', 'r4', 'r5']);
    assert.equal(r.draft.incidentDateTime, at(10));
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['report.drafted', 'report.viewed'])
      .execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['report.drafted', 'report.viewed']);
  });

  it('refuses an IP capture event that is not an IP address, naming the field', async () => {
    const r = await call('POST', '/v1/events', t.keys.ingest, [
      { ...adult('ipbad'), account: { id: 'ipbad', ageBand: 'adult', ipCaptureEvents: [{ ipAddress: 'not-an-ip' }] } },
    ]);
    assert.equal(r.statusCode, 400);
    assert.equal((r.json() as { errors: { field: string }[] }).errors[0]!.field, 'account.ipCaptureEvents[0].ipAddress');
  });

  it('keeps reports from reviewers without child_safety or legal', async () => {
    assert.equal((await call('GET', '/v1/reports', t.keys.reviewer)).statusCode, 403);
    assert.equal((await call('GET', `/v1/reports/${reportId}`, t.keys.reviewer)).statusCode, 403);
  });

  it('refuses to approve a draft missing a required field, naming it; approves once completed, freezing the draft', async () => {
    const refused = await call('POST', `/v1/reports/${reportId}/approve`, t.keys.legal);
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(
      (refused.json() as { errors: { field: string }[] }).errors.map((e) => e.field),
      ['reporter.reportingPerson.email'],
    );
    const current = (await call('GET', `/v1/reports/${reportId}`, t.keys.legal)).json() as {
      draft: { reporter: { reportingPerson: Record<string, unknown> } };
    };
    const draft = {
      ...current.draft,
      reporter: { reportingPerson: { ...current.draft.reporter.reportingPerson, email: ['cybertip@social.example'] } },
    };
    const bad = await call('PUT', `/v1/reports/${reportId}`, t.keys.legal, { ...draft, incidentType: 'Something else' });
    assert.equal(bad.statusCode, 400);
    assert.equal((bad.json() as { errors: { field: string }[] }).errors[0]!.field, 'incidentType');
    assert.equal((await call('PUT', `/v1/reports/${reportId}`, t.keys.legal, draft)).statusCode, 200);
    const own = await call('POST', `/v1/reports/${reportId}/approve`, t.keys.legal);
    assert.equal(own.statusCode, 403, 'four eyes: the key that edited it does not approve it');
    const ok = await call('POST', `/v1/reports/${reportId}/approve`, t.keys.child_safety);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((ok.json() as { status: string; environment: string }).status, 'approved');
    assert.equal((ok.json() as { environment: string }).environment, 'test');
    const row = await t.store.db.selectFrom('cybertip_reports').select('xml').where('id', '=', reportId).executeTakeFirst();
    assert.match(row!.xml!, /^<\?xml[^>]*>\s*<report[\s>]/, 'the XML is built at approval');
    assert.equal((await call('PUT', `/v1/reports/${reportId}`, t.keys.legal, draft)).statusCode, 409, 'an approved report is frozen');
  });

  it("stores the approved report as XML valid against NCMEC's schema", { skip: SKIP_WITHOUT_NCMEC_XSD }, async () => {
    const row = await t.store.db.selectFrom('cybertip_reports').select(['xml', 'status']).where('id', '=', reportId).executeTakeFirst();
    assert.equal(row!.status, 'approved');
    const v = await validateAgainstSchema(row!.xml!, NCMEC_XSD!.text);
    assert.deepEqual(v.errors, []);
  });
});
