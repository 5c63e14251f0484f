import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from '../cases/case-model.js';
import { isAppError } from '../core/app-error.js';
import { findPackage } from '../reporting/evidence/evidence-store.js';
import type { RouteContext } from '../server/route-context.js';
import { exportsEvidence, readsEvidence } from './case-evidence-panel.js';
import { html } from './html.js';
import type { ConsolePageSender } from './report-console-routes.js';
import { when } from './when.js';

/**
 * Evidence in the console (issue 17): a package's manifest for the evidence roles, its signed
 * export for legal. The evidence service audits every view and export; here, every refused
 * attempt (a reviewer opening a package by URL, a non-legal role asking for an export) is
 * audited too, before the refusal is sent.
 */
export function evidenceConsoleRoutes(app: FastifyInstance, ctx: RouteContext, pages: ConsolePageSender): void {
  const refused = async (viewer: Viewer, id: string, what: 'view' | 'export') => {
    const p = await findPackage(ctx.store.db, id);
    await ctx.ledger.audit([
      {
        actor: viewer.actor,
        action: 'evidence.access_refused',
        ...(p ? { subjectAccountId: p.subject_account } : {}),
        target: { type: 'evidence', id },
        detail: { why: 'role', what, via: 'console' },
      },
    ]);
  };
  const forbidden = (req: FastifyRequest, reply: FastifyReply, text: string) =>
    pages.send(
      req,
      reply,
      'Not allowed',
      html`<h1>Not allowed</h1>
        <p>${text}</p>`,
      403,
    );

  app.get<{ Params: { id: string } }>('/console/evidence/:id', async (req, reply) => {
    const u = req.consoleUser!;
    if (!readsEvidence(u.viewer)) {
      await refused(u.viewer, req.params.id, 'view');
      return forbidden(req, reply, 'Evidence is for the child safety and legal roles.');
    }
    let m;
    try {
      m = await ctx.services.evidence.manifest(req.params.id, u.viewer);
    } catch (e) {
      if (isAppError(e) && e.code === 'not_found') return pages.notFound(req, reply);
      throw e;
    }
    return pages.send(
      req,
      reply,
      `Evidence ${m.packageId}`,
      html`<h1>Evidence ${m.packageId}</h1>
        <p><a href="/console/cases/${encodeURIComponent(m.caseId)}">Case ${m.caseId}</a> · ${m.reason}</p>
        <dl>
          <dt>Preserved</dt>
          <dd>${when(m.createdAt)} by ${m.createdBy}</dd>
          <dt>Expires</dt>
          <dd>
            ${when(m.expiresAt)}${m.legalHold ? html` · <strong>legal hold</strong> (${m.holdReason ?? ''}): not deleted while held` : ''}
          </dd>
          <dt>Encryption key</dt>
          <dd>${m.keyId}</dd>
        </dl>
        <div class="scroll">
          <table>
            <caption>
              Files, as sealed (SHA-256 of the plaintext)
            </caption>
            <thead>
              <tr>
                <th>File</th>
                <th>Bytes</th>
                <th>SHA-256</th>
              </tr>
            </thead>
            <tbody>
              ${m.files.map(
                (f) =>
                  html`<tr>
                    <td>${f.name}</td>
                    <td>${f.bytes}</td>
                    <td><code>${f.sha256}</code></td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
        ${m.mediaNotHeld.length ? html`<p class="muted">${m.mediaNotHeld.length} media items not held: their hashes stand in.</p>` : ''}
        ${
          exportsEvidence(u.viewer)
            ? html`<form method="post" action="/console/evidence/${encodeURIComponent(m.packageId)}/export">
                <input type="hidden" name="_csrf" value="${u.csrf}" /><button>Export signed package</button>
              </form>`
            : ''
        }`,
    );
  });

  app.post<{ Params: { id: string } }>('/console/evidence/:id/export', async (req, reply) => {
    const u = req.consoleUser!;
    if (!readsEvidence(u.viewer) || !exportsEvidence(u.viewer)) {
      await refused(u.viewer, req.params.id, 'export');
      return forbidden(req, reply, 'Exports for law enforcement are for the legal role.');
    }
    let archive: Buffer;
    try {
      archive = await ctx.services.evidence.exportPackage(req.params.id, u.viewer);
    } catch (e) {
      if (isAppError(e) && e.code === 'not_found') return pages.notFound(req, reply);
      throw e;
    }
    return reply
      .type('application/x-tar')
      .header('content-disposition', `attachment; filename="${req.params.id.replace(/[^\w.-]/g, '_')}.tar"`)
      .send(archive);
  });
}
