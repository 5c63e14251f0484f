import type { Logger } from 'pino';
import type { AuditInput } from '../audit/audit-chain.js';
import type { WardenConfig } from '../config/config-schema.js';
import { createBackgroundLoop, type BackgroundLoop } from '../core/background-loop.js';
import type { Clock } from '../core/clock.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Store } from '../store/store.js';
import { insertNotice } from '../store/insert-notice.js';
import type { Statement } from '../store/write-set.js';
import { buildFileDetailsXml } from './ncmec/build-report-xml.js';
import { createNcmecClient, NcmecTransportError, type NcmecClient } from './ncmec/client.js';
import { outcomeOf, type NcmecResponse } from './ncmec/ncmec-response.js';
import { ReportDraftSchema } from './ncmec/report-draft.js';
import { readMediaBytes } from './read-media-bytes.js';
import {
  dueReports,
  overdueReports,
  reportFiles,
  setFileState,
  setReport as setReportIn,
  type CybertipReportsTable,
  type ReportProgress,
} from './report-store.js';

export interface ReportSubmitter extends BackgroundLoop {
  /** Advances every report that is due; the number advanced. */
  runOnce(): Promise<number>;
}

type Step = 'submit' | 'submit_sent' | 'upload' | 'fileinfo' | 'finish' | 'retract';

/**
 * Each approved report walks NCMEC's sequence, /submit → /upload per file → /fileinfo per
 * file → /finish, one persisted step at a time, so a crash resumes at the step it stopped.
 * /submit is never re-sent blindly: the step is recorded as sent before the call, and a
 * call that may have reached NCMEC without an answer (a timeout, a reset), or a restart
 * that finds a submission in flight, stops the report for an admin to check with NCMEC
 * (`needs_attention`) instead of risking a second report. A step that fails for good after
 * NCMEC opened the report retracts it. A report not finished by its deadline (24 hours by
 * default) raises an admin notice.
 */
export function createReportSubmitter(deps: {
  store: Store;
  ledger: Ledger;
  config: WardenConfig;
  clock: Clock;
  logger: Logger;
  random?: () => number;
  pollMs?: number;
  onFinished?: (caseId: string, ncmecReportId: string) => void;
}): ReportSubmitter {
  const { store, ledger, config, clock, logger } = deps;
  const { db } = store;
  const rc = config.reporting;
  const random = deps.random ?? Math.random;
  const clients = new Map<string, NcmecClient>();

  function clientFor(env: string): NcmecClient | undefined {
    let c = clients.get(env);
    if (c) return c;
    // SECURITY: the environment was fixed when the report was approved; test and production
    // credentials never mix.
    const [baseUrl, username, password] =
      env === 'production'
        ? [rc.productionBaseUrl, rc.productionUsername, rc.productionPassword]
        : [rc.testBaseUrl, rc.testUsername, rc.testPassword];
    if (!username || !password) return undefined;
    c = createNcmecClient({ baseUrl, username, password, timeoutMs: rc.timeoutMs });
    clients.set(env, c);
    return c;
  }

  const backoff = (attempt: number) => Math.floor(random() * Math.min(3_600_000, 5000 * 2 ** Math.min(attempt, 20)));
  const audit = (r: CybertipReportsTable, action: string, detail?: Record<string, unknown>): AuditInput => ({
    actor: 'system:cybertipline',
    action,
    subjectAccountId: r.subject_account,
    target: { type: 'cybertip_report', id: r.id },
    detail,
  });
  // The notice id names the report and its step: the same notice is written once.
  const notice = (r: CybertipReportsTable, kind: string, detail: Record<string, unknown>, nowMs: number): Statement =>
    insertNotice(db, {
      id: `ntc_${kind}_${r.id}_${r.step ?? ''}`,
      ts_ms: nowMs,
      kind,
      detail: JSON.stringify({ reportId: r.id, caseId: r.case_id, ...detail }),
    });
  // A report can stop again after a signed-off resubmission: each stop is its own notice.
  const stopNotice = (r: CybertipReportsTable, reason: string, nowMs: number): Statement =>
    notice({ ...r, step: `${r.step ?? ''}_${nowMs}` }, 'report_needs_attention', { reason }, nowMs);
  const setReport = (id: string, fields: ReportProgress, nowMs: number): Statement => setReportIn(db, id, fields, nowMs);

  /** A failed call: retried with backoff, or the report stopped (retracted first when NCMEC has it). */
  async function failed(r: CybertipReportsTable, step: Step, error: string, permanent: boolean, nowMs: number): Promise<void> {
    const attempts = r.attempts + 1;
    if (!permanent && attempts < rc.maxAttempts) {
      await ledger.apply({
        statements: [setReport(r.id, { attempts, next_attempt_ms: nowMs + backoff(attempts), last_error: error }, nowMs)],
      });
      return;
    }
    if (r.ncmec_report_id && step !== 'retract') {
      await ledger.apply({
        statements: [setReport(r.id, { step: 'retract', attempts: 0, next_attempt_ms: nowMs, last_error: `${step}: ${error}` }, nowMs)],
        audit: [audit(r, 'report.step_failed', { step, error })],
      });
      return;
    }
    await ledger.apply({
      statements: [
        setReport(r.id, { status: 'failed', last_error: `${step}: ${error}`, finished_ms: nowMs }, nowMs),
        notice(r, 'report_failed', { step, error }, nowMs),
      ],
      audit: [audit(r, 'report.failed', { step, error })],
    });
    logger.warn({ reportId: r.id, step }, 'CyberTipline report failed; an admin notice was written');
  }

  /** Runs one call; transport errors come back as a response-like outcome. */
  async function attempt(fn: () => Promise<NcmecResponse>): Promise<{ res?: NcmecResponse; transport?: NcmecTransportError }> {
    try {
      return { res: await fn() };
    } catch (e) {
      if (e instanceof NcmecTransportError) return { transport: e };
      throw e;
    }
  }

  async function advance(r: CybertipReportsTable): Promise<void> {
    const nowMs = clock.now();
    const step = (r.step ?? 'submit') as Step;
    if (step === 'submit_sent') {
      // Found after a restart: the last /submit may or may not have created a report.
      await ledger.apply({
        statements: [
          setReport(
            r.id,
            { status: 'needs_attention', last_error: 'a /submit was in flight when Warden stopped; check with NCMEC before resubmitting' },
            nowMs,
          ),
          stopNotice(r, 'submit outcome unknown', nowMs),
        ],
        audit: [audit(r, 'report.needs_attention', { reason: 'submit outcome unknown' })],
      });
      return;
    }
    const client = clientFor(r.environment ?? 'test');
    if (!client) {
      await ledger.apply({
        statements: [
          setReport(r.id, { next_attempt_ms: nowMs + 60_000, last_error: `no credentials for the ${r.environment} environment` }, nowMs),
        ],
      });
      return;
    }
    if (step === 'submit') {
      await ledger.apply({ statements: [setReport(r.id, { status: 'submitting', step: 'submit_sent' }, nowMs)] });
      const { res, transport } = await attempt(() => client.submit(r.xml!));
      const now2 = clock.now();
      if (transport) {
        if (!transport.mayHaveArrived) {
          await ledger.apply({ statements: [setReport(r.id, { step: 'submit' }, now2)] });
          return failed({ ...r, step: 'submit' }, 'submit', transport.message, false, now2);
        }
        await ledger.apply({
          statements: [
            setReport(r.id, { status: 'needs_attention', last_error: `submit: ${transport.message}; it may have reached NCMEC` }, now2),
            stopNotice(r, transport.code, now2),
          ],
          audit: [audit(r, 'report.needs_attention', { reason: transport.code })],
        });
        return;
      }
      const o = outcomeOf(res!);
      if (o === 'done' && res!.reportId) {
        await ledger.apply({
          statements: [
            setReport(r.id, { step: 'upload', ncmec_report_id: res!.reportId, attempts: 0, next_attempt_ms: now2, last_error: null }, now2),
          ],
          audit: [audit(r, 'report.submitted', { ncmecReportId: res!.reportId, environment: r.environment })],
        });
        return;
      }
      await ledger.apply({ statements: [setReport(r.id, { step: 'submit' }, now2)] });
      return failed({ ...r, step: 'submit' }, 'submit', `${res!.responseCode} ${res!.description}`.slice(0, 2000), o !== 'retry', now2);
    }

    const files = await reportFiles(db, r.id);
    const draft = ReportDraftSchema.parse(JSON.parse(r.draft));
    const reportId = r.ncmec_report_id!;

    if (step === 'upload' || step === 'fileinfo') {
      const want = step === 'upload' ? 'pending' : 'uploaded';
      const f = files.find((x) => x.state === want);
      if (!f) {
        await ledger.apply({
          statements: [setReport(r.id, { step: step === 'upload' ? 'fileinfo' : 'finish', attempts: 0, next_attempt_ms: nowMs }, nowMs)],
        });
        return;
      }
      const spec = draft.files.find((x) => x.localId === f.local_id)!;
      if (step === 'upload') {
        const bytes = spec.sourceEventId ? await readMediaBytes(db, config.media, spec.sourceEventId, spec.localId) : undefined;
        if (!bytes) {
          await ledger.apply({
            statements: [setFileState(db, r.id, f.local_id, 'unavailable')],
            audit: [audit(r, 'report.file_unavailable', { localId: f.local_id })],
          });
          return;
        }
        const { res, transport } = await attempt(() => client.upload(reportId, spec.fileName ?? spec.localId, bytes));
        if (transport) return failed(r, 'upload', transport.message, false, clock.now());
        const o = outcomeOf(res!);
        if (o === 'done' && res!.fileId) {
          await ledger.apply({
            statements: [
              setFileState(db, r.id, f.local_id, 'uploaded', res!.fileId),
              setReport(r.id, { attempts: 0, last_error: null }, clock.now()),
            ],
            audit: [audit(r, 'report.file_uploaded', { localId: f.local_id, ncmecFileId: res!.fileId, md5: res!.hash ?? null })],
          });
          return;
        }
        return failed(r, 'upload', `${res!.responseCode} ${res!.description}`.slice(0, 2000), o !== 'retry', clock.now());
      }
      const { res, transport } = await attempt(() => client.fileinfo(buildFileDetailsXml(reportId, f.ncmec_file_id!, spec)));
      if (transport) return failed(r, 'fileinfo', transport.message, false, clock.now());
      const o = outcomeOf(res!);
      if (o === 'done') {
        await ledger.apply({
          statements: [setFileState(db, r.id, f.local_id, 'described'), setReport(r.id, { attempts: 0, last_error: null }, clock.now())],
        });
        return;
      }
      return failed(r, 'fileinfo', `${res!.responseCode} ${res!.description}`.slice(0, 2000), o !== 'retry', clock.now());
    }

    if (step === 'finish' || step === 'retract') {
      const { res, transport } = await attempt(() => (step === 'finish' ? client.finish(reportId) : client.retract(reportId)));
      const now2 = clock.now();
      if (transport) return failed(r, step, transport.message, false, now2);
      const o = outcomeOf(res!);
      if (o === 'done') {
        const retracted = step === 'retract' || res!.responseCode === 5102;
        await ledger.apply({
          statements: [
            setReport(r.id, { status: retracted ? 'retracted' : 'submitted', step: null, finished_ms: now2, next_attempt_ms: null }, now2),
            ...(retracted ? [notice(r, 'report_retracted', { reason: r.last_error }, now2)] : []),
          ],
          audit: [
            audit(r, retracted ? 'report.retracted' : 'report.finished', { ncmecReportId: reportId, files: res!.files?.length ?? null }),
          ],
        });
        // spec (issue): evidence is frozen when a report is filed.
        if (!retracted) deps.onFinished?.(r.case_id, reportId);
        return;
      }
      return failed(r, step, `${res!.responseCode} ${res!.description}`.slice(0, 2000), o !== 'retry', now2);
    }
  }

  async function runOnce(): Promise<number> {
    const nowMs = clock.now();
    // Overdue reports not yet noticed: one notice each, and no commit at all on a quiet poll.
    const overdue = await overdueReports(db, nowMs);
    if (overdue.length > 0)
      await ledger.apply({
        statements: overdue.map((r) =>
          notice({ ...r, step: 'deadline' }, 'report_overdue', { deadline: new Date(r.deadline_ms!).toISOString() }, nowMs),
        ),
      });
    const due = await dueReports(db, nowMs, 20);
    for (const r of due) await advance(r);
    return due.length;
  }

  const loop = createBackgroundLoop('cybertipline', runOnce, deps.pollMs ?? 1000, logger);
  return {
    runOnce,
    ...loop,
    async stop() {
      await loop.stop();
      for (const c of clients.values()) await c.close();
    },
  };
}
