import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { canSeeRestricted, caseView } from '../cases/case-model.js';
import { DecisionBodySchema, toDecision } from '../cases/case-requests.js';
import { createCaseWork, myCases } from '../cases/case-work.js';
import { mayViewRestricted } from '../core/restricted.js';
import type { RouteContext } from '../server/route-context.js';
import { bulkConfirmPage, bulkResultPage, type BulkChoice } from './bulk-pages.js';
import { html } from './html.js';
import { myCasesPage } from './my-cases-page.js';
import { searchPage } from './search-page.js';
import { searchCases } from '../cases/case-search.js';
import { listedEntries } from '../audit/listed-entries.js';
import type { ConsolePageSender } from './report-console-routes.js';
import { listReviewers } from './reviewer-store.js';

/** At most this many cases in one bulk decision: one page of the queue. */
const MAX_BULK = 100;

const REASSIGN_FLASH = new Set(['not_found', 'closed', 'not_yours', 'no_such_reviewer', 'assignee_may_not_see']);

/** Form fields of a bulk decision: the selected cases and one decision (the decide form's rules). */
function parseBulk(body: unknown): { ids: string[]; choice: BulkChoice; decision: ReturnType<typeof toDecision> } | undefined {
  const { _csrf, case: raw, ...fields } = (body ?? {}) as Record<string, unknown>;
  const ids = z
    .array(z.string().min(1).max(128))
    .min(1)
    .max(MAX_BULK)
    .safeParse(Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]);
  if (!ids.success) return undefined;
  for (const k of Object.keys(fields)) if (fields[k] === '') delete fields[k];
  if (fields.decision !== 'dismiss') delete fields.reason;
  if (fields.decision !== 'confirm') delete fields.category;
  const parsed = DecisionBodySchema.safeParse(fields);
  if (!parsed.success || parsed.data.decision === 'request_context') return undefined;
  const d = parsed.data;
  const choice: BulkChoice = {
    decision: d.decision,
    reason: d.decision === 'dismiss' ? d.reason : undefined,
    category: d.decision === 'confirm' ? d.category : undefined,
    note: d.note,
  };
  return { ids: [...new Set(ids.data)], choice, decision: toDecision(d) };
}

/**
 * Work management in the console (issue 17): my cases, reassignment and bulk decisions.
 * Every change goes through the case service, so each case keeps its own history row and
 * audit entry, and the role rules that hide known-image and decoy cases apply throughout.
 */
export function workRoutes(app: FastifyInstance, ctx: RouteContext, pages: ConsolePageSender): void {
  const work = createCaseWork({
    db: ctx.store.db,
    ledger: ctx.ledger,
    clock: ctx.clock,
    cases: ctx.services.cases,
    claimMinutes: ctx.config.cases.claimMinutes,
    log: (caseId, e) => ctx.logger.error({ err: e, caseId }, 'bulk decision failed for one case'),
  });

  app.get<{ Querystring: { q?: string } }>('/console/search', async (req, reply) => {
    const u = req.consoleUser!;
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : '';
    const result = q.trim() ? await searchCases(ctx.store.db, u.viewer, q, ctx.clock.now()) : undefined;
    if (result) {
      // Who searched for what, and which cases they were shown: an investigation leaves a trail.
      const shown = [...result.cases, ...result.accounts.flatMap((a) => a.cases)];
      await ctx.ledger.audit([
        { actor: u.viewer.actor, action: 'console.searched', detail: { query: q, accounts: result.accounts.length, cases: shown.length } },
        ...listedEntries(u.viewer.actor, 'cases.listed', shown, { via: 'search' }),
      ]);
    }
    return pages.send(req, reply, 'Search', searchPage({ q, result }));
  });

  app.get('/console/mine', async (req, reply) => {
    const u = req.consoleUser!;
    const cases = await myCases(ctx.store.db, u.viewer, ctx.clock.now());
    return pages.send(req, reply, 'My cases', myCasesPage({ cases }));
  });

  app.post<{ Params: { id: string } }>('/console/cases/:id/reassign', async (req, reply) => {
    const to = (req.body as Record<string, unknown> | undefined)?.to;
    const back = (code: string) => reply.redirect(`/console/cases/${encodeURIComponent(req.params.id)}?msg=${code}`, 303);
    if (typeof to !== 'string' || to === '') return back('no_such_reviewer');
    const r = await work.reassign(req.params.id, req.consoleUser!.viewer, to);
    if (r.ok) return back('reassigned');
    if (r.error.kind === 'not_found') return pages.notFound(req, reply);
    return back(REASSIGN_FLASH.has(r.error.kind) ? r.error.kind : 'invalid');
  });

  const invalid = (req: Parameters<typeof pages.send>[0], reply: FastifyReply) =>
    pages.send(
      req,
      reply,
      'Bulk decision',
      html`<h1>Nothing decided</h1>
        <p class="error">Select at least one case (at most ${MAX_BULK}) and a decision with its reason or category.</p>
        <p><a href="/console">Back to the queue</a></p>`,
      400,
    );

  app.post('/console/bulk', async (req, reply) => {
    const u = req.consoleUser!;
    const b = parseBulk(req.body);
    if (!b) return invalid(req, reply);
    const nowMs = ctx.clock.now();
    const rows = await ctx.store.db.selectFrom('cases').selectAll().where('id', 'in', b.ids).where('status', '!=', 'closed').execute();
    // SECURITY: a case the role may not open is left out without naming it.
    const open = rows.filter((r) => r.restricted === 0 || canSeeRestricted(u.viewer)).map((r) => caseView(r, nowMs));
    return pages.send(
      req,
      reply,
      'Confirm the bulk decision',
      bulkConfirmPage({ cases: open, missing: b.ids.length - open.length, choice: b.choice, csrf: u.csrf }),
    );
  });

  app.post('/console/bulk/confirm', async (req, reply) => {
    const b = parseBulk(req.body);
    if (!b) return invalid(req, reply);
    const r = await work.bulkDecide(b.ids, req.consoleUser!.viewer, b.decision);
    return pages.send(req, reply, 'Bulk decision', bulkResultPage(r));
  });
}

/** Reviewers a case may be handed to: enabled, and with roles that may open it. */
export async function assigneesFor(ctx: RouteContext, restricted: boolean) {
  const all = await listReviewers(ctx.store.db);
  return all.filter((r) => !r.disabled && (!restricted || mayViewRestricted(r.roles)));
}
