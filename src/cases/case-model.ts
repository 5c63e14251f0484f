import { mayViewRestricted, RESTRICTED_CATEGORIES } from '../core/restricted.js';
import type { CasesTable } from './case-store.js';

export const CASE_STATUSES = ['open', 'awaiting_context', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Who is looking: a console reviewer or an API key, with the roles that decide what they see. */
export interface Viewer {
  /** As recorded in history and the audit log: `reviewer:<id>` or `key:<id>`. */
  actor: string;
  roles: readonly string[];
}

/** SECURITY: only child_safety reviewers (and admins) see known-abuse-image cases and their media (core/restricted.ts). */
export const canSeeRestricted = (v: Viewer) => mayViewRestricted(v.roles);

/** The categories that make a case restricted. */
export { RESTRICTED_CATEGORIES };

export interface CaseView {
  id: string;
  subjectAccountId: string;
  status: CaseStatus;
  priority: number;
  queue: string;
  restricted: boolean;
  escalated: boolean;
  categories: string[];
  alertCount: number;
  openedAt: string;
  updatedAt: string;
  dueAt: string;
  overdue: boolean;
  claimedBy: string | null;
  claimExpiresAt: string | null;
  outcome: string | null;
  outcomeCategory: string | null;
  outcomeReason: string | null;
  closedAt: string | null;
  closedBy: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function caseView(r: CasesTable, nowMs: number): CaseView {
  const claimLive = r.claimed_by !== null && r.claim_expires_ms !== null && r.claim_expires_ms > nowMs;
  return {
    id: r.id,
    subjectAccountId: r.subject_account,
    status: r.status as CaseStatus,
    priority: r.priority,
    queue: r.queue,
    restricted: r.restricted === 1,
    escalated: r.escalated === 1,
    categories: r.categories.split(',').filter(Boolean),
    alertCount: r.alert_count,
    openedAt: iso(r.opened_ms)!,
    updatedAt: iso(r.updated_ms)!,
    dueAt: iso(r.due_ms)!,
    overdue: r.status !== 'closed' && r.due_ms < nowMs,
    claimedBy: claimLive ? r.claimed_by : null,
    claimExpiresAt: claimLive ? iso(r.claim_expires_ms) : null,
    outcome: r.outcome,
    outcomeCategory: r.outcome_category,
    outcomeReason: r.outcome_reason,
    closedAt: iso(r.closed_ms),
    closedBy: r.closed_by,
  };
}
