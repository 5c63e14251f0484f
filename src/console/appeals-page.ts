import type { FastifyInstance, FastifyReply } from 'fastify';
import { appealView, type AppealView } from '../appeals/appeal-service.js';
import { AppealDecisionSchema } from '../appeals/appeal-requests.js';
import { listAppeals } from '../appeals/appeal-store.js';
import { listedEntries } from '../audit/listed-entries.js';
import { canSeeRestricted } from '../cases/case-model.js';
import type { Role } from '../server/api-key-store.js';
import { ROLE_MATRIX, roleAllows } from '../server/role-matrix.js';
import type { RouteContext } from '../server/route-context.js';
import { html, type Html } from './html.js';
import type { ConsolePageSender } from './report-console-routes.js';
import { when } from './when.js';

const FLASH: Record<string, string> = {
  decided: 'Decision recorded; the platform is told through the webhook.',
  invalid: 'Choose uphold or reverse, and give a reason the platform can pass on.',
  decided_already: 'Someone has already decided this appeal.',
  own_decision: 'You decided the case: another reviewer answers its appeal.',
};

function queue(open: AppealView[], decided: AppealView[]): Html {
  const rows = (list: AppealView[], done: boolean) =>
    list.length === 0
      ? html`<p class="muted">None.</p>`
      : html`<div class="scroll">
          <table>
            <thead>
              <tr>
                <th>Appeal</th>
                <th>Account</th>
                <th>Contests</th>
                <th>${done ? 'Decided' : 'Received'}</th>
                ${done ? html`<th>Outcome</th>` : ''}
              </tr>
            </thead>
            <tbody>
              ${list.map(
                (a) =>
                  html`<tr>
                    <td><a href="/console/appeals/${encodeURIComponent(a.id)}">${a.appealId}</a></td>
                    <td>${a.accountId}</td>
                    <td>${a.actionId ? `action ${a.actionId}` : `case ${a.caseId ?? ''}`}</td>
                    <td>${when(done ? a.decidedAt : a.receivedAt)}</td>
                    ${done ? html`<td>${a.status}</td>` : ''}
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>`;
  return html`<h1>Appeals</h1>
    <p class="muted">
      Filed by the platform for its accounts; oldest first. Answered by a reviewer other than the one who decided the case.
    </p>
    <h2>Open (${open.length})</h2>
    ${rows(open, false)}
    <h2>Decided recently</h2>
    ${rows(decided, true)}`;
}

function detailPage(a: AppealView, csrf: string, flash: string | undefined): Html {
  return html`<h1>Appeal ${a.appealId}</h1>
    ${flash ? html`<div class="notice" role="status">${flash}</div>` : ''}
    <div class="card">
      <dl>
        <dt>Account</dt>
        <dd>${a.accountId}</dd>
        <dt>Contests</dt>
        <dd>
          ${a.actionId ? `action ${a.actionId}` : 'the case outcome'}${a.caseId ? html` on <a href="/console/cases/${encodeURIComponent(a.caseId)}">case ${a.caseId}</a>` : ''}
        </dd>
        <dt>Filed</dt>
        <dd>${when(a.filedAt)} (received ${when(a.receivedAt)})</dd>
        <dt>The account's statement</dt>
        <dd><blockquote class="text">${a.statement}</blockquote></dd>
        <dt>Status</dt>
        <dd>${a.status}${a.decidedBy ? html` by ${a.decidedBy}, ${when(a.decidedAt)}: <q>${a.reason ?? ''}</q>` : ''}</dd>
      </dl>
    </div>
    ${
      a.status === 'open'
        ? html`<form method="post" action="/console/appeals/${encodeURIComponent(a.id)}/decide" class="card">
            <input type="hidden" name="_csrf" value="${csrf}" />
            <fieldset>
              <legend>Decision</legend>
              <label><input type="radio" name="decision" value="uphold" required /> Uphold: the action stands</label>
              <label><input type="radio" name="decision" value="reverse" /> Reverse: undo the action and tell the platform</label>
            </fieldset>
            <label>Reason, passed on to the account <textarea name="reason" required maxlength="3000" rows="3"></textarea></label>
            <button>Record the decision</button>
          </form>`
        : ''
    }`;
}

/** SECURITY: the console's appeal pages for the roles the API's matrix lets read and answer appeals. */
const may = (roles: readonly string[], route: string) => roles.some((r) => roleAllows(r as Role, ROLE_MATRIX[route]!.roles));
export const readsAppeals = (roles: readonly string[]) => may(roles, 'GET /v1/appeals');

/** The appeal queue and each appeal's page (issue 17); reading is audited like the API's. */
export function appealConsoleRoutes(app: FastifyInstance, ctx: RouteContext, pages: ConsolePageSender): void {
  app.addHook('preHandler', async (req, reply) => {
    const u = req.consoleUser;
    if (!u || !req.url.startsWith('/console/appeals')) return;
    const route = req.method === 'POST' ? 'POST /v1/appeals/:id/decision' : 'GET /v1/appeals';
    if (!may(u.reviewer.roles, route)) return pages.notFound(req, reply);
  });
  app.get('/console/appeals', async (req, reply) => {
    const u = req.consoleUser!;
    const hideRestricted = !canSeeRestricted(u.viewer);
    const [open, decided] = await Promise.all([
      listAppeals(ctx.store.db, { status: 'open', limit: 200 }, { hideRestricted }),
      ctx.store.db
        .selectFrom('appeals')
        .select('id')
        .where('status', '!=', 'open')
        .orderBy('decided_ms', 'desc')
        .limit(50)
        .execute()
        .then(async (ids) => (await Promise.all(ids.map((r) => ctx.services.appeals.get(r.id, u.viewer)))).filter((x) => x !== undefined)),
    ]);
    const listed = listedEntries(
      u.viewer.actor,
      'appeals.listed',
      [...open, ...decided].map((a) => ({ id: a.id, subjectAccountId: a.subject_account })),
      { via: 'console' },
    );
    if (listed.length > 0) await ctx.ledger.audit(listed);
    return pages.send(req, reply, 'Appeals', queue(open.map(appealView), decided.map(appealView)));
  });

  app.get<{ Params: { id: string }; Querystring: { msg?: string } }>('/console/appeals/:id', async (req, reply) => {
    const u = req.consoleUser!;
    const a = await ctx.services.appeals.get(req.params.id, u.viewer);
    if (!a) return pages.notFound(req, reply);
    await ctx.ledger.audit([
      {
        actor: u.viewer.actor,
        action: 'appeal.viewed',
        subjectAccountId: a.subject_account,
        target: { type: 'appeal', id: a.id },
        detail: { via: 'console' },
      },
    ]);
    const flash = req.query.msg ? FLASH[req.query.msg] : undefined;
    return pages.send(req, reply, `Appeal ${a.platform_appeal_id}`, detailPage(appealView(a), u.csrf, flash));
  });

  const back = (reply: FastifyReply, id: string, code: string) =>
    reply.redirect(`/console/appeals/${encodeURIComponent(id)}?msg=${code}`, 303);
  app.post<{ Params: { id: string } }>('/console/appeals/:id/decide', async (req, reply) => {
    const { _csrf: _, ...fields } = (req.body ?? {}) as Record<string, unknown>;
    const d = AppealDecisionSchema.safeParse(fields);
    if (!d.success) return back(reply, req.params.id, 'invalid');
    const r = await ctx.services.appeals.decide(req.params.id, req.consoleUser!.viewer, d.data);
    if (r.ok) return back(reply, req.params.id, 'decided');
    if (r.error.kind === 'not_found') return pages.notFound(req, reply);
    return back(reply, req.params.id, r.error.kind === 'decided' ? 'decided_already' : 'own_decision');
  });
}
