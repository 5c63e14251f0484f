import type { FastifyInstance } from 'fastify';
import { listedEntries } from '../audit/listed-entries.js';
import { keyViewer } from '../cases/case-routes.js';
import { AppError } from '../core/app-error.js';
import { mayViewRestricted } from '../core/restricted.js';
import { parseInput } from '../server/parse-input.js';
import type { RouteContext } from '../server/route-context.js';
import { AppealBodySchema, AppealDecisionSchema, AppealQuerySchema } from './appeal-requests.js';
import { appealView, type AppealFailure } from './appeal-service.js';
import { listAppeals } from './appeal-store.js';

export const appealFailure = (f: AppealFailure) =>
  f.kind === 'not_found'
    ? new AppError('not_found', 'no such appeal')
    : f.kind === 'decided'
      ? new AppError('conflict', `the appeal is already decided (${f.status})`)
      : new AppError('conflict', 'an appeal is answered by someone other than the reviewer who decided the case');

/** Appeals: filed by the platform's key, read and answered by reviewers (role matrix). */
export function appealRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { appeals } = ctx.services;

  app.post('/v1/appeals', async (req, reply) => {
    const body = parseInput(AppealBodySchema, req.body, 'appeal');
    const r = await appeals.file(body, `key:${req.principal!.keyId}`);
    reply.code(r.created ? 201 : 200);
    return r.appeal;
  });

  app.get('/v1/appeals', async (req) => {
    const q = parseInput(AppealQuerySchema, req.query, 'query');
    const viewer = keyViewer(req.principal!);
    const rows = await listAppeals(ctx.store.db, q, { hideRestricted: !mayViewRestricted(viewer.roles) });
    const entries = listedEntries(
      viewer.actor,
      'appeals.listed',
      rows.map((a) => ({ id: a.id, subjectAccountId: a.subject_account })),
    );
    if (entries.length > 0) await ctx.ledger.audit(entries);
    return { appeals: rows.map(appealView), next: rows.length === q.limit ? rows[rows.length - 1]!.id : null };
  });

  app.get<{ Params: { id: string } }>('/v1/appeals/:id', async (req) => {
    const viewer = keyViewer(req.principal!);
    const a = await appeals.get(req.params.id, viewer);
    if (!a) throw new AppError('not_found', 'no such appeal');
    await ctx.ledger.audit([
      { actor: viewer.actor, action: 'appeal.viewed', subjectAccountId: a.subject_account, target: { type: 'appeal', id: a.id } },
    ]);
    return appealView(a);
  });

  app.post<{ Params: { id: string } }>('/v1/appeals/:id/decision', async (req) => {
    const d = parseInput(AppealDecisionSchema, req.body, 'decision');
    const r = await appeals.decide(req.params.id, keyViewer(req.principal!), d);
    if (!r.ok) throw appealFailure(r.error);
    return r.value;
  });
}
