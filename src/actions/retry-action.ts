import { err, ok, type Result } from '../core/result.js';
import type { RouteContext } from '../server/route-context.js';

/** Puts a failed action back in the outbox (attempts reset), audited, and wakes the dispatcher. */
export async function retryAction(ctx: RouteContext, id: string, actor: string): Promise<Result<{ id: string }, { kind: 'not_found' } | { kind: 'not_failed'; status: string }>> {
  const a = await ctx.store.db.selectFrom('actions').select(['id', 'status', 'subject_account', 'type']).where('id', '=', id).executeTakeFirst();
  if (!a) return err({ kind: 'not_found' });
  if (a.status !== 'failed') return err({ kind: 'not_failed', status: a.status });
  await ctx.ledger.apply({
    statements: [{ sql: "update actions set status = 'pending', attempts = 0, next_attempt_ms = ?, last_error = null where id = ? and status = 'failed'", params: [ctx.clock.now(), a.id] }],
    audit: [{ actor, action: 'action.retried', subjectAccountId: a.subject_account, target: { type: 'action', id: a.id }, detail: { type: a.type } }],
  });
  ctx.services.dispatcher.wake();
  return ok({ id: a.id });
}
