import { z } from 'zod';
import type { AuditInput } from '../audit/audit-chain.js';
import type { Viewer } from '../cases/case-model.js';
import { AppError } from '../core/app-error.js';
import type { Clock } from '../core/clock.js';
import type { Ledger } from '../ledger/ledger.js';
import { parseInput } from '../server/parse-input.js';
import type { Store } from '../store/store.js';
import {
  acknowledgeReportNotices,
  applyResolution,
  clearResolution,
  findReport,
  proposeResolution,
  type CybertipReportsTable,
} from './report-store.js';

/**
 * What an admin learned from NCMEC about a report stopped at needs_attention (a /submit whose
 * answer never came): NCMEC has it under this report id, or NCMEC does not have it.
 */
export const ResolutionSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('filed'),
    ncmecReportId: z
      .string()
      .trim()
      .regex(/^[1-9][0-9]{0,19}$/, 'must be the report number NCMEC gave (digits only)'),
  }),
  z.strictObject({ outcome: z.literal('resubmit') }),
]);
export type Resolution = z.output<typeof ResolutionSchema>;

export interface ReportResolution {
  /** Records what NCMEC said; the report moves only once a second person signs it off. */
  propose(id: string, input: unknown, viewer: Viewer): Promise<void>;
  /**
   * `accept`: a person other than the proposer signs it off and the report moves on (its
   * files and /finish under NCMEC's id, or a fresh /submit). `decline`: anyone, the proposer
   * included, sends it back for a new proposal. Both audited.
   */
  signOff(id: string, viewer: Viewer, accept: boolean): Promise<void>;
}

export function createReportResolution(deps: {
  store: Store;
  ledger: Ledger;
  clock: Clock;
  /** Serialises with the report service's other changes. */
  run: <T>(fn: () => Promise<T>) => Promise<T>;
  /** Wakes the submitter when a report moves on. */
  onResolved?: () => void;
}): ReportResolution {
  const { store, ledger, clock } = deps;
  const { db } = store;
  const audit = (actor: string, action: string, r: CybertipReportsTable, detail: Record<string, unknown>): AuditInput => ({
    actor,
    action,
    subjectAccountId: r.subject_account,
    target: { type: 'cybertip_report', id: r.id },
    detail,
  });
  const stopped = async (id: string) => {
    const r = await findReport(db, id);
    if (!r) throw new AppError('not_found', 'no such report');
    if (r.status !== 'needs_attention')
      throw new AppError('conflict', `the report is ${r.status}; only one that needs attention is resolved`);
    return r;
  };

  return {
    propose: (id, input, viewer) =>
      deps.run(async () => {
        const p = parseInput(ResolutionSchema, input, 'resolution');
        const r = await stopped(id);
        if (r.resolution) throw new AppError('conflict', `a resolution by ${r.resolution_by} is waiting for a second person`);
        const ncmecReportId = p.outcome === 'filed' ? p.ncmecReportId : null;
        await ledger.apply({
          statements: [proposeResolution(db, id, { resolution: p.outcome, ncmecReportId, by: viewer.actor, nowMs: clock.now() })],
          audit: [audit(viewer.actor, 'report.resolution_proposed', r, { outcome: p.outcome, ncmecReportId })],
        });
      }),

    signOff: (id, viewer, accept) =>
      deps.run(async () => {
        const r = await stopped(id);
        if (!r.resolution) throw new AppError('conflict', 'no resolution is waiting for sign-off');
        const detail = { outcome: r.resolution, ncmecReportId: r.resolution_ncmec_id, proposedBy: r.resolution_by };
        const nowMs = clock.now();
        if (!accept) {
          await ledger.apply({
            statements: [clearResolution(db, id, nowMs)],
            audit: [audit(viewer.actor, 'report.resolution_declined', r, detail)],
          });
          return;
        }
        // SECURITY: four eyes. What NCMEC said decides whether a child's report is sent twice or never.
        if (r.resolution_by === viewer.actor)
          throw new AppError('forbidden', 'a second person must sign off the resolution you proposed', {
            issues: [{ field: 'resolution', reason: 'was proposed by you; another reviewer signs it off' }],
          });
        await ledger.apply({
          statements: [applyResolution(db, r, nowMs), acknowledgeReportNotices(db, id, nowMs)],
          audit: [audit(viewer.actor, 'report.resolution_confirmed', r, detail)],
        });
        deps.onResolved?.();
      }),
  };
}
