import type { FastifyInstance, FastifyRequest } from 'fastify';
import { mayViewRestricted, RESTRICTED_CATEGORIES } from '../core/restricted.js';
import { heldRoles } from '../server/auth.js';
import { AppError } from '../core/app-error.js';
import { zodIssues } from '../events/validate-event.js';
import type { RouteContext } from '../server/route-context.js';
import { AlertQuerySchema } from './alert-requests.js';
import { getAlert, queryAlerts } from './alert-store.js';

/** SECURITY: known-image alerts (bank, entry, media, distance) only for child_safety and admin; to others they do not exist (core/restricted.ts). */
const hidden = (req: FastifyRequest) =>
  mayViewRestricted(heldRoles(req.principal!)) ? {} : { hideCategories: [...RESTRICTED_CATEGORIES] };

export function alertRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/v1/alerts', async (req) => {
    const parsed = AlertQuerySchema.safeParse(req.query);
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      throw new AppError('invalid_input', `invalid query: ${issues.map((i) => `${i.field} ${i.reason}`).join('; ')}`, { issues });
    }
    const page = await queryAlerts(ctx.store.db, parsed.data, hidden(req));
    // "Who knew what, when": a reviewer who listed alerts learned about each subject on the page.
    const bySubject = new Map<string, string[]>();
    for (const a of page.alerts) {
      const ids = bySubject.get(a.subject.accountId) ?? [];
      ids.push(a.id);
      bySubject.set(a.subject.accountId, ids);
    }
    if (bySubject.size > 0) {
      await ctx.ledger.audit(
        [...bySubject].map(([subject, alertIds]) => ({
          actor: `key:${req.principal!.keyId}`,
          action: 'alerts.viewed',
          subjectAccountId: subject,
          detail: { alertIds },
        })),
      );
    }
    return page;
  });

  app.get<{ Params: { id: string } }>('/v1/alerts/:id', async (req) => {
    const got = await getAlert(ctx.store.db, req.params.id);
    const alert = got && (mayViewRestricted(heldRoles(req.principal!)) || !RESTRICTED_CATEGORIES.has(got.category)) ? got : undefined;
    if (!alert) throw new AppError('not_found', `no alert with id ${req.params.id.slice(0, 128)}`);
    await ctx.ledger.audit([
      {
        actor: `key:${req.principal!.keyId}`,
        action: 'alert.viewed',
        subjectAccountId: alert.subject.accountId,
        target: { type: 'alert', id: alert.id },
      },
    ]);
    return alert;
  });
}
