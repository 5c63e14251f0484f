import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { adult, at, minor, nextId } from '../testing/events.js';
import { bearer, createTestApp, type TestApp } from '../testing/test-app.js';
import { DIALECTS, storeLocation, type TestDatabase } from '../testing/test-databases.js';
import { dsaFields, validateStatement } from './dsa-fields.js';
import type { TransparencyReport } from './transparency-report.js';

const say = (from: string, to: string, text: string, minute: number) => ({
  id: nextId(),
  type: 'message.sent',
  ts: at(minute),
  message: { id: nextId(), conversationId: `c_${from}_${to}`, from, to: [to], text },
});

/** Issue 19: the report counts from the audit log and the store, and must agree with both, row for row. On both databases. */
for (const dialect of DIALECTS)
  describe(`transparency report (${dialect})`, () => {
    let t: TestApp;
    let tdb: TestDatabase;
    let report: TransparencyReport;
    const FROM = '2026-01-01';
    const TO = '2027-01-01';
    const get = (url: string, key = t.keys.child_safety) => t.app.inject({ method: 'GET', url, headers: bearer(key) });
    const post = (url: string, key: string, body: unknown) =>
      t.app.inject({ method: 'POST', url, headers: { ...bearer(key), 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    const count = async (q: Promise<{ n: string | number | bigint }>) => Number((await q).n);

    before(async () => {
      tdb = await storeLocation(dialect);
      t = await createTestApp(tdb.url);
      const events = [adult('tr_a'), adult('tr_b'), adult('tr_c'), minor('tr_k1'), minor('tr_k2'), minor('tr_dk')];
      assert.equal((await post('/v1/events', t.keys.ingest, events)).statusCode, 200);
      assert.equal((await t.app.inject({ method: 'PUT', url: '/v1/admin/decoys/tr_dk', headers: bearer(t.keys.admin) })).statusCode, 200);
      const r = await post('/v1/events', t.keys.ingest, [
        say('tr_a', 'tr_k1', 'how old are you?', 10),
        say('tr_a', 'tr_k1', "don't tell your parents we talk", 11),
        say('tr_a', 'tr_k1', 'add me on snapchat', 12),
        say('tr_b', 'tr_k2', 'i have your pics', 13),
        say('tr_b', 'tr_k2', 'pay me $100 in a gift card, you have 30 minutes', 14),
        say('tr_c', 'tr_dk', 'how old are you?', 15),
      ]);
      assert.ok(r.json().alerts >= 3, r.body);
      while ((await t.services.runner.runOnce()) > 0);
      // The gate: two asks, one per outcome, counted and committed.
      for (const target of ['tr_k1', 'tr_a'])
        assert.equal((await post('/v1/decisions', t.keys.decide, { action: 'message', actor: 'tr_b', target })).statusCode, 200);
      await t.engine.flushGateCounts();
      // A reviewer dismisses the sextortion case: an automated restriction reversed.
      const cases = (await get('/v1/cases?status=open')).json().cases as { id: string; subjectAccountId: string }[];
      const c = cases.find((x) => x.subjectAccountId === 'tr_b')!;
      assert.equal((await post(`/v1/cases/${c.id}/claim`, t.keys.child_safety, {})).statusCode, 200);
      const d = await post(`/v1/cases/${c.id}/decision`, t.keys.child_safety, { decision: 'dismiss', reason: 'false_positive' });
      assert.equal(d.statusCode, 200, d.body);
      const res = await get(`/v1/transparency?from=${FROM}&to=${TO}`);
      assert.equal(res.statusCode, 200, res.body);
      report = res.json();
    });
    after(async () => {
      await t.close();
      await tdb.drop();
    });

    it('agrees with the audit log and the store, count for count', async () => {
      const db = t.store.db;
      const audited = await db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'alert.raised').execute();
      const stored = await db
        .selectFrom('alerts')
        .select(['category', (eb) => eb.fn.countAll().as('n')])
        .groupBy('category')
        .execute();
      assert.deepEqual(
        Object.fromEntries(stored.map((s) => [s.category, Number(s.n)])),
        report.alertsByCategory,
        'alerts by category = the alerts table',
      );
      assert.equal(audited.length, report.dsa.automatedDetection.alerts, 'alerts = alert.raised entries');
      assert.ok(report.alertsByCategory.decoy_contact === 1 && report.alertsByCategory.sextortion! >= 1);
      const live = await db
        .selectFrom('actions')
        .select(['type', 'subject_account'])
        .where('mode', '=', 'live')
        .where('type', '!=', 'require_review')
        .execute();
      const byType: Record<string, number> = {};
      for (const a of live) byType[a.type] = (byType[a.type] ?? 0) + 1;
      assert.deepEqual(report.dsa.ownInitiativeMeasuresByType, byType, 'measures = live actions in the store');
      const restricted = new Set(
        live.filter((a) => a.type === 'restrict_messaging_minors' || a.type === 'hide_from_minors').map((a) => a.subject_account),
      );
      assert.equal(report.accounts.restricted, restricted.size);
      assert.equal(report.accounts.removed, new Set(live.filter((a) => a.type === 'suspend_account').map((a) => a.subject_account)).size);
      const dismissed = await count(
        db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('action', '=', 'case.dismissed')
          .executeTakeFirstOrThrow(),
      );
      assert.equal(report.reviewerDecisions.dismissed, dismissed);
      assert.equal(dismissed, 1);
      assert.equal(report.reversals, 1, 'the dismissed case had an automated restriction');
      assert.equal(report.dsa.accuracy.errorRate, 1);
      const submitted = await count(
        db
          .selectFrom('cybertip_reports')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', '=', 'submitted')
          .executeTakeFirstOrThrow(),
      );
      assert.equal(report.cybertiplineReportsFiled, submitted);
      assert.deepEqual(report.appeals, { received: 0, upheld: 0, reversed: 0 });
      const entries = await count(
        db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('seq', '<=', report.audit.lastSeq!)
          .executeTakeFirstOrThrow(),
      );
      assert.equal(report.audit.entries, entries, 'every entry up to the last one counted was read');
      assert.ok(report.medianSignalToActionMs !== null && report.medianSignalToActionMs >= 0);
    });

    it('counts gate decisions by outcome and reason', () => {
      const total = Object.values(report.gateDecisionsByReason).reduce((a, b) => a + b, 0);
      assert.ok(total >= 2, JSON.stringify(report.gateDecisionsByReason));
      assert.ok(Object.keys(report.gateDecisionsByReason).every((k) => /^(allow|deny|review|[a-z_]+):[a-z_]+$/.test(k)));
    });

    it('sums decoy exposure without naming a decoy', () => {
      assert.equal(report.decoys.active, 1);
      assert.equal(report.decoys.contacts, 1);
      assert.equal(report.decoys.stageShares.age_question, 1);
      assert.ok(!JSON.stringify(report).includes('tr_dk'));
    });

    it('exports statements of reasons that validate against the DSA field list, with no personal data', async () => {
      const res = await get(`/v1/transparency/statements?from=${FROM}&to=${TO}`);
      assert.equal(res.statusCode, 200);
      const { statements } = res.json() as { statements: Record<string, unknown>[] };
      assert.ok(statements.length >= 2, res.body);
      for (const st of statements) {
        assert.deepEqual(validateStatement(st), [], JSON.stringify(st));
        assert.equal(st.category, 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS');
        assert.equal(st.automated_detection, 'Yes');
      }
      assert.ok(statements.some((s) => (s.category_specification as string[]).includes('KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS')));
      assert.ok(statements.every((s) => s.automated_decision === 'AUTOMATED_DECISION_FULLY'));
      for (const personal of ['tr_a', 'tr_b', 'tr_c', 'tr_k1', 'tr_k2', 'tr_dk', 'snapchat', 'decoy', 'c_tr_'])
        assert.ok(!res.body.includes(personal), `${personal} in the export`);
    });

    it('rejects a statement that breaks the field list, naming the field', () => {
      const spec = dsaFields();
      assert.ok(spec.sources.some((s) => s.startsWith('https://transparency.dsa.ec.europa.eu/')));
      const good = {
        decision_provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION',
        decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
        incompatible_content_ground: 'Terms',
        incompatible_content_explanation: 'Grooming moves towards a minor account.',
        content_type: ['CONTENT_TYPE_TEXT'],
        category: 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
        content_date: '2026-06-01',
        application_date: '2026-06-01',
        decision_facts: 'Automated analysis.',
        source_type: 'SOURCE_VOLUNTARY',
        automated_detection: 'Yes',
        automated_decision: 'AUTOMATED_DECISION_FULLY',
        puid: 'act_1',
      };
      assert.deepEqual(validateStatement(good), []);
      const fields = (st: Record<string, unknown>) => validateStatement(st).map((i) => i.field);
      assert.deepEqual(fields({ ...good, category: 'STATEMENT_CATEGORY_MINORS' }), ['category']);
      assert.deepEqual(fields({ ...good, puid: undefined }), ['puid']);
      assert.deepEqual(fields({ ...good, account_id: 'tr_a' }), ['account_id']);
      assert.deepEqual(fields({ ...good, content_date: '01/06/2026' }), ['content_date']);
      assert.deepEqual(fields({ ...good, incompatible_content_ground: undefined }), ['incompatible_content_ground']);
      assert.deepEqual(fields({ ...good, decision_provision: undefined }), [
        'decision_visibility|decision_monetary|decision_provision|decision_account',
      ]);
    });

    it('renders CSV and a standalone HTML page with the chart library inlined', async () => {
      const csv = await get(`/v1/transparency?from=${FROM}&to=${TO}&format=csv`);
      assert.match(csv.headers['content-type'] as string, /text\/csv/);
      assert.ok(csv.body.startsWith('section,key,value\r\n'));
      assert.match(csv.body, /alertsByCategory,decoy_contact,1\r\n/);
      const page = await get(`/v1/transparency?from=${FROM}&to=${TO}&format=html`);
      assert.ok(page.body.includes('Chart.js v4') && page.body.includes('id="chart-alerts"'));
    });

    it('refuses bad periods and other roles', async () => {
      const bad = await get(`/v1/transparency?from=${FROM}`);
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().detail, /to/);
      const backwards = await get(`/v1/transparency?from=${TO}&to=${FROM}`);
      assert.equal(backwards.statusCode, 400);
      assert.equal((await get(`/v1/transparency?from=${FROM}&to=${TO}`, t.keys.reviewer)).statusCode, 403);
      const views = await count(
        t.store.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('action', '=', 'transparency.viewed')
          .executeTakeFirstOrThrow(),
      );
      assert.ok(views >= 3);
    });
  });
