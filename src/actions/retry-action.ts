import { err, ok, type Result } from '../core/result.js';
import type { RouteContext } from '../server/route-context.js';
import { findAction, requeueFailed } from './action-store.js';

/** Puts a failed action back in the outbox (attempts reset), audited, and wakes the dispatcher. */
export async function retryAction(
  ctx: RouteContext,
  id: string,
  actor: string,
): Promise<Result<{ id: string }, { kind: 'not_found' } | { kind: 'not_failed'; status: string }>> {
  const a = await findAction(ctx.store.db, id);
  if (!a) return err({ kind: 'not_found' });
  if (a.status !== 'failed') return err({ kind: 'not_failed', status: a.status });
  await ctx.ledger.apply({
    statements: [requeueFailed(ctx.store.db, a.id, ctx.clock.now())],
    audit: [
      {
        actor,
        action: 'action.retried',
        subjectAccountId: a.subject_account,
        target: { type: 'action', id: a.id },
        detail: { type: a.type },
      },
    ],
  });
  ctx.services.dispatcher.wake();
  return ok({ id: a.id });
}
