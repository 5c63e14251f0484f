import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../core/app-error.js';
import { parseInput } from '../server/parse-input.js';
import { retryAction } from './retry-action.js';
import type { RouteContext } from '../server/route-context.js';

export const ACTION_STATUSES = ['pending', 'delivered', 'failed', 'shadow', 'applied'] as const;

export const ActionQuerySchema = z.strictObject({
  status: z.enum(ACTION_STATUSES).optional(),
  subject: z.string().min(1).max(128).optional(),
  caseId: z.string().min(1).max(128).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The last id of the previous page. */
  after: z.string().max(128).optional(),
});

export function actionRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/v1/actions', async (req) => {
    ctx.auth.require(req.principal!, ['reviewer', 'child_safety']);
    const q = parseInput(ActionQuerySchema, req.query, 'query');
    let sel = ctx.store.db.selectFrom('actions').selectAll();
    if (q.status) sel = sel.where('status', '=', q.status);
    if (q.subject) sel = sel.where('subject_account', '=', q.subject);
    if (q.caseId) sel = sel.where('case_id', '=', q.caseId);
    if (q.after) sel = sel.where('id', '>', q.after);
    const rows = await sel.orderBy('id').limit(q.limit).execute();
    return {
      actions: rows.map((a) => ({
        id: a.id,
        type: a.type,
        mode: a.mode,
        status: a.status,
        subject: { accountId: a.subject_account },
        caseId: a.case_id,
        alertId: a.alert_id,
        ruleId: a.rule_id,
        policyVersion: a.policy_version,
        attempts: a.attempts,
        nextAttemptAt: a.status === 'pending' ? new Date(a.next_attempt_ms).toISOString() : null,
        lastError: a.last_error,
        createdAt: new Date(a.created_ms).toISOString(),
        deliveredAt: a.delivered_ms === null ? null : new Date(a.delivered_ms).toISOString(),
      })),
      next: rows.length === q.limit ? rows[rows.length - 1]!.id : null,
    };
  });

  /** A failed action back into the outbox, attempts reset. */
  app.post<{ Params: { id: string } }>('/v1/actions/:id/retry', async (req) => {
    ctx.auth.require(req.principal!, ['admin']);
    const r = await retryAction(ctx, req.params.id, `key:${req.principal!.keyId}`);
    if (!r.ok) throw r.error.kind === 'not_found' ? new AppError('not_found', 'no such action') : new AppError('conflict', `only a failed action can be retried; this one is ${r.error.status}`);
    return { id: r.value.id, status: 'pending' };
  });
}
