import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { listedEntries } from '../audit/listed-entries.js';
import { AppError, isAppError, type FieldIssue } from '../core/app-error.js';
import { REPORT_STATUSES } from '../reporting/report-requests.js';
import { canHandleReports, type ReportView } from '../reporting/report-service.js';
import { chatForCase } from '../reporting/draft-from-case.js';
import { listReports, reportCounts } from '../reporting/report-store.js';
import type { RouteContext } from '../server/route-context.js';
import type { Database } from '../store/tables.js';
import { statement } from '../store/write-set.js';
import type { Html } from './html.js';
import { noticesPage } from './notices-page.js';
import { reportListPage } from './report-list-page.js';
import { reportPage } from './report-page.js';
import { applyReportForm } from './report-form.js';

export interface ConsolePageSender {
  send(req: FastifyRequest, reply: FastifyReply, title: string, body: Html, status?: number): Promise<FastifyReply>;
  notFound(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply>;
}

/** SECURITY: admins see every notice; report roles see the notices about reports, which they act on. */
const noticeScope = (roles: readonly string[]): 'all' | 'reports' | undefined =>
  roles.includes('admin') ? 'all' : canHandleReports({ actor: '', roles }) ? 'reports' : undefined;

export async function openNoticeCount(db: Kysely<Database>, roles: readonly string[]): Promise<number | undefined> {
  const scope = noticeScope(roles);
  if (!scope) return undefined;
  let q = db
    .selectFrom('admin_notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('acknowledged_ms', 'is', null);
  if (scope === 'reports') q = q.where('kind', 'like', 'report%');
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/**
 * The console's reports by state, the way out of needs_attention (a proposal and a second
 * person's sign-off), and operator notices (issue 17, defect 2).
 */
export function reportConsoleRoutes(scope: FastifyInstance, ctx: RouteContext, pages: ConsolePageSender): void {
  const { db } = ctx.store;
  const canReport = (req: FastifyRequest) => canHandleReports(req.consoleUser!.viewer);

  scope.get<{ Querystring: { status?: string } }>('/console/reports', async (req, reply) => {
    if (!canReport(req)) return pages.notFound(req, reply);
    const status = (REPORT_STATUSES as readonly string[]).includes(req.query.status ?? '') ? req.query.status! : 'needs_attention';
    const [counts, rows] = await Promise.all([reportCounts(db), listReports(db, { status, limit: 200 })]);
    const listed = listedEntries(
      req.consoleUser!.viewer.actor,
      'reports.listed',
      rows.map((r) => ({ id: r.id, subjectAccountId: r.subject_account })),
      { via: 'console', status },
    );
    if (listed.length > 0) await ctx.ledger.audit(listed);
    return pages.send(req, reply, 'CyberTipline reports', reportListPage({ status, counts, rows }));
  });

  /** The report page again with what went wrong, named by field; anything unexpected is thrown. */
  const refused = async (req: FastifyRequest, reply: FastifyReply, id: string, e: unknown) => {
    if (!isAppError(e) || !['invalid_input', 'conflict', 'forbidden'].includes(e.code)) throw e;
    const fresh = await ctx.services.reports.get(id);
    if (!fresh) return pages.notFound(req, reply);
    const err = e;
    const issues = err.issues.length ? [...err.issues] : [{ field: '(report)', reason: err.message }];
    const u = req.consoleUser!;
    return pages.send(req, reply, 'CyberTipline report', await page(fresh, u.csrf, u.viewer.actor, issues), err.status);
  };

  /** The page with what the editor needs: the case's notes and the exchange's bounds (drafts only). */
  const page = async (r: ReportView, csrf: string, me: string, errors: readonly FieldIssue[] = [], draftText?: string) => {
    const extra = r.status === 'draft' ? await chatForCase(db, r.caseId, {}) : undefined;
    return reportPage(r, { csrf, me, errors, draftText, notes: extra?.notes ?? [], exchange: extra?.exchange });
  };

  scope.get<{ Params: { id: string } }>('/console/reports/:id', async (req, reply) => {
    const r = canReport(req) ? await ctx.services.reports.get(req.params.id) : undefined;
    if (!r) return pages.notFound(req, reply);
    const u = req.consoleUser!;
    await ctx.ledger.audit([
      {
        actor: u.viewer.actor,
        action: 'report.viewed',
        subjectAccountId: r.subjectAccountId,
        target: { type: 'cybertip_report', id: r.id },
        detail: { via: 'console' },
      },
    ]);
    return pages.send(req, reply, 'CyberTipline report', await page(r, u.csrf, u.viewer.actor));
  });

  /**
   * The editor's operations: `save` (the form's fields over the stored draft), `approve` (the saved report, as it is),
   * `json` (the whole report under Advanced), `chat` (the chat content rebuilt from a window
   * of the exchange), `add_note` (a reviewer note appended to the additional information).
   */
  scope.post<{ Params: { id: string } }>('/console/reports/:id', async (req, reply) => {
    const r = canReport(req) ? await ctx.services.reports.get(req.params.id) : undefined;
    if (!r) return pages.notFound(req, reply);
    const u = req.consoleUser!;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const op = String(body.op ?? 'save');
    const current = r.draft as Record<string, unknown>;
    let draft: Record<string, unknown>;
    if (op === 'json') {
      try {
        draft = JSON.parse(String(body.draft ?? '')) as Record<string, unknown>;
      } catch (e) {
        const issues = [{ field: '(draft)', reason: `is not valid JSON: ${(e as Error).message.slice(0, 200)}` }];
        return pages.send(req, reply, 'CyberTipline report', await page(r, u.csrf, u.viewer.actor, issues, String(body.draft ?? '')), 400);
      }
    } else if (op === 'chat') {
      const w = { from: String(body.chatFrom ?? '').trim(), to: String(body.chatTo ?? '').trim() };
      const bad = (['from', 'to'] as const).filter((k) => w[k] !== '' && Number.isNaN(Date.parse(w[k])));
      if (bad.length)
        return refused(
          req,
          reply,
          r.id,
          new AppError('invalid_input', 'invalid window', {
            issues: bad.map((k) => ({
              field: k === 'from' ? 'chatFrom' : 'chatTo',
              reason: 'must be a date-time such as 2026-03-04T09:15:00Z',
            })),
          }),
        );
      const { content } = await chatForCase(db, r.caseId, { from: w.from || undefined, to: w.to || undefined });
      draft = structuredClone(current);
      const chat = { ...((draft.chat as Record<string, unknown> | undefined) ?? {}) };
      if (content) chat.content = content;
      else delete chat.content;
      draft.chat = chat;
    } else if (op === 'add_note') {
      const { notes } = await chatForCase(db, r.caseId, {});
      const note = notes[Number(body.note)];
      if (note === undefined)
        return refused(
          req,
          reply,
          r.id,
          new AppError('invalid_input', 'no such note', { issues: [{ field: 'note', reason: 'is not a note of this case' }] }),
        );
      draft = structuredClone(current);
      const prior = typeof draft.additionalInfo === 'string' ? `${draft.additionalInfo}\n` : '';
      draft.additionalInfo = `${prior}Reviewer's note: ${note}`;
    } else if (op === 'save') draft = applyReportForm(current, body);
    else if (op === 'approve') draft = current;
    else
      return refused(
        req,
        reply,
        r.id,
        new AppError('invalid_input', 'unknown operation', { issues: [{ field: 'op', reason: 'is not an operation of the editor' }] }),
      );
    try {
      // Approval takes the report as saved, never the form: under four eyes the approver must not become an editor.
      if (op === 'approve') await ctx.services.reports.approve(r.id, u.viewer);
      else await ctx.services.reports.update(r.id, draft, u.viewer);
    } catch (e) {
      if (!isAppError(e) || !['invalid_input', 'conflict', 'forbidden'].includes(e.code)) throw e;
      // Shown on what the reviewer sent, so that nothing they typed is lost.
      const fresh = (await ctx.services.reports.get(r.id))!;
      const issues = e.issues.length ? [...e.issues] : [{ field: '(report)', reason: e.message }];
      const view = fresh.status === 'draft' && op !== 'json' ? { ...fresh, draft } : fresh;
      return pages.send(
        req,
        reply,
        'CyberTipline report',
        await page(view, u.csrf, u.viewer.actor, issues, op === 'json' ? String(body.draft) : undefined),
        e.status,
      );
    }
    return reply.redirect(`/console/reports/${r.id}`, 303);
  });

  scope.post<{ Params: { id: string } }>('/console/reports/:id/resolution', async (req, reply) => {
    const r = canReport(req) ? await ctx.services.reports.get(req.params.id) : undefined;
    if (!r) return pages.notFound(req, reply);
    const { _csrf, ...fields } = (req.body ?? {}) as Record<string, unknown>;
    if (fields.outcome !== 'filed') delete fields.ncmecReportId;
    try {
      await ctx.services.reports.propose(r.id, fields, req.consoleUser!.viewer);
    } catch (e) {
      return refused(req, reply, r.id, e);
    }
    return reply.redirect(`/console/reports/${r.id}`, 303);
  });

  scope.post<{ Params: { id: string } }>('/console/reports/:id/resolution/decide', async (req, reply) => {
    const r = canReport(req) ? await ctx.services.reports.get(req.params.id) : undefined;
    if (!r) return pages.notFound(req, reply);
    const op = (req.body as { op?: unknown } | undefined)?.op;
    if (op !== 'confirm' && op !== 'decline')
      return refused(
        req,
        reply,
        r.id,
        new AppError('invalid_input', 'choose sign off or send back', { issues: [{ field: 'op', reason: 'must be confirm or decline' }] }),
      );
    try {
      await ctx.services.reports.signOff(r.id, req.consoleUser!.viewer, op === 'confirm');
    } catch (e) {
      return refused(req, reply, r.id, e);
    }
    return reply.redirect(`/console/reports/${r.id}`, 303);
  });

  scope.get<{ Querystring: { all?: string } }>('/console/notices', async (req, reply) => {
    const u = req.consoleUser!;
    const scopeOf = noticeScope(u.reviewer.roles);
    if (!scopeOf) return pages.notFound(req, reply);
    const all = req.query.all === 'true';
    let q = db.selectFrom('admin_notices').selectAll();
    if (!all) q = q.where('acknowledged_ms', 'is', null);
    if (scopeOf === 'reports') q = q.where('kind', 'like', 'report%');
    const rows = await q.orderBy('ts_ms', 'desc').limit(300).execute();
    return pages.send(req, reply, 'Notices', noticesPage({ rows, all, csrf: u.csrf, canAcknowledge: true }));
  });

  scope.post<{ Params: { id: string } }>('/console/notices/:id/acknowledge', async (req, reply) => {
    const u = req.consoleUser!;
    const scopeOf = noticeScope(u.reviewer.roles);
    if (!scopeOf) return pages.notFound(req, reply);
    const n = await db.selectFrom('admin_notices').selectAll().where('id', '=', req.params.id).executeTakeFirst();
    if (!n || (scopeOf === 'reports' && !n.kind.startsWith('report'))) return pages.notFound(req, reply);
    if (n.acknowledged_ms === null) {
      await ctx.ledger.apply({
        statements: [
          statement(
            db
              .updateTable('admin_notices')
              .set({ acknowledged_ms: ctx.clock.now() })
              .where('id', '=', n.id)
              .where('acknowledged_ms', 'is', null),
          ),
        ],
        audit: [
          { actor: u.viewer.actor, action: 'notice.acknowledged', target: { type: 'admin_notice', id: n.id }, detail: { kind: n.kind } },
        ],
      });
    }
    return reply.redirect('/console/notices', 303);
  });
}
