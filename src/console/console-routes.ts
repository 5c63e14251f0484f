import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { failureToError, type CaseFailure } from '../cases/case-service.js';
import { CaseQuerySchema, DecisionBodySchema, toDecision } from '../cases/case-requests.js';
import { canSeeRestricted, caseView, RESTRICTED_CATEGORIES } from '../cases/case-model.js';
import { caseDetail, listCases, queueCounts, type CaseFilter } from '../cases/case-store.js';
import type { RouteContext } from '../server/route-context.js';
import { CONSOLE_CSS, CONSOLE_ICON, CONSOLE_JS } from './assets.js';
import { accountContext, caseTimeline } from '../cases/case-data.js';
import { casePage } from './case-page.js';
import { consoleAuth } from './console-auth.js';
import { Html, html } from './html.js';
import { layout } from './layout.js';
import { mediaRevealRoutes } from './media-reveal.js';
import { revealsOn } from './reviewer-store.js';
import { retryAction } from '../actions/retry-action.js';
import { actionsWithStatus, failedActionCount } from '../actions/action-store.js';
import { queuePage } from './queue-page.js';
import { canHandleReports } from '../reporting/report-service.js';
import { latestReportOf } from '../reporting/report-store.js';
import { listedEntries } from '../audit/listed-entries.js';
import { transparencyConsoleRoutes } from '../transparency/transparency-routes.js';
import { openNoticeCount, reportConsoleRoutes } from './report-console-routes.js';
import { peopleOf } from './people-of.js';
import { when } from './when.js';
import { exchangesPage } from './exchanges-page.js';
import { matchableTypes } from '../exchanges/exchange-routes.js';
import { casePanels, casePanelRoutes, CASE_PANEL_FLASH } from './case-panels.js';
import { readsAppeals } from './appeals-page.js';
import { teamView } from '../cases/team-routing.js';
import { caseReadsOn, caseSidePanels, countCaseRead, hasText } from './case-side-panels.js';
import { workRoutes } from './work-routes.js';

/** Messages a redirect may show: codes, never text from the request. */
const FLASH: Record<string, string> = {
  claimed: 'You hold this case.',
  released: 'Released to the queue.',
  decided: 'Decision recorded.',
  not_found: 'No such case.',
  closed: 'The case is already closed.',
  claimed_by_other: 'Another reviewer holds this case.',
  not_claimed: 'Claim the case first.',
  invalid: 'The decision was incomplete: choose a category or reason, and give a note when asking for context.',
  ...CASE_PANEL_FLASH,
  // Work management (issue 17, work-routes.ts).
  reassigned: 'Handed to the reviewer you chose: it is in their cases now.',
  not_yours: 'Only the reviewer holding this case, or an admin, can hand it on.',
  no_such_reviewer: 'Choose a reviewer from the list.',
  assignee_may_not_see: "That reviewer's roles may not open this case.",
};

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; media-src 'self' blob:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The review console, server-rendered: no client framework, one small script for
 * shortcuts and reveals. Registered in its own Fastify scope so its form parser and
 * cookie handling do not reach the JSON API.
 */
export function consoleRoutes(app: FastifyInstance, ctx: RouteContext): void {
  void app.register(async (scope) => {
    await scope.register(fastifyCookie);
    await scope.register(fastifyFormbody, { bodyLimit: 64 * 1024 });
    // Limits are applied by hand where they belong (sign-in), never to every console route.
    await scope.register(fastifyRateLimit, { global: false, exponentialBackoff: true });
    scope.addHook('onSend', async (_req, reply) => {
      reply.header('content-security-policy', CSP);
      reply.header('x-frame-options', 'DENY');
      reply.header('x-content-type-options', 'nosniff');
      // same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on form posts.
      reply.header('referrer-policy', 'same-origin');
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    });
    scope.get('/console/assets/console.css', async (_req, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=300').send(CONSOLE_CSS),
    );
    scope.get('/console/assets/console.js', async (_req, reply) =>
      reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(CONSOLE_JS),
    );

    // Without an icon of its own the browser asks for /favicon.ico and logs the 404 as an error.
    scope.get('/console/assets/icon.svg', async (_req, reply) =>
      reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(CONSOLE_ICON),
    );

    consoleAuth(scope, ctx);

    const today = () => new Date(ctx.clock.now()).toISOString().slice(0, 10);
    const exposure = async (reviewerId: string) => {
      const [reveals, caseReads] = await Promise.all([
        revealsOn(ctx.store.db, reviewerId, today()),
        caseReadsOn(ctx.store.db, reviewerId, today()),
      ]);
      const c = ctx.config.console;
      return { today: reveals, warnAt: c.dailyExposureWarning, caseReads, caseReadsWarnAt: c.dailyCaseReadWarning };
    };
    const send = async (req: FastifyRequest, reply: FastifyReply, title: string, body: ReturnType<typeof html>, status = 200) => {
      const u = req.consoleUser!;
      const [exp, notices] = await Promise.all([exposure(u.reviewer.id), openNoticeCount(ctx.store.db, u.reviewer.roles)]);
      const chrome = {
        title,
        reviewer: u.reviewer,
        csrf: u.csrf,
        exposure: exp,
        notices,
        reports: canHandleReports(u.viewer),
        appeals: readsAppeals(u.reviewer.roles),
      };
      return reply.code(status).type('text/html; charset=utf-8').send(layout(chrome, body));
    };
    transparencyConsoleRoutes(scope, ctx, (req, reply, title, body, status) => send(req, reply, title, new Html(body), status));
    const notFound = (req: FastifyRequest, reply: FastifyReply) =>
      send(
        req,
        reply,
        'Not found',
        html`<h1>Not found</h1>
          <p>No such case, or not one your role may open.</p>`,
        404,
      );

    scope.get('/console', async (req, reply) => {
      const u = req.consoleUser!;
      const { all, ...query } = req.query as Record<string, unknown>;
      const parsed = CaseQuerySchema.safeParse(query);
      const q: CaseFilter = parsed.success ? parsed.data : { limit: 50 };
      // Team routing: a member's queue shows their teams' cases unless they ask for all, or for one queue.
      const teams = teamView(ctx.config, u.reviewer.username);
      if (all !== '1' && !q.queue) q.excludeQueues = teams.excludeQueues;
      const nowMs = ctx.clock.now();
      const [counts, page, failed] = await Promise.all([
        queueCounts(ctx.store.db, u.viewer, nowMs),
        listCases(ctx.store.db, { ...q, limit: Math.min(q.limit, 100) }, u.viewer, nowMs),
        failedActionCount(ctx.store.db),
      ]);
      const listed = listedEntries(u.viewer.actor, 'cases.listed', page.cases, { via: 'console' });
      if (listed.length > 0) await ctx.ledger.audit(listed);
      return send(
        req,
        reply,
        'Queue',
        queuePage({
          counts,
          cases: page.cases,
          nextCursor: page.nextCursor,
          queue: q.queue,
          status: q.status ?? 'open',
          nowMs,
          failedActions: failed,
          teams: { names: teams.teams, all: all === '1' },
          csrf: u.csrf,
        }),
      );
    });

    // Hash exchanges' state (issue 20): what each source sent, where its fetch stands, what failed.
    scope.get('/console/exchanges', async (req, reply) => {
      const states = await ctx.services.exchanges.states();
      return send(
        req,
        reply,
        'Hash exchanges',
        exchangesPage(states.map((s) => ({ ...s, matchableTypes: matchableTypes(s.counts.byType) }))),
      );
    });

    scope.get<{ Params: { id: string }; Querystring: { msg?: string } }>('/console/cases/:id', async (req, reply) => {
      const u = req.consoleUser!;
      const row = await ctx.services.cases.get(req.params.id, u.viewer);
      if (!row) return notFound(req, reply);
      const nowMs = ctx.clock.now();
      const detail = await caseDetail(ctx.store.db, row.id);
      const [timeline, account] = await Promise.all([
        caseTimeline(ctx.store.db, detail.alerts),
        accountContext(ctx.store.db, row.subject_account, nowMs, row.id, canSeeRestricted(u.viewer)),
      ]);
      const people = await peopleOf(ctx.store.db, row.subject_account, detail, timeline);
      await ctx.ledger.audit([
        {
          actor: u.viewer.actor,
          action: 'case.viewed',
          subjectAccountId: row.subject_account,
          target: { type: 'case', id: row.id },
          detail: { via: 'console' },
        },
      ]);
      if (hasText(timeline)) await ctx.ledger.apply({ statements: [countCaseRead(ctx.store.db, u.reviewer.id, today(), row.id)] });
      const flash = req.query.msg ? FLASH[req.query.msg] : undefined;
      const report = canHandleReports(u.viewer) ? await latestReportOf(ctx.store.db, row.id) : undefined;
      const fullRisk = ctx.accountRisk.riskOf(row.subject_account, nowMs);
      // SECURITY: a reason naming a known-image alert only for a viewer who may see one (core/restricted.ts).
      const risk =
        fullRisk && !canSeeRestricted(u.viewer)
          ? { ...fullRisk, reasons: fullRisk.reasons.filter((r) => !RESTRICTED_CATEGORIES.has(r.code.replace(/^alert_/, ''))) }
          : fullRisk;
      return send(
        req,
        reply,
        `Case ${row.subject_account}`,
        casePage({
          c: caseView(row, nowMs),
          detail,
          timeline,
          account,
          me: u.viewer.actor,
          csrf: u.csrf,
          flash,
          report: canHandleReports(u.viewer) ? (report ?? null) : undefined,
          risk,
          people,
          panels: await casePanels(ctx, u, row, detail),
          sidePanels: await caseSidePanels(ctx, u, row),
        }),
      );
    });

    const back = (reply: FastifyReply, id: string, code: string) =>
      reply.redirect(`/console/cases/${encodeURIComponent(id)}?msg=${code}`, 303);
    const failed = (reply: FastifyReply, id: string, f: CaseFailure) => {
      if (f.kind === 'not_found') return reply.code(404).type('text/plain').send(failureToError(f).message);
      return back(reply, id, f.kind);
    };

    scope.post<{ Params: { id: string } }>('/console/cases/:id/claim', async (req, reply) => {
      const r = await ctx.services.cases.claim(req.params.id, req.consoleUser!.viewer);
      return r.ok ? back(reply, req.params.id, 'claimed') : failed(reply, req.params.id, r.error);
    });
    scope.post<{ Params: { id: string } }>('/console/cases/:id/release', async (req, reply) => {
      const r = await ctx.services.cases.release(req.params.id, req.consoleUser!.viewer);
      return r.ok ? reply.redirect('/console', 303) : failed(reply, req.params.id, r.error);
    });
    scope.post<{ Params: { id: string } }>('/console/cases/:id/decide', async (req, reply) => {
      const { _csrf, ...fields } = (req.body ?? {}) as Record<string, unknown>;
      if (fields.note === '') delete fields.note;
      const parsed = DecisionBodySchema.safeParse(fields);
      if (!parsed.success) return back(reply, req.params.id, 'invalid');
      const r = await ctx.services.cases.decide(req.params.id, req.consoleUser!.viewer, toDecision(parsed.data));
      return r.ok ? back(reply, req.params.id, 'decided') : failed(reply, req.params.id, r.error);
    });

    scope.get<{ Querystring: { status?: string } }>('/console/actions', async (req, reply) => {
      const u = req.consoleUser!;
      const status = req.query.status === 'pending' ? 'pending' : 'failed';
      const rows = await actionsWithStatus(ctx.store.db, status, canSeeRestricted(u.viewer), 200);
      const listed = listedEntries(
        u.viewer.actor,
        'actions.listed',
        rows.map((a) => ({ id: a.id, subjectAccountId: a.subject_account })),
        { via: 'console' },
      );
      if (listed.length > 0) await ctx.ledger.audit(listed);
      const isAdmin = u.reviewer.roles.includes('admin');
      return send(
        req,
        reply,
        'Actions',
        html`<h1>Actions ${status}</h1>
          <p class="muted">
            Actions Warden could not deliver to the platform's webhook${status === 'failed' ? ' after every retry' : ' yet'}.
          </p>
          <table>
            <thead>
              <tr>
                <th>Action</th>
                <th>Type</th>
                <th>Subject</th>
                <th>Attempts</th>
                <th>Last error</th>
                <th>Created</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              ${
                rows.length === 0
                  ? html`<tr>
                      <td colspan="7" class="muted">None.</td>
                    </tr>`
                  : ''
              }
              ${rows.map(
                (a) =>
                  html`<tr>
                    <td>${a.id}</td>
                    <td>${a.type}</td>
                    <td>${a.case_id ? html`<a href="/console/cases/${a.case_id}">${a.subject_account}</a>` : a.subject_account}</td>
                    <td>${a.attempts}</td>
                    <td>${a.last_error ?? ''}</td>
                    <td>${when(a.created_ms)}</td>
                    <td>
                      ${isAdmin && status === 'failed' ? html`<form class="inline" method="post" action="/console/actions/${a.id}/retry"><input type="hidden" name="_csrf" value="${u.csrf}" /><button>Retry</button></form>` : ''}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`,
      );
    });

    scope.post<{ Params: { id: string } }>('/console/actions/:id/retry', async (req, reply) => {
      const u = req.consoleUser!;
      if (!u.reviewer.roles.includes('admin')) return reply.code(403).type('text/plain').send('admins only');
      // Already retried or delivered: nothing to do; the page shows the current state.
      await retryAction(ctx, req.params.id, u.viewer.actor);
      return reply.redirect('/console/actions?status=failed', 303);
    });

    const canReport = (req: FastifyRequest) => canHandleReports(req.consoleUser!.viewer);

    scope.post<{ Params: { id: string } }>('/console/cases/:id/report', async (req, reply) => {
      if (!canReport(req) || !(await ctx.services.cases.get(req.params.id, req.consoleUser!.viewer))) return notFound(req, reply);
      const r = await ctx.services.reports.draftForCase(req.params.id, req.consoleUser!.viewer.actor);
      return reply.redirect(`/console/reports/${r.id}`, 303);
    });

    // The report page and its editor: report-console-routes.ts.
    mediaRevealRoutes(scope, ctx);
    reportConsoleRoutes(scope, ctx, { send, notFound });
    casePanelRoutes(scope, ctx, { send, notFound });
    workRoutes(scope, ctx, { send, notFound });
  });
}
