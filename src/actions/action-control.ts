import type { Kysely } from 'kysely';
import type { AuditInput } from '../audit/audit-chain.js';
import { newId } from '../core/ids.js';
import type { Change, FlagChange } from '../ledger/ledger.js';
import type { ActionType } from '../rules/policy-schema.js';
import type { Database } from '../store/tables.js';
import { cancelPending, insertAction, otherLiveOfTypes, type ActionsTable } from './action-store.js';
import { FLAG_OF, type ActionContent } from './plan-actions.js';

/*
 * Actions a person starts, stops or undoes (issue 17: enforcement from the console, appeals),
 * as changes for the ledger: the same outbox rows, audit entries and gate flags the rules
 * make, so the console and appeals never go around the outbox and its signed webhook.
 */

type Db = Kysely<Database>;

/** Action types a person may request on a case, when the policy in force uses them. */
export const REQUESTABLE: readonly ActionType[] = ['restrict_messaging_minors', 'hide_from_minors', 'suspend_account', 'remove_content'];

/** The types a policy's live rules use that a person may also request by hand. */
export function requestableTypes(policy: { rules: readonly { mode: string; then: readonly { type: string }[] }[] }): ActionType[] {
  const used = new Set(policy.rules.filter((r) => r.mode === 'live').flatMap((r) => r.then.map((a) => a.type)));
  return REQUESTABLE.filter((t) => used.has(t));
}

/** A live action row for the outbox, pending, keyed by its own id (a person's request is never a duplicate). */
export function outboxRow(
  o: { type: string; subjectAccountId: string; caseId: string | null; policyVersion: number | null; content: ActionContent },
  nowMs: number,
): ActionsTable {
  const id = newId('act', nowMs);
  return {
    id,
    dedupe_key: `manual:${id}`,
    type: o.type,
    mode: 'live',
    status: 'pending',
    subject_account: o.subjectAccountId,
    case_id: o.caseId,
    alert_id: null,
    rule_id: null,
    policy_version: o.policyVersion,
    params: JSON.stringify(o.content),
    attempts: 0,
    next_attempt_ms: nowMs,
    last_error: null,
    created_ms: nowMs,
    delivered_ms: null,
  };
}

/** A requested action: its row, its audit entry and, for a restriction, the gate flag at once (as a rule's would). */
export function requestChange(db: Db, row: ActionsTable, actor: string, reason: string): Change {
  const flag = FLAG_OF[row.type as ActionType];
  return {
    statements: [insertAction(db, row)],
    audit: [
      {
        actor,
        action: 'action.requested',
        subjectAccountId: row.subject_account,
        target: { type: 'action', id: row.id },
        detail: { type: row.type, caseId: row.case_id, reason },
      },
    ],
    flags: flag ? [{ accountId: row.subject_account, flag, set: true, source: actor, reason: row.type }] : [],
  };
}

/** The gate flag `a` set, lifted, unless another live action on the account still calls for it. */
async function liftFlag(db: Db, a: ActionsTable, actor: string, why: string, exceptIds: readonly string[]): Promise<FlagChange[]> {
  const flag = FLAG_OF[a.type as ActionType];
  if (!flag) return [];
  const sameFlag = Object.entries(FLAG_OF)
    .filter(([, f]) => f === flag)
    .map(([t]) => t);
  if (await otherLiveOfTypes(db, a.subject_account, sameFlag, exceptIds)) return [];
  return [{ accountId: a.subject_account, flag, set: false, source: actor, reason: why }];
}

/**
 * Undoes a live action: a pending one is cancelled before it is sent; a delivered one gets a
 * `reverse_action` in the outbox, which tells the platform to lift it. Either way the gate
 * flag it set is lifted. Anything else (failed, shadow, already cancelled) needs nothing.
 */
export async function undoChange(
  db: Db,
  a: ActionsTable,
  actor: string,
  why: string,
  nowMs: number,
  exceptIds: readonly string[] = [a.id],
): Promise<Change & { statements: NonNullable<Change['statements']>; audit: AuditInput[]; flags: FlagChange[] }> {
  const out = { statements: [] as NonNullable<Change['statements']>, audit: [] as AuditInput[], flags: [] as FlagChange[] };
  if (a.mode !== 'live' || (a.status !== 'pending' && a.status !== 'delivered') || a.type === 'require_review') return out;
  const target = { type: 'action', id: a.id };
  if (a.status === 'pending') {
    out.statements.push(cancelPending(db, a.id, `cancelled: ${why}`));
    out.audit.push({ actor, action: 'action.cancelled', subjectAccountId: a.subject_account, target, detail: { type: a.type, why } });
  } else {
    const row = outboxRow(
      {
        type: 'reverse_action',
        subjectAccountId: a.subject_account,
        caseId: a.case_id,
        policyVersion: a.policy_version,
        content: { reverses: { actionId: a.id, type: a.type }, reason: why },
      },
      nowMs,
    );
    out.statements.push(insertAction(db, row));
    out.audit.push({
      actor,
      action: 'action.reversed',
      subjectAccountId: a.subject_account,
      target,
      detail: { type: a.type, reversal: row.id, why },
    });
  }
  out.flags.push(...(await liftFlag(db, a, actor, why, exceptIds)));
  return out;
}
