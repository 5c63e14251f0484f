import type { FastifyInstance, FastifyRequest } from 'fastify';
import { listedEntries } from '../audit/listed-entries.js';
import { keyViewer } from '../cases/case-routes.js';
import { AppError } from '../core/app-error.js';
import { parseInput } from '../server/parse-input.js';
import type { RouteContext } from '../server/route-context.js';
import { ReportQuerySchema } from './report-requests.js';
import { reportView } from './report-service.js';
import { listReports } from './report-store.js';

/** SECURITY: reports and their drafts are for child_safety and legal (and admins) only; every read is audited. */
export function reportRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { reports } = ctx.services;
  // The roles (child_safety, legal) are checked before the request reaches here: server/role-matrix.ts.
  const viewerOf = (req: FastifyRequest) => keyViewer(req.principal!);

  app.post<{ Params: { id: string } }>('/v1/cases/:id/report', async (req, reply) => {
    const v = viewerOf(req);
    const r = await reports.draftForCase(req.params.id, v.actor);
    reply.code(201);
    return r;
  });

  app.get('/v1/reports', async (req) => {
    const v = viewerOf(req);
    const q = parseInput(ReportQuerySchema, req.query, 'query');
    const rows = (await listReports(ctx.store.db, q)).map((r) => ({ ...reportView(r), draft: undefined }));
    const entries = listedEntries(v.actor, 'reports.listed', rows);
    if (entries.length > 0) await ctx.ledger.audit(entries);
    return { reports: rows };
  });

  app.get<{ Params: { id: string } }>('/v1/reports/:id', async (req) => {
    const v = viewerOf(req);
    const r = await reports.get(req.params.id);
    if (!r) throw new AppError('not_found', 'no such report');
    await ctx.ledger.audit([
      { actor: v.actor, action: 'report.viewed', subjectAccountId: r.subjectAccountId, target: { type: 'cybertip_report', id: r.id } },
    ]);
    return r;
  });

  app.put<{ Params: { id: string } }>('/v1/reports/:id', async (req) => reports.update(req.params.id, req.body, viewerOf(req)));

  // A report stopped at needs_attention: one person records what NCMEC said, a second signs it off.
  app.post<{ Params: { id: string } }>('/v1/reports/:id/resolution', async (req, reply) => {
    await reports.propose(req.params.id, req.body, viewerOf(req));
    reply.code(202);
    return reports.get(req.params.id);
  });
  app.post<{ Params: { id: string } }>('/v1/reports/:id/resolution/confirm', async (req) => {
    await reports.signOff(req.params.id, viewerOf(req), true);
    return reports.get(req.params.id);
  });
  app.post<{ Params: { id: string } }>('/v1/reports/:id/resolution/decline', async (req) => {
    await reports.signOff(req.params.id, viewerOf(req), false);
    return reports.get(req.params.id);
  });

  app.post<{ Params: { id: string } }>('/v1/reports/:id/approve', async (req) => reports.approve(req.params.id, viewerOf(req)));
}
