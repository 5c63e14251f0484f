import type { AuditInput } from '../audit/audit-chain.js';
import { newId } from '../core/ids.js';
import type { FlagChange } from '../ledger/ledger.js';
import type { RuleMatch } from '../rules/evaluate-policy.js';
import type { ActionType } from '../rules/policy-schema.js';
import type { Statement } from '../store/write-set.js';

/** What the platform is told about the content an action concerns. */
export interface ActionContent {
  eventIds?: string[] | undefined;
  mediaIds?: string[] | undefined;
  conversationId?: string | undefined;
  category?: string | undefined;
  reason?: string | undefined;
}

export interface ActionOrigin {
  subjectAccountId: string;
  caseId: string | null;
  alertId: string | null;
  /** Distinguishes one decision's actions from another's on the same case. */
  decisionId?: string | undefined;
  policyVersion: number;
  actor: string;
  content: ActionContent;
}

export interface PlannedActions {
  statements: Statement[];
  audit: AuditInput[];
  flags: FlagChange[];
  /** Live actions to deliver (the dispatcher can be woken for them). */
  deliverable: number;
}

/** The gate flag each restriction sets (spec: the inline gate honours restrictions at once). */
const FLAG_OF: Partial<Record<ActionType, FlagChange['flag']>> = {
  restrict_messaging_minors: 'restricted',
  suspend_account: 'restricted',
  hide_from_minors: 'hidden',
};

/**
 * Turns rule matches into action rows. A live action other than `require_review` (which
 * is the case itself) waits in the outbox for the webhook; a shadow one is recorded with
 * status `shadow` and never delivered. Rows are keyed by origin, rule and type, so
 * processing the same alert twice (after a crash) adds nothing.
 */
export function planActions(matches: readonly RuleMatch[], origin: ActionOrigin, nowMs: number): PlannedActions {
  const out: PlannedActions = { statements: [], audit: [], flags: [], deliverable: 0 };
  const params = JSON.stringify(origin.content);
  const originKey = origin.alertId ? `alert:${origin.alertId}` : `decision:${origin.decisionId ?? ''}`;
  for (const m of matches) {
    for (const a of m.actions) {
      const live = m.mode === 'live';
      const status = !live ? 'shadow' : a.type === 'require_review' ? 'applied' : 'pending';
      const id = newId('act', nowMs);
      out.statements.push({
        sql:
          'insert into actions (id, dedupe_key, type, mode, status, subject_account, case_id, alert_id, rule_id, policy_version, params, attempts, next_attempt_ms, last_error, created_ms, delivered_ms) ' +
          'values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, null, ?, null) on conflict (dedupe_key) do nothing',
        params: [id, `${originKey}|${m.rule.id}|${a.type}`, a.type, m.mode, status, origin.subjectAccountId, origin.caseId, origin.alertId, m.rule.id, origin.policyVersion, params, nowMs, nowMs],
      });
      if (!live) continue;
      if (status === 'pending') out.deliverable++;
      out.audit.push({
        actor: origin.actor,
        action: 'action.created',
        subjectAccountId: origin.subjectAccountId,
        target: { type: 'action', id },
        detail: { type: a.type, rule: m.rule.id, policyVersion: origin.policyVersion, caseId: origin.caseId, alertId: origin.alertId },
      });
      const flag = FLAG_OF[a.type];
      if (flag) out.flags.push({ accountId: origin.subjectAccountId, flag, set: true, source: `rule:${m.rule.id}`, reason: a.type });
    }
  }
  return out;
}
