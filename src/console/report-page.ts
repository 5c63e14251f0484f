import type { FieldIssue } from '../core/app-error.js';
import type { ReportView } from '../reporting/report-service.js';
import { html } from './html.js';
import { when } from './when.js';

/** The CyberTipline report of a case: what Warden drafted, completed and approved by a reviewer. */
export function reportPage(r: ReportView, csrf: string, errors: readonly FieldIssue[] = [], draftText?: string, me?: string) {
  const d = r.draft as {
    incidentType?: string;
    personOrUserReported?: unknown[];
    victim?: unknown[];
    files?: unknown[];
    incidentDateTime?: string;
  };
  const editable = r.status === 'draft';
  return html`<h1>CyberTipline report ${r.id} · ${r.status}</h1>
    <p><a href="/console/cases/${r.caseId}">Case ${r.caseId}</a> · subject ${r.subjectAccountId}</p>
    ${
      errors.length
        ? html`<div class="banner" role="alert">
            <strong>The report cannot be ${editable ? 'saved or approved' : 'changed'} yet:</strong>
            <ul>
              ${errors.map((e) => html`<li><code>${e.field}</code>: ${e.reason}</li>`)}
            </ul>
          </div>`
        : ''
    }
    <div class="card">
      <dl>
        <dt>Incident type</dt>
        <dd>${d.incidentType ?? '—'}</dd>
        <dt>Incident time</dt>
        <dd>${d.incidentDateTime ?? '—'}</dd>
        <dt>Reported users / victims / files</dt>
        <dd>${d.personOrUserReported?.length ?? 0} / ${d.victim?.length ?? 0} / ${d.files?.length ?? 0}</dd>
        ${
          r.status !== 'draft'
            ? html`<dt>Environment</dt>
                <dd>${r.environment}</dd>
                <dt>Step</dt>
                <dd>${r.step ?? 'done'} (attempts ${r.attempts})</dd>
                <dt>NCMEC report id</dt>
                <dd>${r.ncmecReportId ?? '—'}</dd>
                <dt>Approved</dt>
                <dd>${r.approvedBy} ${r.approvedAt}</dd>
                <dt>Deadline</dt>
                <dd>${r.deadlineAt}</dd>
                ${
                  // A filed report's last retry error is history, not a problem (issue 17, item 6).
                  r.lastError && r.status !== 'submitted'
                    ? html`<dt>Last error</dt>
                        <dd class="overdue">${r.lastError}</dd>`
                    : ''
                }`
            : ''
        }
      </dl>
    </div>
    ${r.status === 'needs_attention' ? resolutionPanel(r, csrf, me) : ''}
    ${
      editable
        ? html`<form method="post" action="/console/reports/${r.id}" class="card">
            <input type="hidden" name="_csrf" value="${csrf}" />
            <h2>Complete the draft</h2>
            <p class="muted">
              The report as NCMEC's schema names its parts. Add what Warden cannot know (industry classification A1–B2 per file, IP capture
              events, the reporting person's email) and check every field. Free text is at most 3,000 characters.
            </p>
            <textarea name="draft" rows="28" style="width:100%;font-family:monospace" spellcheck="false">
${draftText ?? JSON.stringify(r.draft, null, 2)}</textarea>
            <p><button name="op" value="save">Save draft</button> <button name="op" value="approve">Approve for submission</button></p>
          </form>`
        : html`<details class="card">
            <summary>The approved report</summary>
            <pre style="white-space:pre-wrap">${JSON.stringify(r.draft, null, 2)}</pre>
          </details>`
    }`;
}

/**
 * A report stopped at needs_attention: its /submit may have reached NCMEC. Someone asks NCMEC
 * and records the answer; a second person signs it off before the report moves on.
 */
function resolutionPanel(r: ReportView, csrf: string, me: string | undefined) {
  const p = r.resolution;
  if (p) {
    const mine = p.proposedBy === me;
    return html`<section class="card attention" aria-labelledby="resolution-h">
      <h2 id="resolution-h">Resolution waiting for sign-off</h2>
      <p>
        ${
          p.outcome === 'filed'
            ? html`NCMEC has this report, as report <strong>${p.ncmecReportId}</strong>: Warden will send its files and finish it under that
                id.`
            : html`NCMEC does not have this report: Warden will submit it again.`
        }
        Proposed by ${p.proposedBy} at ${when(p.proposedAt)}.
      </p>
      <form method="post" action="/console/reports/${r.id}/resolution/decide">
        <input type="hidden" name="_csrf" value="${csrf}" />
        ${
          mine
            ? html`<p class="muted">You proposed this; a second person signs it off.</p>`
            : html`<button name="op" value="confirm">Sign off and continue</button> `
        }
        <button name="op" value="decline">Send back</button>
      </form>
    </section>`;
  }
  return html`<section class="card attention" aria-labelledby="resolution-h">
    <h2 id="resolution-h">This report needs attention</h2>
    <p>
      Its submission may have reached NCMEC without an answer, so Warden will not send it again by itself. Ask NCMEC whether they have it,
      then record what they said. A second person signs it off.
    </p>
    <form method="post" action="/console/reports/${r.id}/resolution" class="stack">
      <input type="hidden" name="_csrf" value="${csrf}" />
      <input type="hidden" name="outcome" value="filed" />
      <label for="ncmec-id">NCMEC has it: its report id</label>
      <input id="ncmec-id" name="ncmecReportId" inputmode="numeric" autocomplete="off" required />
      <button>Record NCMEC's report id</button>
    </form>
    <form method="post" action="/console/reports/${r.id}/resolution" class="stack">
      <input type="hidden" name="_csrf" value="${csrf}" />
      <input type="hidden" name="outcome" value="resubmit" />
      <button>NCMEC does not have it: submit again</button>
    </form>
  </section>`;
}
