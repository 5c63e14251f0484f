import type { ActionsTable } from '../actions/action-store.js';
import type { CasesTable } from '../cases/case-store.js';

/** Rows written straight to the store, for tests of what reviewers do with a case and its actions. */
export const caseRow = (id: string, subject: string, nowMs: number, over: Partial<CasesTable> = {}): CasesTable => ({
  id,
  subject_account: subject,
  status: 'closed',
  priority: 1,
  queue: 'sextortion',
  restricted: 0,
  escalated: 0,
  categories: 'sextortion',
  alert_count: 1,
  opened_ms: nowMs - 60_000,
  updated_ms: nowMs,
  due_ms: nowMs + 3_600_000,
  claimed_by: null,
  claim_expires_ms: null,
  outcome: 'confirmed',
  outcome_category: 'sextortion',
  outcome_reason: null,
  closed_ms: nowMs,
  closed_by: 'reviewer:someone',
  ...over,
});

export const actionRowOf = (id: string, caseId: string, subject: string, type: string, status: string, nowMs: number): ActionsTable => ({
  id,
  dedupe_key: `test:${id}`,
  type,
  mode: 'live',
  status,
  subject_account: subject,
  case_id: caseId,
  alert_id: null,
  rule_id: 'sextortion',
  policy_version: 0,
  params: '{}',
  attempts: status === 'delivered' ? 1 : 0,
  next_attempt_ms: nowMs + 86_400_000,
  last_error: null,
  created_ms: nowMs,
  delivered_ms: status === 'delivered' ? nowMs : null,
});
