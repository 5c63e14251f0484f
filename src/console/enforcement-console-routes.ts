import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { cancelAction, requestAction } from '../actions/action-commands.js';
import { ActionRequestSchema, ActionReasonSchema } from '../actions/action-requests.js';
import { retryAction } from '../actions/retry-action.js';
import type { RouteContext } from '../server/route-context.js';
import { mayEnforce, type EnforcementStep } from './case-enforcement-panel.js';

const Params = z.strictObject({ caseId: z.string().min(1).max(128), id: z.string().min(1).max(128).optional() });

/**
 * The case page's enforcement forms (issue 17). CSRF and sign-in are checked by console-auth.ts
 * for every console POST; the role here, against the API's role matrix; the step itself by the
 * actions capability, which audits it. A refused step is audited too.
 */
export function enforcementConsoleRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const back = (reply: FastifyReply, caseId: string, code: string) =>
    reply.redirect(`/console/cases/${encodeURIComponent(caseId)}?msg=${code}#enforcement`, 303);

  const guarded = (
    step: EnforcementStep,
    path: string,
    run: (
      caseId: string,
      id: string | undefined,
      body: Record<string, unknown>,
      actor: { actor: string; roles: readonly string[] },
    ) => Promise<string>,
  ) =>
    app.post(path, async (req, reply) => {
      const p = Params.safeParse(req.params);
      if (!p.success) return reply.code(404).type('text/plain').send('no such case');
      const u = req.consoleUser!;
      // The case must be one the reviewer may open, whatever the step (a restricted case answers as absent, audited).
      const c = await ctx.services.cases.get(p.data.caseId, u.viewer);
      if (!c) return reply.code(404).type('text/plain').send('no such case');
      if (!mayEnforce(u.viewer, step)) {
        await ctx.ledger.audit([
          {
            actor: u.viewer.actor,
            action: 'action.refused',
            subjectAccountId: c.subject_account,
            target: { type: p.data.id ? 'action' : 'case', id: p.data.id ?? c.id },
            detail: { step, why: 'role', via: 'console' },
          },
        ]);
        return back(reply, c.id, 'action_refused');
      }
      const { _csrf: _, ...body } = (req.body ?? {}) as Record<string, unknown>;
      return back(reply, c.id, await run(c.id, p.data.id, body, u.viewer));
    });

  guarded('retry', '/console/cases/:caseId/actions/:id/retry', async (caseId, id, _body, by) => {
    if (!(await ownAction(ctx, caseId, id!))) return 'action_not_found';
    const r = await retryAction(ctx, id!, by.actor);
    return r.ok ? 'action_retried' : r.error.kind === 'not_found' ? 'action_not_found' : 'action_moved_on';
  });

  guarded('cancel', '/console/cases/:caseId/actions/:id/cancel', async (caseId, id, body, by) => {
    const b = ActionReasonSchema.safeParse(body);
    if (!b.success) return 'action_reason_missing';
    if (!(await ownAction(ctx, caseId, id!))) return 'action_not_found';
    const r = await cancelAction(ctx, id!, by, b.data.reason);
    return r.ok ? 'action_cancelled' : r.error.kind === 'not_found' ? 'action_not_found' : 'action_moved_on';
  });

  guarded('request', '/console/cases/:caseId/actions', async (caseId, _id, body, by) => {
    const b = ActionRequestSchema.safeParse(body);
    if (!b.success) return 'action_request_invalid';
    const c = (await ctx.store.db
      .selectFrom('cases')
      .select(['id', 'subject_account', 'categories'])
      .where('id', '=', caseId)
      .executeTakeFirst())!;
    const r = await requestAction(ctx, c, b.data.type, b.data.reason, by.actor);
    return r.ok ? 'action_requested' : 'action_request_invalid';
  });
}

/** The action is the case's own: a form cannot reach another case's action through this one's URL. */
async function ownAction(ctx: RouteContext, caseId: string, id: string): Promise<boolean> {
  const a = await ctx.store.db.selectFrom('actions').select('case_id').where('id', '=', id).executeTakeFirst();
  return a?.case_id === caseId;
}

/** The flash messages these forms redirect with (console-routes.ts shows them). */
export const ENFORCEMENT_FLASH: Record<string, string> = {
  action_requested: 'Action requested: it is in the outbox for the platform.',
  action_cancelled: 'Action cancelled before it was sent.',
  action_retried: 'Delivery will be tried again.',
  action_moved_on: 'The action has moved on since the page was loaded; see its state now.',
  action_not_found: 'No such action on this case.',
  action_reason_missing: 'Say why, for the audit log.',
  action_request_invalid: 'Choose an action the policy uses, and say why.',
  action_refused: 'Your role may not take that step.',
};
