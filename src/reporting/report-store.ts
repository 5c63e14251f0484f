import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { statement, type Statement } from '../store/write-set.js';

/*
 * The reporting capability's tables (CyberTipline reports and their files) and every query
 * reporting runs, including its reads of the facts a draft is filled from. Changes come
 * back as Statements for the engine to commit with their audit entries.
 */

export interface CybertipReportsTable {
  id: string;
  case_id: string;
  subject_account: string;
  status: string;
  draft: string;
  xml: string | null;
  environment: string | null;
  step: string | null;
  ncmec_report_id: string | null;
  attempts: number;
  next_attempt_ms: number | null;
  last_error: string | null;
  created_by: string;
  created_ms: number;
  updated_ms: number;
  approved_by: string | null;
  approved_ms: number | null;
  deadline_ms: number | null;
  finished_ms: number | null;
  /** A needs_attention resolution waiting for a second person: `filed` (NCMEC has it) or `resubmit`. */
  resolution: string | null;
  resolution_ncmec_id: string | null;
  resolution_by: string | null;
  resolution_ms: number | null;
}

export interface CybertipReportFilesTable {
  report_id: string;
  local_id: string;
  ncmec_file_id: string | null;
  state: string;
}

type Db = Kysely<Database>;

export const findReport = (db: Db, id: string) => db.selectFrom('cybertip_reports').selectAll().where('id', '=', id).executeTakeFirst();

/** The case's report that is a draft or under way (failed and retracted ones leave room for another). */
export const activeReportOf = (db: Db, caseId: string) =>
  db
    .selectFrom('cybertip_reports')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', 'not in', ['failed', 'retracted'])
    .executeTakeFirst();

/** The case's newest report, whatever its status (the console links to it). */
export const latestReportOf = (db: Db, caseId: string) =>
  db.selectFrom('cybertip_reports').select(['id', 'status']).where('case_id', '=', caseId).orderBy('created_ms', 'desc').executeTakeFirst();

export function listReports(db: Db, f: { status?: string | undefined; limit: number }) {
  let sel = db.selectFrom('cybertip_reports').selectAll();
  if (f.status) sel = sel.where('status', '=', f.status);
  return sel.orderBy('created_ms', 'desc').limit(f.limit).execute();
}

/** How many reports are in each status, for the console's list by state. */
export const reportCounts = async (db: Db): Promise<Record<string, number>> =>
  Object.fromEntries(
    (
      await db
        .selectFrom('cybertip_reports')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute()
    ).map((r) => [r.status, Number(r.n)]),
  );

export const reportFiles = (db: Db, reportId: string) =>
  db.selectFrom('cybertip_report_files').selectAll().where('report_id', '=', reportId).orderBy('local_id').execute();

/** Reports past their deadline without their overdue notice yet (the notice id names the report). */
export const overdueReports = (db: Db, nowMs: number) =>
  db
    .selectFrom('cybertip_reports')
    .leftJoin('admin_notices', (j) =>
      j.on('admin_notices.id', '=', sql<string>`'ntc_report_overdue_' || cybertip_reports.id || '_deadline'`),
    )
    .selectAll('cybertip_reports')
    .where('cybertip_reports.status', 'in', ['approved', 'submitting', 'needs_attention'])
    .where('cybertip_reports.deadline_ms', '<', nowMs)
    .where('admin_notices.id', 'is', null)
    .execute();

export const dueReports = (db: Db, nowMs: number, limit: number) =>
  db
    .selectFrom('cybertip_reports')
    .selectAll()
    .where('status', 'in', ['approved', 'submitting'])
    .where('next_attempt_ms', '<=', nowMs)
    .orderBy('next_attempt_ms')
    .limit(limit)
    .execute();

/** NCMEC report ids of earlier reports about the account that NCMEC accepted. */
export const priorReportIds = (db: Db, subject: string) =>
  db
    .selectFrom('cybertip_reports')
    .select('ncmec_report_id')
    .where('subject_account', '=', subject)
    .where('status', '=', 'submitted')
    .where('ncmec_report_id', 'is not', null)
    .execute();

export const accountsByIds = (db: Db, ids: readonly string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('accounts').selectAll().where('id', 'in', ids).execute();

/** Where the platform saw the account from, latest first. */
export const ipEventsOf = (db: Db, accountId: string, limit: number) =>
  db.selectFrom('account_ip_events').selectAll().where('account_id', '=', accountId).orderBy('ts_ms', 'desc').limit(limit).execute();

export const insertDraft = (
  db: Db,
  r: { id: string; caseId: string; subject: string; draft: string; createdBy: string; nowMs: number },
): Statement =>
  statement(
    db.insertInto('cybertip_reports').values({
      id: r.id,
      case_id: r.caseId,
      subject_account: r.subject,
      status: 'draft',
      draft: r.draft,
      attempts: 0,
      created_by: r.createdBy,
      created_ms: r.nowMs,
      updated_ms: r.nowMs,
    }),
  );

/** Only a draft changes; a report approved meanwhile keeps what was approved. */
export const updateDraft = (db: Db, id: string, draft: string, nowMs: number): Statement =>
  statement(db.updateTable('cybertip_reports').set({ draft, updated_ms: nowMs }).where('id', '=', id).where('status', '=', 'draft'));

export const approveDraft = (
  db: Db,
  id: string,
  a: { xml: string; environment: string; approvedBy: string; deadlineMs: number; nowMs: number },
): Statement =>
  statement(
    db
      .updateTable('cybertip_reports')
      .set({
        status: 'approved',
        xml: a.xml,
        environment: a.environment,
        step: 'submit',
        next_attempt_ms: a.nowMs,
        approved_by: a.approvedBy,
        approved_ms: a.nowMs,
        deadline_ms: a.deadlineMs,
        updated_ms: a.nowMs,
      })
      .where('id', '=', id)
      .where('status', '=', 'draft'),
  );

export const insertReportFile = (db: Db, reportId: string, localId: string): Statement =>
  statement(
    db
      .insertInto('cybertip_report_files')
      .values({ report_id: reportId, local_id: localId, state: 'pending' })
      .onConflict((oc) => oc.columns(['report_id', 'local_id']).doNothing()),
  );

/** The fields of a report a submission step moves on. */
export type ReportProgress = Partial<
  Pick<CybertipReportsTable, 'status' | 'step' | 'ncmec_report_id' | 'last_error' | 'attempts' | 'next_attempt_ms' | 'finished_ms'>
>;

export const setReport = (db: Db, id: string, fields: ReportProgress, nowMs: number): Statement =>
  statement(
    db
      .updateTable('cybertip_reports')
      .set({ ...fields, updated_ms: nowMs })
      .where('id', '=', id),
  );

export const setFileState = (
  db: Db,
  reportId: string,
  localId: string,
  state: 'unavailable' | 'uploaded' | 'described',
  ncmecFileId?: string,
): Statement =>
  statement(
    db
      .updateTable('cybertip_report_files')
      .set(ncmecFileId === undefined ? { state } : { state, ncmec_file_id: ncmecFileId })
      .where('report_id', '=', reportId)
      .where('local_id', '=', localId),
  );

/** Records a proposed resolution, only while the report still needs attention and none is pending. */
export const proposeResolution = (
  db: Db,
  id: string,
  p: { resolution: 'filed' | 'resubmit'; ncmecReportId: string | null; by: string; nowMs: number },
): Statement =>
  statement(
    db
      .updateTable('cybertip_reports')
      .set({
        resolution: p.resolution,
        resolution_ncmec_id: p.ncmecReportId,
        resolution_by: p.by,
        resolution_ms: p.nowMs,
        updated_ms: p.nowMs,
      })
      .where('id', '=', id)
      .where('status', '=', 'needs_attention')
      .where('resolution', 'is', null),
  );

export const clearResolution = (db: Db, id: string, nowMs: number): Statement =>
  statement(
    db
      .updateTable('cybertip_reports')
      .set({ resolution: null, resolution_ncmec_id: null, resolution_by: null, resolution_ms: null, updated_ms: nowMs })
      .where('id', '=', id)
      .where('status', '=', 'needs_attention'),
  );

/**
 * A signed-off resolution moves the report on: NCMEC has it, so the files and /finish follow
 * under NCMEC's id; or NCMEC does not, so /submit is sent again. Either way from attempt zero.
 */
export const applyResolution = (db: Db, r: CybertipReportsTable, nowMs: number): Statement =>
  statement(
    db
      .updateTable('cybertip_reports')
      .set({
        ...(r.resolution === 'filed'
          ? { status: 'submitting', step: 'upload', ncmec_report_id: r.resolution_ncmec_id }
          : { status: 'approved', step: 'submit' }),
        attempts: 0,
        next_attempt_ms: nowMs,
        last_error: null,
        resolution: null,
        resolution_ncmec_id: null,
        resolution_by: null,
        resolution_ms: null,
        updated_ms: nowMs,
      })
      .where('id', '=', r.id)
      .where('status', '=', 'needs_attention')
      .where('resolution', '=', r.resolution),
  );

/** The report's needs_attention notices are dealt with once its resolution is signed off. */
export const acknowledgeReportNotices = (db: Db, reportId: string, nowMs: number): Statement =>
  statement(
    db
      .updateTable('admin_notices')
      .set({ acknowledged_ms: nowMs })
      .where('kind', '=', 'report_needs_attention')
      .where('id', 'like', `ntc_report_needs_attention_${reportId}_%`)
      .where('acknowledged_ms', 'is', null),
  );

/** Who changed the draft (audited `report.updated`): under four eyes, none of them approves it. */
export const editorsOf = async (db: Db, r: { id: string; subject_account: string }): Promise<string[]> =>
  (
    await db
      .selectFrom('audit_log')
      .select('actor')
      .distinct()
      .where('subject_account', '=', r.subject_account)
      .where('action', '=', 'report.updated')
      .where('target_type', '=', 'cybertip_report')
      .where('target_id', '=', r.id)
      .execute()
  ).map((a) => a.actor);
