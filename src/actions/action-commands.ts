import { mayViewRestricted } from '../core/restricted.js';
import { err, ok, type Result } from '../core/result.js';
import type { RouteContext } from '../server/route-context.js';
import { requestChange, requestableTypes, outboxRow, undoChange } from './action-control.js';
import { actionRow } from './action-store.js';

interface Actor {
  actor: string;
  roles: readonly string[];
}

/** The case a request is for, as the caller (who checked the viewer may open it) read it. */
export interface RequestedFor {
  id: string;
  subject_account: string;
  categories: string;
}

/**
 * Cancels a pending action before it is sent, audited; the gate flag it set is lifted. An
 * action of a restricted case answers as absent to a viewer who may not see the case.
 */
export async function cancelAction(
  ctx: RouteContext,
  id: string,
  by: Actor,
  why: string,
): Promise<Result<{ id: string }, { kind: 'not_found' } | { kind: 'not_pending'; status: string }>> {
  const a = await actionRow(ctx.store.db, id);
  if (!a) return err({ kind: 'not_found' });
  if (!mayViewRestricted(by.roles) && a.case_id) {
    const c = await ctx.store.db.selectFrom('cases').select('restricted').where('id', '=', a.case_id).executeTakeFirst();
    if (c?.restricted === 1) return err({ kind: 'not_found' });
  }
  if (a.status !== 'pending' || a.mode !== 'live') return err({ kind: 'not_pending', status: a.status });
  await ctx.ledger.apply(await undoChange(ctx.store.db, a, by.actor, why, ctx.clock.now()));
  return ok({ id: a.id });
}

/**
 * A live action a person asks for on a case, of a type the policy in force uses: the same
 * outbox row, signed webhook and gate flag a rule would make. SECURITY: on a decoy case the
 * platform is told the reason `child_safety` and nothing of the case (issue 19).
 */
export async function requestAction(
  ctx: RouteContext,
  c: RequestedFor,
  type: string,
  reason: string,
  actor: string,
): Promise<Result<{ id: string }, { kind: 'not_allowed'; allowed: string[] }>> {
  const policy = await ctx.services.policies.current();
  const allowed = requestableTypes(policy.policy);
  if (!(allowed as readonly string[]).includes(type)) return err({ kind: 'not_allowed', allowed });
  const categories = c.categories.split(',').filter(Boolean);
  const content = categories.includes('decoy_contact')
    ? { reason: 'child_safety' }
    : { category: categories[0], reason: 'requested by a reviewer' };
  const row = outboxRow(
    { type, subjectAccountId: c.subject_account, caseId: c.id, policyVersion: policy.version, content },
    ctx.clock.now(),
  );
  await ctx.ledger.apply(requestChange(ctx.store.db, row, actor, reason));
  ctx.services.dispatcher.wake();
  return ok({ id: row.id });
}
