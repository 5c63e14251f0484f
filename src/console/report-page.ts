import type { FieldIssue } from '../core/app-error.js';
import type { ReportView } from '../reporting/report-service.js';
import { html } from './html.js';
import { reportForm } from './report-form.js';
import { when } from './when.js';

export interface ReportPageOptions {
  csrf: string;
  errors?: readonly FieldIssue[];
  /** The JSON a reviewer sent under "Advanced", shown again when it was refused. */
  draftText?: string | undefined;
  /** The viewer's actor: the proposer of a resolution does not sign it off. */
  me?: string | undefined;
  /** The notes reviewers wrote with their decisions on the case, offered for the report. */
  notes?: readonly string[];
  /** The first and last message of the exchange around the cited messages. */
  exchange?: { from: string; to: string; messages: number } | undefined;
}

/** The CyberTipline report of a case: what Warden drafted, completed and approved by a reviewer. */
export function reportPage(r: ReportView, o: ReportPageOptions) {
  const { csrf } = o;
  const errors = o.errors ?? [];
  const d = r.draft as {
    incidentType?: string;
    personOrUserReported?: unknown[];
    victim?: unknown[];
    files?: { localId?: string }[];
    incidentDateTime?: string;
  };
  const editable = r.status === 'draft';
  return html`<h1>CyberTipline report ${r.id} · ${r.status.replace('_', ' ')}</h1>
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
        <dd>${when(d.incidentDateTime)}</dd>
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
                <dd>${r.approvedBy} · ${when(r.approvedAt)}</dd>
                <dt>Deadline</dt>
                <dd>${when(r.deadlineAt)}</dd>
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
    ${r.status === 'needs_attention' ? resolutionPanel(r, csrf, o.me) : ''}
    ${
      editable
        ? html`${reportForm({ id: r.id, csrf, draft: r.draft as Record<string, unknown>, errors: o.draftText === undefined ? errors : [] })}
            ${chatWindowForm(r.id, csrf, o.exchange)} ${notesPanel(r.id, csrf, o.notes ?? [])}
            <form method="post" action="/console/reports/${r.id}" class="card">
              <input type="hidden" name="_csrf" value="${csrf}" />
              <h2>Approve</h2>
              <p class="muted">Approves the report as saved and queues it for NCMEC. Four eyes: someone who did not edit it approves it.</p>
              <button name="op" value="approve">Approve the saved report for submission</button>
            </form>
            <details class="card" ${o.draftText !== undefined ? html`open` : ''}>
              <summary>Advanced: the whole report as JSON</summary>
              <form method="post" action="/console/reports/${r.id}">
                <input type="hidden" name="_csrf" value="${csrf}" />
                <p class="muted">
                  For what the form does not show (IP capture events, victims, contact person). Named as NCMEC's schema names them.
                </p>
                <label for="draft-json">Report JSON</label>
                <textarea id="draft-json" name="draft" rows="24" class="json" spellcheck="false">
${o.draftText ?? JSON.stringify(r.draft, null, 2)}</textarea>
                <p><button name="op" value="json">Save JSON</button></p>
              </form>
            </details>`
        : html`<details class="card">
            <summary>The ${r.status === 'draft' ? 'draft' : 'approved'} report</summary>
            <pre class="wrap">${JSON.stringify(r.draft, null, 2)}</pre>
          </details>`
    }`;
}

/** The reviewer chooses how much of the conversation goes in (default: the whole exchange, both sides). */
function chatWindowForm(id: string, csrf: string, ex: ReportPageOptions['exchange']) {
  return html`<form method="post" action="/console/reports/${id}" class="card stack">
    <input type="hidden" name="_csrf" value="${csrf}" />
    <h2>Conversation to include</h2>
    <p class="muted">
      ${
        ex
          ? html`The exchange around the cited messages runs from ${when(ex.from)} to ${when(ex.to)} (${ex.messages} messages, both sides).`
          : 'No messages around the cited events.'
      }
      Leave a bound empty for the start or end of the exchange.
    </p>
    <label for="chat-from">From</label>
    <input id="chat-from" name="chatFrom" placeholder="${ex?.from ?? ''}" />
    <label for="chat-to">To</label>
    <input id="chat-to" name="chatTo" placeholder="${ex?.to ?? ''}" />
    <button name="op" value="chat">Rebuild the chat content</button>
  </form>`;
}

/** The case's reviewer notes, shown and offered for the report: internal until a reviewer adds one. */
function notesPanel(id: string, csrf: string, notes: readonly string[]) {
  if (notes.length === 0) return '';
  return html`<section class="card" aria-labelledby="notes-h">
    <h2 id="notes-h">Reviewer notes on the case</h2>
    <ul>
      ${notes.map(
        (n, i) =>
          html`<li>
            <q>${n}</q>
            <form class="inline" method="post" action="/console/reports/${id}">
              <input type="hidden" name="_csrf" value="${csrf}" /><input type="hidden" name="note" value="${i}" />
              <button name="op" value="add_note">Add to the report's additional information</button>
            </form>
          </li>`,
      )}
    </ul>
  </section>`;
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
