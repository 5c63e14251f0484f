import type { FastifyInstance } from 'fastify';
import { AppError } from '../core/app-error.js';
import type { RouteContext } from '../server/route-context.js';

/** `GET /v1/accounts/:id/risk`: the account's behaviour score and the reasons behind it, from memory. */
export function accountRiskRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { id: string } }>('/v1/accounts/:id/risk', async (req) => {
    ctx.auth.require(req.principal!, ['reviewer']);
    const id = req.params.id;
    if (id.length < 1 || id.length > 128) throw new AppError('invalid_input', 'invalid account id', { issues: [{ field: 'id', reason: 'must be 1–128 characters' }] });
    if (!ctx.accountRisk.known(id)) throw new AppError('not_found', `no account ${id}`);
    const risk = ctx.accountRisk.riskOf(id, ctx.clock.now());
    if (!risk) throw new AppError('internal', 'the account_risk detector is not running');
    return { accountId: id, score: risk.score, alertAt: ctx.config.behaviour.accountRisk.alertAt, reasons: risk.reasons };
  });
}
