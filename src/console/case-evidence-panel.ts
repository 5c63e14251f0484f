import { listedEntries } from '../audit/listed-entries.js';
import type { Viewer } from '../cases/case-model.js';
import { seesDecoyEvidence } from '../reporting/evidence/evidence-access.js';
import { EVIDENCE_READERS } from '../reporting/evidence/evidence-service.js';
import { listPackages } from '../reporting/evidence/evidence-store.js';
import type { RouteContext } from '../server/route-context.js';
import { html, type Html } from './html.js';
import { when } from './when.js';

/** SECURITY: evidence is read by child_safety, legal and admins (evidence-service.ts); exports by legal and admins. */
export const readsEvidence = (v: Viewer) => v.roles.some((r) => (EVIDENCE_READERS as readonly string[]).includes(r));
export const exportsEvidence = (v: Viewer) => v.roles.includes('legal') || v.roles.includes('admin');

/**
 * A case's evidence packages on its page (issue 17): reason, expiry, legal hold, a link to
 * the manifest and, for legal, the signed export. Nothing for a role that may not read
 * evidence; the list is audited as a read, like the API's.
 */
export async function caseEvidencePanel(ctx: RouteContext, viewer: Viewer, caseId: string, csrf: string): Promise<Html> {
  if (!readsEvidence(viewer)) return html``;
  const rows = await listPackages(ctx.store.db, caseId, { hideDecoyCases: !seesDecoyEvidence(viewer) });
  const listed = listedEntries(
    viewer.actor,
    'evidence.listed',
    rows.map((p) => ({ id: p.id, subjectAccountId: p.subject_account })),
    { via: 'console', caseId },
  );
  if (listed.length > 0) await ctx.ledger.audit(listed);
  const canExport = exportsEvidence(viewer);
  return html`<div class="card" id="evidence">
    <h2>Evidence</h2>
    ${rows.length === 0 ? html`<p class="muted">No evidence preserved for this case.</p>` : ''}
    <ul>
      ${rows.map(
        (p) =>
          html`<li>
            <a href="/console/evidence/${encodeURIComponent(p.id)}">${p.id}</a> · ${p.reason}<br />
            <span class="muted">preserved ${when(p.created_ms)} by ${p.created_by}</span><br />
            ${
              p.legal_hold === 1
                ? html`<strong>Legal hold</strong>${p.hold_reason ? html` <span class="muted">(${p.hold_reason})</span>` : ''}: kept past
                    ${when(p.expires_ms)}`
                : html`Deleted after ${when(p.expires_ms)} unless held`
            }
            ${
              canExport
                ? html`<form class="inline" method="post" action="/console/evidence/${encodeURIComponent(p.id)}/export">
                    <input type="hidden" name="_csrf" value="${csrf}" /><button>Export signed package</button>
                  </form>`
                : ''
            }
          </li>`,
      )}
    </ul>
  </div>`;
}
