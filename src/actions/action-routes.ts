import type { FastifyInstance } from 'fastify';
import { listedEntries } from '../audit/listed-entries.js';
import { AppError } from '../core/app-error.js';
import { mayViewRestricted } from '../core/restricted.js';
import { heldRoles } from '../server/auth.js';
import { parseInput } from '../server/parse-input.js';
import { cancelAction, requestAction } from './action-commands.js';
import { ActionQuerySchema, ActionReasonSchema, ActionRequestSchema } from './action-requests.js';
import { listActions } from './action-store.js';
import { retryAction } from './retry-action.js';
import type { RouteContext } from '../server/route-context.js';

export function actionRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/v1/actions', async (req) => {
    const q = parseInput(ActionQuerySchema, req.query, 'query');
    const rows = await listActions(ctx.store.db, q, { hideRestricted: !mayViewRestricted(heldRoles(req.principal!)) });
    const entries = listedEntries(
      `key:${req.principal!.keyId}`,
      'actions.listed',
      rows.map((a) => ({ id: a.id, subjectAccountId: a.subject_account })),
    );
    if (entries.length > 0) await ctx.ledger.audit(entries);
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
    const r = await retryAction(ctx, req.params.id, `key:${req.principal!.keyId}`);
    if (!r.ok)
      throw r.error.kind === 'not_found'
        ? new AppError('not_found', 'no such action')
        : new AppError('conflict', `only a failed action can be retried; this one is ${r.error.status}`);
    return { id: r.value.id, status: 'pending' };
  });

  /** A pending action out of the outbox before it is sent; the gate flag it set is lifted. */
  app.post<{ Params: { id: string } }>('/v1/actions/:id/cancel', async (req) => {
    const { reason } = parseInput(ActionReasonSchema, req.body, 'cancel');
    const r = await cancelAction(ctx, req.params.id, { actor: `key:${req.principal!.keyId}`, roles: heldRoles(req.principal!) }, reason);
    if (!r.ok)
      throw r.error.kind === 'not_found'
        ? new AppError('not_found', 'no such action')
        : new AppError('conflict', `only a pending action can be cancelled; this one is ${r.error.status}`);
    return { id: r.value.id, status: 'cancelled' };
  });

  /** A live action on a case, of a type the policy in force uses, through the outbox like a rule's. */
  app.post<{ Params: { id: string } }>('/v1/cases/:id/actions', async (req, reply) => {
    const body = parseInput(ActionRequestSchema, req.body, 'action request');
    const viewer = { actor: `key:${req.principal!.keyId}`, roles: heldRoles(req.principal!) };
    const c = await ctx.services.cases.get(req.params.id, viewer);
    if (!c) throw new AppError('not_found', 'no such case');
    const r = await requestAction(ctx, c, body.type, body.reason, viewer.actor);
    if (!r.ok)
      throw new AppError(
        'invalid_input',
        `invalid action request: type is not one the policy in force uses (${r.error.allowed.join(', ') || 'none'})`,
        {
          issues: [{ field: 'type', reason: `must be one of the policy's action types: ${r.error.allowed.join(', ') || 'none'}` }],
        },
      );
    reply.code(201);
    return { id: r.value.id, type: body.type, status: 'pending' };
  });
}
