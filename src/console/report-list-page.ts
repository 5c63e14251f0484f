import type { CybertipReportsTable } from '../reporting/report-store.js';
import { REPORT_STATUSES } from '../reporting/report-requests.js';
import { html } from './html.js';
import { when } from './when.js';

/** What each status means to the person reading the list. */
const MEANING: Record<string, string> = {
  draft: 'being completed by a reviewer',
  approved: 'approved, waiting to be sent',
  submitting: 'being sent to NCMEC',
  needs_attention: 'stopped: check with NCMEC whether it arrived, then record the answer',
  submitted: 'filed with NCMEC',
  failed: 'NCMEC refused it or it could not be sent; draft again from the case',
  retracted: 'withdrawn from NCMEC after a later step failed',
};

/** CyberTipline reports by status, the one needing attention first in the tabs. */
export function reportListPage(p: { status: string; counts: Record<string, number>; rows: CybertipReportsTable[] }) {
  return html`<h1>CyberTipline reports</h1>
    <nav class="tabs" aria-label="Reports by status">
      ${REPORT_STATUSES.map(
        (s) =>
          html`<a
            href="/console/reports?status=${s}"
            ${s === p.status ? html`aria-current="page"` : ''}
            class="${s === 'needs_attention' && (p.counts[s] ?? 0) > 0 ? 'attention' : ''}"
            >${s.replace('_', ' ')} (${p.counts[s] ?? 0})</a
          >`,
      )}
    </nav>
    <p class="muted">${MEANING[p.status] ?? ''}</p>
    <div class="scroll" tabindex="0" role="region" aria-label="Reports">
      <table>
        <thead>
          <tr>
            <th>Report</th>
            <th>Case</th>
            <th>Subject</th>
            <th>Step</th>
            <th>Updated</th>
            <th>Deadline</th>
            <th>${p.status === 'submitted' ? 'NCMEC report id' : 'Last error'}</th>
          </tr>
        </thead>
        <tbody>
          ${
            p.rows.length === 0
              ? html`<tr>
                  <td colspan="7" class="muted">None.</td>
                </tr>`
              : ''
          }
          ${p.rows.map(
            (r) =>
              html`<tr>
                <td>
                  <a href="/console/reports/${r.id}">${r.id}</a>${r.resolution ? html` <span class="tag">sign-off waiting</span>` : ''}
                </td>
                <td><a href="/console/cases/${r.case_id}">${r.case_id}</a></td>
                <td>${r.subject_account}</td>
                <td>${r.step ?? '—'}</td>
                <td>${when(r.updated_ms)}</td>
                <td>${when(r.deadline_ms)}</td>
                <td>${p.status === 'submitted' ? (r.ncmec_report_id ?? '—') : (r.last_error ?? '')}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}
