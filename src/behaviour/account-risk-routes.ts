import type { FastifyInstance } from 'fastify';
import { AppError } from '../core/app-error.js';
import { mayViewRestricted, RESTRICTED_CATEGORIES } from '../core/restricted.js';
import { heldRoles } from '../server/auth.js';

/** score-signals.ts names an alert's reason `alert_<category>`. */
const RESTRICTED_REASONS = new Set([...RESTRICTED_CATEGORIES].map((c) => `alert_${c}`));
import type { RouteContext } from '../server/route-context.js';

/** `GET /v1/accounts/:id/risk`: the account's behaviour score and the reasons behind it, from memory. */
export function accountRiskRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { id: string } }>('/v1/accounts/:id/risk', async (req) => {
    const id = req.params.id;
    if (id.length < 1 || id.length > 128)
      throw new AppError('invalid_input', 'invalid account id', { issues: [{ field: 'id', reason: 'must be 1–128 characters' }] });
    if (!ctx.accountRisk.known(id)) throw new AppError('not_found', `no account ${id}`);
    const risk = ctx.accountRisk.riskOf(id, ctx.clock.now());
    if (!risk) throw new AppError('internal', 'the account_risk detector is not running');
    // SECURITY: a reason naming a known-image alert is for child_safety and admin only (core/restricted.ts).
    const reasons = mayViewRestricted(heldRoles(req.principal!))
      ? risk.reasons
      : risk.reasons.filter((r) => !RESTRICTED_REASONS.has(r.code));
    return { accountId: id, score: risk.score, alertAt: ctx.config.behaviour.accountRisk.alertAt, reasons };
  });
}
