import type { Kysely } from 'kysely';
import type { AuditInput } from '../audit/audit-chain.js';
import { newId } from '../core/ids.js';
import type { FlagChange } from '../ledger/ledger.js';
import type { RuleMatch } from '../rules/evaluate-policy.js';
import type { ActionType } from '../rules/policy-schema.js';
import type { Database } from '../store/tables.js';
import type { Statement } from '../store/write-set.js';
import { insertAction } from './action-store.js';

/** What the platform is told about the content an action concerns. */
export interface ActionContent {
  eventIds?: string[] | undefined;
  mediaIds?: string[] | undefined;
  conversationId?: string | undefined;
  category?: string | undefined;
  reason?: string | undefined;
  /** `reverse_action`: the action this one undoes (a reversal on appeal, issue 17). */
  reverses?: { actionId: string; type: string } | undefined;
  /** `appeal_decided`: the reviewer's answer to the platform's appeal. */
  appeal?: { id: string; platformAppealId: string; decision: 'upheld' | 'reversed'; reason: string } | undefined;
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
export const FLAG_OF: Partial<Record<ActionType, FlagChange['flag']>> = {
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
export function planActions(db: Kysely<Database>, matches: readonly RuleMatch[], origin: ActionOrigin, nowMs: number): PlannedActions {
  const out: PlannedActions = { statements: [], audit: [], flags: [], deliverable: 0 };
  const params = JSON.stringify(origin.content);
  const originKey = origin.alertId ? `alert:${origin.alertId}` : `decision:${origin.decisionId ?? ''}`;
  for (const m of matches) {
    for (const a of m.actions) {
      const live = m.mode === 'live';
      const status = !live ? 'shadow' : a.type === 'require_review' ? 'applied' : 'pending';
      const id = newId('act', nowMs);
      out.statements.push(
        insertAction(db, {
          id,
          dedupe_key: `${originKey}|${m.rule.id}|${a.type}`,
          type: a.type,
          mode: m.mode,
          status,
          subject_account: origin.subjectAccountId,
          case_id: origin.caseId,
          alert_id: origin.alertId,
          rule_id: m.rule.id,
          policy_version: origin.policyVersion,
          params,
          attempts: 0,
          next_attempt_ms: nowMs,
          last_error: null,
          created_ms: nowMs,
          delivered_ms: null,
        }),
      );
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
