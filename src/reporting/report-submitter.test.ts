import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import { createEngine, type Engine } from '../engine/create-engine.js';
import { createStore, type Store } from '../store/store.js';
import { BASE_MS, adult, at, nextId, silentLogger, testConfig, valid } from '../testing/events.js';
import { NCMEC_XSD, SKIP_WITHOUT_NCMEC_XSD } from '../testing/ncmec-xsd.js';
import { FULL_DRAFT } from './ncmec/report-fixtures.js';
import { buildReportXml } from './ncmec/build-report-xml.js';
import { createNcmecClient } from './ncmec/client.js';
import { ReportDraftSchema } from './ncmec/report-draft.js';
import { createNcmecSimulator, type NcmecSimulator } from './ncmec/simulator.js';
import { createReportSubmitter, type ReportSubmitter } from './report-submitter.js';
import { statement } from '../store/write-set.js';
import { createReportService } from './report-service.js';

// Long enough that a loaded machine's slow answer is not taken for the simulator's 'timeout'
// failure mode (which never answers); only the one test of that mode waits it out.
const CLIENT_TIMEOUT_MS = 4000;

// The simulator validates every document against NCMEC's schema, as NCMEC does.
const XSD = NCMEC_XSD?.text ?? '';

describe('CyberTipline submission against the simulator', { skip: SKIP_WITHOUT_NCMEC_XSD }, () => {
  let sim: NcmecSimulator;
  let url = '';
  let store: Store;
  let engine: Engine;
  const clock = fixedClock(BASE_MS + 30 * 86_400_000);
  const media = mkdtempSync(join(tmpdir(), 'warden-report-media-'));
  let mediaEventId = '';
  const config = (over: Record<string, unknown> = {}) =>
    testConfig({
      media: { root: media },
      reporting: {
        testBaseUrl: url,
        testUsername: 'esp',
        testPassword: 'sim-secret',
        timeoutMs: CLIENT_TIMEOUT_MS,
        maxAttempts: 4,
        ...over,
      },
    });
  const submitter = (over: Record<string, unknown> = {}): ReportSubmitter =>
    createReportSubmitter({ store, ledger: engine, config: config(over), clock, logger: silentLogger(), random: () => 0.5 });

  before(async () => {
    mkdirSync(join(media, 'up'), { recursive: true });
    writeFileSync(join(media, 'up', 'abstract.bin'), Buffer.from('synthetic abstract bytes, not an image of anyone'));
    sim = await createNcmecSimulator({ schema: XSD, username: 'esp', password: 'sim-secret' });
    await sim.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(sim.app.server.address() as AddressInfo).port}`;
    store = await createStore(':memory:');
    engine = await createEngine({ store, config: testConfig(), logger: silentLogger(), clock });
    const upload = {
      id: nextId(),
      type: 'media.uploaded',
      ts: at(5),
      media: { id: 'm1', kind: 'image', owner: 'u_17', path: 'up/abstract.bin' },
    };
    mediaEventId = upload.id;
    await engine.ingest([adult('u_17'), upload].map((e) => valid(e, clock.now())));
  });
  after(async () => {
    await sim.close();
    await store.close();
  });
  beforeEach(() => {
    sim.calls.length = 0;
  });

  /** An approved report, as the report service leaves it. */
  async function approved(): Promise<string> {
    const draft = ReportDraftSchema.parse({
      ...FULL_DRAFT,
      files: [{ ...FULL_DRAFT.files![0]!, localId: 'm1', sourceEventId: mediaEventId }],
    });
    const id = nextId();
    const now = clock.now();
    await engine.apply({
      statements: [
        statement(
          store.db.insertInto('cybertip_reports').values({
            id,
            case_id: 'case_1',
            subject_account: 'u_17',
            status: 'approved',
            draft: JSON.stringify(draft),
            xml: buildReportXml(draft),
            environment: 'test',
            step: 'submit',
            attempts: 0,
            next_attempt_ms: now,
            created_by: 'test',
            created_ms: now,
            updated_ms: now,
            approved_by: 'test',
            approved_ms: now,
            deadline_ms: now + 24 * 3_600_000,
          }),
        ),
        statement(store.db.insertInto('cybertip_report_files').values({ report_id: id, local_id: 'm1', state: 'pending' })),
      ],
    });
    return id;
  }
  const row = (id: string) => store.db.selectFrom('cybertip_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  async function drive(s: ReportSubmitter, id: string, rounds = 20) {
    for (let i = 0; i < rounds; i++) {
      const r = await row(id);
      if (!['approved', 'submitting'].includes(r.status)) return r;
      await s.runOnce();
      clock.advance(60_000);
    }
    return row(id);
  }

  it('submits, uploads, describes and finishes a report, each step recorded', async () => {
    const id = await approved();
    const r = await drive(submitter(), id);
    assert.equal(r.status, 'submitted', r.last_error ?? '');
    assert.deepEqual(sim.calls, ['submit', 'upload', 'fileinfo', 'finish']);
    const at_ = sim.reports.get(r.ncmec_report_id!)!;
    assert.equal(at_.state, 'finished');
    assert.equal([...at_.files.values()][0]!.details !== undefined, true);
    const audit = (await store.db.selectFrom('audit_log').select('action').where('target_id', '=', id).execute()).map((a) => a.action);
    assert.deepEqual(audit, ['report.submitted', 'report.file_uploaded', 'report.finished']);
  });

  it('fails for good on refused credentials, with an admin notice', async () => {
    const id = await approved();
    const r = await drive(submitter({ testPassword: 'wrong' }), id);
    assert.equal(r.status, 'failed');
    assert.match(r.last_error!, /submit: -1 HTTP 401/);
    const n = await store.db.selectFrom('admin_notices').select('kind').where('id', 'like', `%${id}%`).execute();
    assert.deepEqual(
      n.map((x) => x.kind),
      ['report_failed'],
    );
  });

  it('fails for good on a schema error (4100), naming it', async () => {
    sim.failNext('submit', 'schema');
    const id = await approved();
    const r = await drive(submitter(), id);
    assert.equal(r.status, 'failed');
    assert.match(r.last_error!, /4100 cvc-complex-type/);
  });

  it('retries a 5xx and a responseCode 1000 with backoff, then finishes', async () => {
    sim.failNext('submit', 'http500');
    sim.failNext('submit', 'code1000');
    const id = await approved();
    const r = await drive(submitter(), id);
    assert.equal(r.status, 'submitted');
    assert.deepEqual(sim.calls.slice(0, 3), ['submit:http500', 'submit:code1000', 'submit']);
  });

  it('never re-sends /submit after a timeout: the report waits for an admin', async () => {
    sim.failNext('submit', 'timeout');
    const id = await approved();
    const r = await drive(submitter(), id);
    assert.equal(r.status, 'needs_attention');
    assert.deepEqual(sim.calls, ['submit:timeout']);
  });

  it('retries an upload whose connection was reset, without a second report', async () => {
    sim.failNext('upload', 'reset');
    const before = sim.reports.size;
    const id = await approved();
    const r = await drive(submitter(), id);
    assert.equal(r.status, 'submitted');
    assert.deepEqual(sim.calls, ['submit', 'upload:reset', 'upload', 'fileinfo', 'finish']);
    assert.equal(sim.reports.size, before + 1);
  });

  it('resumes at the step it stopped after a crash between upload and finish', async () => {
    const id = await approved();
    const first = submitter();
    await first.runOnce(); // submit
    await first.runOnce(); // upload
    await first.stop(); // the process dies here
    assert.equal((await row(id)).step, 'upload');
    const r = await drive(submitter(), id);
    assert.equal(r.status, 'submitted');
    assert.deepEqual(sim.calls, ['submit', 'upload', 'fileinfo', 'finish']);
  });

  it('treats "already finished" (5101) as done when an earlier finish landed but its answer was lost', async () => {
    const id = await approved();
    const s = submitter();
    for (let i = 0; i < 4 && (await row(id)).step !== 'finish'; i++) await s.runOnce();
    const reportId = (await row(id)).ncmec_report_id!;
    const client = createNcmecClient({ baseUrl: url, username: 'esp', password: 'sim-secret', timeoutMs: CLIENT_TIMEOUT_MS });
    await client.finish(reportId);
    await client.close();
    const r = await drive(s, id);
    assert.equal(r.status, 'submitted');
  });

  it('retracts a report when a later step fails for good', async () => {
    sim.failNext('fileinfo', 'schema');
    const id = await approved();
    const r = await drive(submitter(), id);
    assert.equal(r.status, 'retracted');
    assert.equal(sim.reports.get(r.ncmec_report_id!)!.state, 'retracted');
    assert.ok(sim.calls.includes('retract'));
  });

  it('stops a report found mid-submit after a restart, and warns when the deadline passes', async () => {
    const id = await approved();
    await engine.apply({
      statements: [
        statement(store.db.updateTable('cybertip_reports').set({ status: 'submitting', step: 'submit_sent' }).where('id', '=', id)),
      ],
    });
    const r = await drive(submitter(), id);
    assert.equal(r.status, 'needs_attention');
    assert.deepEqual(sim.calls, []);
    clock.advance(25 * 3_600_000);
    let applies = 0;
    const counting = { ...engine, apply: (c: Parameters<Engine['apply']>[0]) => (applies++, engine.apply(c)) } as Engine;
    const watcher = createReportSubmitter({ store, ledger: counting, config: config(), clock, logger: silentLogger() });
    await watcher.runOnce();
    assert.equal(applies, 1, 'the overdue notice is written once');
    await watcher.runOnce();
    assert.equal(applies, 1, 'a quiet poll commits nothing');
    const kinds = (await store.db.selectFrom('admin_notices').select('kind').where('id', 'like', `%${id}%`).execute())
      .map((n) => n.kind)
      .sort();
    assert.deepEqual(kinds, ['report_needs_attention', 'report_overdue']);
  });

  describe('a report stopped at needs_attention, resolved by two people', () => {
    const service = () => createReportService({ store, ledger: engine, config: config(), clock });
    const lee = { actor: 'reviewer:lee', roles: ['child_safety'] };
    const kim = { actor: 'reviewer:kim', roles: ['legal'] };
    const stopped = async () => {
      sim.failNext('submit', 'timeout');
      const id = await approved();
      assert.equal((await drive(submitter(), id)).status, 'needs_attention');
      sim.calls.length = 0;
      return id;
    };

    it('NCMEC has it: the files and /finish go under the recorded id, with no second /submit', async () => {
      const id = await stopped();
      // What NCMEC would say when asked: the first /submit did arrive (made here directly).
      const client = createNcmecClient({ baseUrl: url, username: 'esp', password: 'sim-secret', timeoutMs: CLIENT_TIMEOUT_MS });
      const ncmecId = (await client.submit((await row(id)).xml!)).reportId!;
      await client.close();
      sim.calls.length = 0;
      const reports = service();
      await reports.propose(id, { outcome: 'filed', ncmecReportId: ncmecId }, lee);
      assert.equal((await drive(submitter(), id)).status, 'needs_attention', 'nothing moves before the sign-off');
      await assert.rejects(reports.signOff(id, lee, true), /a second person must sign off/);
      await reports.signOff(id, kim, true);
      const r = await drive(submitter(), id);
      assert.equal(r.status, 'submitted', r.last_error ?? '');
      assert.equal(r.ncmec_report_id, ncmecId);
      assert.deepEqual(sim.calls, ['upload', 'fileinfo', 'finish']);
      assert.equal(sim.reports.get(ncmecId)!.state, 'finished');
      const open = await store.db
        .selectFrom('admin_notices')
        .select('id')
        .where('id', 'like', `ntc_report_needs_attention_${id}%`)
        .where('acknowledged_ms', 'is', null)
        .execute();
      assert.deepEqual(open, [], 'its needs_attention notice is acknowledged by the sign-off');
      const audit = (await store.db.selectFrom('audit_log').select(['action', 'actor']).where('target_id', '=', id).execute()).map(
        (a) => `${a.action} ${a.actor}`,
      );
      assert.ok(audit.includes('report.resolution_proposed reviewer:lee'));
      assert.ok(audit.includes('report.resolution_confirmed reviewer:kim'));
    });

    it('NCMEC does not have it: sent again once signed off; a second stop raises a new notice', async () => {
      const id = await stopped();
      const reports = service();
      await reports.propose(id, { outcome: 'resubmit' }, lee);
      await reports.signOff(id, lee, false); // the proposer withdraws it
      assert.equal((await row(id)).resolution, null);
      await reports.propose(id, { outcome: 'resubmit' }, kim);
      sim.failNext('submit', 'timeout');
      await reports.signOff(id, lee, true);
      assert.equal((await drive(submitter(), id)).status, 'needs_attention', 'stopped again by a second timeout');
      const notices = await store.db
        .selectFrom('admin_notices')
        .select('acknowledged_ms')
        .where('id', 'like', `ntc_report_needs_attention_${id}%`)
        .orderBy('ts_ms')
        .execute();
      assert.deepEqual(
        notices.map((n) => n.acknowledged_ms === null),
        [false, true],
        'the first notice acknowledged, the second open',
      );
      await reports.propose(id, { outcome: 'resubmit' }, kim);
      await reports.signOff(id, lee, true);
      const r = await drive(submitter(), id);
      assert.equal(r.status, 'submitted', r.last_error ?? '');
      assert.deepEqual(sim.calls, ['submit:timeout', 'submit', 'upload', 'fileinfo', 'finish']);
    });
  });
});
