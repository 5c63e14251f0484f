import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseInput } from '../server/parse-input.js';
import type { RouteContext } from '../server/route-context.js';
import { dsaStatements } from './dsa-statements.js';
import { chartJsSource, reportBody, reportCsv, reportHtml, TRANSPARENCY_JS } from './transparency-format.js';
import { TransparencyQuerySchema } from './transparency-requests.js';
import { transparencyReport } from './transparency-report.js';

/** The API: the report (JSON, CSV, a standalone HTML page) and the DSA statements of reasons. Both reads are audited. */
export function transparencyRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/v1/transparency', async (req, reply) => {
    const q = parseInput(TransparencyQuerySchema, req.query, 'query');
    const report = await transparencyReport(ctx.store.db, q.from, q.to, ctx.clock.now());
    await ctx.ledger.audit([
      { actor: `key:${req.principal!.keyId}`, action: 'transparency.viewed', detail: { from: report.period.from, to: report.period.to } },
    ]);
    if (q.format === 'csv') return reply.type('text/csv; charset=utf-8').send(reportCsv(report));
    if (q.format === 'html') return reply.type('text/html; charset=utf-8').send(reportHtml(report));
    return report;
  });

  app.get('/v1/transparency/statements', async (req) => {
    const q = parseInput(TransparencyQuerySchema, req.query, 'query');
    const statements = await dsaStatements(ctx.store.db, q.from, q.to);
    await ctx.ledger.audit([
      {
        actor: `key:${req.principal!.keyId}`,
        action: 'transparency.statements_exported',
        detail: { from: new Date(q.from).toISOString(), to: new Date(q.to).toISOString(), count: statements.length },
      },
    ]);
    return { statements };
  });
}

/** The console's page chrome; the body is HTML this module built (every value in it escaped). */
type Send = (req: FastifyRequest, reply: FastifyReply, title: string, bodyHtml: string, status?: number) => Promise<FastifyReply>;

/**
 * The console page, inside the console's scope (its session, CSRF and CSP). Chart.js and the
 * chart script are served from the console's own origin: `script-src 'self'` allows them and
 * nothing inline. For child_safety and admin reviewers: the report counts restricted work.
 */
export function transparencyConsoleRoutes(scope: FastifyInstance, ctx: RouteContext, send: Send): void {
  scope.get('/console/assets/chart.umd.min.js', async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(chartJsSource()),
  );
  scope.get('/console/assets/transparency.js', async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(TRANSPARENCY_JS),
  );
  scope.get<{ Querystring: Record<string, string> }>('/console/transparency', async (req, reply) => {
    const u = req.consoleUser!;
    if (!u.viewer.roles.some((r) => r === 'child_safety' || r === 'admin'))
      return send(req, reply, 'Not found', '<h1>Not found</h1><p>This page is for the child-safety team.</p>', 404);
    const nowMs = ctx.clock.now();
    const parsed = TransparencyQuerySchema.safeParse({
      from: req.query.from ?? new Date(nowMs - 30 * 86_400_000).toISOString().slice(0, 10),
      to: req.query.to ?? new Date(nowMs + 86_400_000).toISOString().slice(0, 10),
    });
    if (!parsed.success)
      return send(
        req,
        reply,
        'Transparency',
        '<h1>Transparency report</h1><p class="error">from and to must be dates (YYYY-MM-DD), to after from.</p>',
        400,
      );
    const report = await transparencyReport(ctx.store.db, parsed.data.from, parsed.data.to, nowMs);
    await ctx.ledger.audit([
      { actor: u.viewer.actor, action: 'transparency.viewed', detail: { from: report.period.from, to: report.period.to, via: 'console' } },
    ]);
    return send(
      req,
      reply,
      'Transparency',
      `${reportBody(report)}<script src="/console/assets/chart.umd.min.js" defer></script><script src="/console/assets/transparency.js" defer></script>`,
    );
  });
}
