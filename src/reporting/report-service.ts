import { createHash } from 'node:crypto';
import type { AuditInput } from '../audit/audit-chain.js';
import type { Viewer } from '../cases/case-model.js';
import type { WardenConfig } from '../config/config-schema.js';
import { AppError } from '../core/app-error.js';
import type { Clock } from '../core/clock.js';
import { newId } from '../core/ids.js';
import { createMutex } from '../core/mutex.js';
import { zodIssues } from '../events/validate-event.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Store } from '../store/store.js';
import { findCase } from '../cases/case-store.js';
import { draftFromCase } from './draft-from-case.js';
import { buildReportXml } from './ncmec/build-report-xml.js';
import { checkReport } from './ncmec/check-report.js';
import { ReportDraftSchema } from './ncmec/report-draft.js';
import { createReportResolution, type ReportResolution } from './report-resolution.js';
import {
  activeReportOf,
  editorsOf,
  approveDraft,
  findReport,
  insertDraft,
  insertReportFile,
  updateDraft,
  type CybertipReportsTable,
} from './report-store.js';

/** SECURITY: reports carry what was reported about children; only these roles see them. */
export const REPORT_ROLES = ['child_safety', 'legal', 'admin'] as const;
export const canHandleReports = (v: Viewer) => v.roles.some((r) => (REPORT_ROLES as readonly string[]).includes(r));

export interface ReportView {
  id: string;
  caseId: string;
  subjectAccountId: string;
  status: string;
  step: string | null;
  environment: string | null;
  ncmecReportId: string | null;
  attempts: number;
  lastError: string | null;
  draft: unknown;
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  deadlineAt: string | null;
  finishedAt: string | null;
  /** A needs_attention resolution waiting for a second person's sign-off. */
  resolution: { outcome: string; ncmecReportId: string | null; proposedBy: string; proposedAt: string } | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
export const reportView = (r: CybertipReportsTable): ReportView => ({
  id: r.id,
  caseId: r.case_id,
  subjectAccountId: r.subject_account,
  status: r.status,
  step: r.step,
  environment: r.environment,
  ncmecReportId: r.ncmec_report_id,
  attempts: r.attempts,
  lastError: r.last_error,
  draft: JSON.parse(r.draft),
  createdAt: iso(r.created_ms)!,
  approvedBy: r.approved_by,
  approvedAt: iso(r.approved_ms),
  deadlineAt: iso(r.deadline_ms),
  finishedAt: iso(r.finished_ms),
  resolution: r.resolution
    ? { outcome: r.resolution, ncmecReportId: r.resolution_ncmec_id, proposedBy: r.resolution_by ?? '', proposedAt: iso(r.resolution_ms)! }
    : null,
});

export interface ReportService extends ReportResolution {
  /** A draft for a confirmed case (the existing one if a draft or submission is under way). */
  draftForCase(caseId: string, actor: string): Promise<ReportView>;
  get(id: string): Promise<ReportView | undefined>;
  update(id: string, draft: unknown, viewer: Viewer): Promise<ReportView>;
  /** Refuses a draft missing what NCMEC requires, naming each field; else freezes its XML for submission. */
  approve(id: string, viewer: Viewer): Promise<ReportView>;
  onApproved?: () => void;
}

export function createReportService(deps: {
  store: Store;
  ledger: Ledger;
  config: WardenConfig;
  clock: Clock;
  onApproved?: () => void;
}): ReportService {
  const { store, ledger, config, clock } = deps;
  const lock = createMutex();
  const { db } = store;
  const load = (id: string) => findReport(db, id);
  const must = async (id: string) => {
    const r = await load(id);
    if (!r) throw new AppError('not_found', 'no such report');
    return r;
  };
  const audit = (
    actor: string,
    action: string,
    r: { id: string; subject_account: string },
    detail?: Record<string, unknown>,
  ): AuditInput => ({ actor, action, subjectAccountId: r.subject_account, target: { type: 'cybertip_report', id: r.id }, detail });

  return {
    ...createReportResolution({ store, ledger, clock, run: (fn) => lock.run(fn), onResolved: () => deps.onApproved?.() }),
    draftForCase: (caseId, actor) =>
      lock.run(async () => {
        const c = await findCase(db, caseId);
        if (!c) throw new AppError('not_found', 'no such case');
        if (c.outcome !== 'confirmed') throw new AppError('conflict', 'only a confirmed case can be reported');
        const existing = await activeReportOf(db, caseId);
        if (existing) return reportView(existing);
        const nowMs = clock.now();
        const draft = await draftFromCase(db, c, config, nowMs);
        const id = newId('rpt', nowMs);
        await ledger.apply({
          statements: [insertDraft(db, { id, caseId, subject: c.subject_account, draft: JSON.stringify(draft), createdBy: actor, nowMs })],
          audit: [audit(actor, 'report.drafted', { id, subject_account: c.subject_account }, { caseId })],
        });
        return reportView((await load(id))!);
      }),

    async get(id) {
      const r = await load(id);
      return r ? reportView(r) : undefined;
    },

    update: (id, draft, viewer) =>
      lock.run(async () => {
        const r = await must(id);
        if (r.status !== 'draft') throw new AppError('conflict', `the report is ${r.status}; only a draft can change`);
        const parsed = ReportDraftSchema.safeParse(draft);
        if (!parsed.success) {
          const issues = zodIssues(parsed.error);
          throw new AppError('invalid_input', `invalid report: ${issues.map((i) => `${i.field} ${i.reason}`).join('; ')}`, { issues });
        }
        const nowMs = clock.now();
        await ledger.apply({
          statements: [updateDraft(db, id, JSON.stringify(parsed.data), nowMs)],
          audit: [audit(viewer.actor, 'report.updated', r)],
        });
        return reportView((await load(id))!);
      }),

    approve: (id, viewer) =>
      lock.run(async () => {
        const r = await must(id);
        if (r.status !== 'draft') throw new AppError('conflict', `the report is ${r.status}; only a draft can be approved`);
        // SECURITY: four eyes. Whoever wrote into the report does not also send it (reporting.fourEyes).
        if (config.reporting.fourEyes && (await editorsOf(db, r)).includes(viewer.actor))
          throw new AppError('forbidden', 'a second person must approve a report you edited', {
            issues: [{ field: '(report)', reason: 'was edited by you; another reviewer approves it (four eyes)' }],
          });
        const nowMs = clock.now();
        const checked = checkReport(JSON.parse(r.draft), nowMs);
        if (!checked.ok)
          throw new AppError(
            'invalid_input',
            `the report cannot be submitted yet: ${checked.error.map((i) => `${i.field} ${i.reason}`).join('; ')}`,
            { issues: checked.error },
          );
        const xml = buildReportXml(checked.value);
        const deadline = nowMs + config.reporting.deadlineHours * 3_600_000;
        await ledger.apply({
          statements: [
            approveDraft(db, id, { xml, environment: config.reporting.environment, approvedBy: viewer.actor, deadlineMs: deadline, nowMs }),
            ...checked.value.files.map((f) => insertReportFile(db, id, f.localId)),
          ],
          audit: [
            audit(viewer.actor, 'report.approved', r, {
              environment: config.reporting.environment,
              xmlSha256: createHash('sha256').update(xml).digest('hex'),
              files: checked.value.files.length,
            }),
          ],
        });
        deps.onApproved?.();
        return reportView((await load(id))!);
      }),
  };
}
