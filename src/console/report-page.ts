import type { FieldIssue } from '../core/app-error.js';
import type { ReportView } from '../reporting/report-service.js';
import { html } from './html.js';

/** The CyberTipline report of a case: what Warden drafted, completed and approved by a reviewer. */
export function reportPage(r: ReportView, csrf: string, errors: readonly FieldIssue[] = [], draftText?: string) {
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
                  r.lastError
                    ? html`<dt>Last error</dt>
                        <dd class="overdue">${r.lastError}</dd>`
                    : ''
                }`
            : ''
        }
      </dl>
    </div>
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
