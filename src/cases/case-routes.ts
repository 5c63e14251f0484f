import type { FastifyInstance, FastifyRequest } from 'fastify';
import { listedEntries } from '../audit/listed-entries.js';
import { AppError } from '../core/app-error.js';
import { heldRoles, type Principal } from '../server/auth.js';
import { parseInput } from '../server/parse-input.js';
import type { RouteContext } from '../server/route-context.js';
import { caseView, type Viewer } from './case-model.js';
import { CaseQuerySchema, DecisionBodySchema, toDecision } from './case-requests.js';
import { failureToError } from './case-service.js';
import { caseDetail, listCases, queueCounts } from './case-store.js';

/** An API key as a viewer: its role and the roles that role includes (child_safety also reviews; admin holds all). */
export const keyViewer = (p: Principal): Viewer => ({ actor: `key:${p.keyId}`, roles: heldRoles(p) });

export function caseRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { cases } = ctx.services;
  // The role (reviewer, or one that includes it) is checked before the request reaches here: server/role-matrix.ts.
  const viewerOf = (req: FastifyRequest) => keyViewer(req.principal!);

  app.get('/v1/cases', async (req) => {
    const viewer = viewerOf(req);
    const q = parseInput(CaseQuerySchema, req.query, 'query');
    const page = await listCases(ctx.store.db, q, viewer, ctx.clock.now());
    const entries = listedEntries(viewer.actor, 'cases.listed', page.cases);
    if (entries.length > 0) await ctx.ledger.audit(entries);
    return page;
  });

  app.get('/v1/cases/queues', async (req) => ({ queues: await queueCounts(ctx.store.db, viewerOf(req), ctx.clock.now()) }));

  app.get<{ Params: { id: string } }>('/v1/cases/:id', async (req) => {
    const viewer = viewerOf(req);
    const c = await cases.get(req.params.id, viewer);
    if (!c) throw new AppError('not_found', 'no such case');
    const detail = await caseDetail(ctx.store.db, c.id);
    await ctx.ledger.audit([
      { actor: viewer.actor, action: 'case.viewed', subjectAccountId: c.subject_account, target: { type: 'case', id: c.id } },
    ]);
    return { case: caseView(c, ctx.clock.now()), ...detail };
  });

  app.post<{ Params: { id: string } }>('/v1/cases/:id/claim', async (req) => {
    const r = await cases.claim(req.params.id, viewerOf(req));
    if (!r.ok) throw failureToError(r.error);
    return { case: r.value };
  });

  app.post<{ Params: { id: string } }>('/v1/cases/:id/release', async (req) => {
    const r = await cases.release(req.params.id, viewerOf(req));
    if (!r.ok) throw failureToError(r.error);
    return { case: r.value };
  });

  app.post<{ Params: { id: string } }>('/v1/cases/:id/decision', async (req) => {
    const viewer = viewerOf(req);
    const body = parseInput(DecisionBodySchema, req.body, 'decision');
    const r = await cases.decide(req.params.id, viewer, toDecision(body));
    if (!r.ok) throw failureToError(r.error);
    return { case: r.value };
  });
}
