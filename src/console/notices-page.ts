import { html } from './html.js';
import { when } from './when.js';

export interface NoticeRow {
  id: string;
  ts_ms: number;
  kind: string;
  detail: string;
  acknowledged_ms: number | null;
}

/** What a notice asks of its reader, by kind; an unknown kind shows its own name. */
const WHAT: Record<string, string> = {
  report_needs_attention: 'A CyberTipline report stopped: its /submit may have reached NCMEC. Check with NCMEC, then record the answer.',
  report_failed: 'A CyberTipline report failed for good. Draft it again from the case.',
  report_retracted: 'A CyberTipline report was retracted after a later step failed. Draft it again from the case.',
  report_overdue: 'A CyberTipline report is past its deadline.',
};

const parse = (s: string): Record<string, unknown> => {
  try {
    const v = JSON.parse(s) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/** Operator notices in the console, not only at GET /v1/admin/notices (issue 17, defect 2). */
export function noticesPage(p: { rows: NoticeRow[]; all: boolean; csrf: string; canAcknowledge: boolean }) {
  return html`<h1>Notices</h1>
    <p>
      ${
        p.all
          ? html`All notices, newest first. <a href="/console/notices">Only open ones</a>`
          : html`Open notices, newest first. <a href="/console/notices?all=true">Include acknowledged</a>`
      }
    </p>
    ${p.rows.length === 0 ? html`<p class="muted">None.</p>` : ''}
    <ul class="notices">
      ${p.rows.map((n) => {
        const d = parse(n.detail);
        const reportId = typeof d.reportId === 'string' ? d.reportId : undefined;
        const caseId = typeof d.caseId === 'string' ? d.caseId : undefined;
        const rest = Object.entries(d).filter(([k]) => k !== 'reportId' && k !== 'caseId');
        return html`<li class="card">
          <strong>${n.kind.replace(/_/g, ' ')}</strong> <span class="muted">${when(n.ts_ms)}</span>
          ${n.acknowledged_ms !== null ? html`<span class="muted">· acknowledged ${when(n.acknowledged_ms)}</span>` : ''}
          <p>${WHAT[n.kind] ?? ''}</p>
          <p>
            ${reportId ? html`<a href="/console/reports/${reportId}">Report ${reportId}</a>` : ''}
            ${caseId ? html` · <a href="/console/cases/${caseId}">case ${caseId}</a>` : ''}
            ${rest.map(([k, v]) => html` · ${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)}
          </p>
          ${
            p.canAcknowledge && n.acknowledged_ms === null
              ? html`<form class="inline" method="post" action="/console/notices/${n.id}/acknowledge">
                  <input type="hidden" name="_csrf" value="${p.csrf}" /><button>Acknowledge</button>
                </form>`
              : ''
          }
        </li>`;
      })}
    </ul>`;
}
