import type { CaseView } from '../cases/case-model.js';
import type { QueueCount } from '../cases/case-store.js';
import { bulkControls } from './bulk-pages.js';
import { html } from './html.js';
import { when } from './when.js';

const rel = (iso: string, nowMs: number) => {
  const m = Math.round((Date.parse(iso) - nowMs) / 60_000);
  const abs = Math.abs(m);
  const s = abs < 90 ? `${abs} min` : abs < 48 * 60 ? `${Math.round(abs / 60)} h` : `${Math.round(abs / 1440)} d`;
  return m < 0 ? `${s} overdue` : `in ${s}`;
};

export function queuePage(p: {
  counts: QueueCount[];
  cases: CaseView[];
  nextCursor: string | null;
  queue?: string | undefined;
  status: string;
  nowMs: number;
  failedActions: number;
  /** Team routing: the reviewer's teams, when their queue shows only those teams' cases; `all`: they asked for every queue. */
  teams?: { names: string[]; all: boolean } | undefined;
  csrf?: string | undefined;
}) {
  const bulk = p.csrf !== undefined && p.status !== 'closed';
  return html`<h1>Review queue${p.queue ? html` · ${p.queue}` : ''}</h1>
    ${
      p.teams && p.teams.names.length > 0
        ? html`<p class="muted">
            ${
              p.teams.all
                ? html`All queues. <a href="/console?status=${p.status}">Only your teams' queues</a> (${p.teams.names.join(', ')})`
                : html`Your teams' queues (${p.teams.names.join(', ')}) and queues routed to no team.
                    <a href="/console?status=${p.status}&all=1">All queues</a>`
            }
          </p>`
        : ''
    }
    ${p.failedActions > 0 ? html`<div class="banner"><a href="/console/actions?status=failed">${p.failedActions} actions failed to reach the platform</a></div>` : ''}
    <table class="counts">
      <thead>
        <tr>
          <th>Queue</th>
          <th>Priority</th>
          <th>Open</th>
          <th>Overdue</th>
        </tr>
      </thead>
      <tbody>
        ${p.counts.map(
          (c) =>
            html`<tr>
              <td><a href="/console?queue=${encodeURIComponent(c.queue)}">${c.queue}</a></td>
              <td class="p${c.priority}">P${c.priority}</td>
              <td>${c.open}</td>
              <td class="${c.overdue > 0 ? 'overdue' : ''}">${c.overdue}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h2>
      ${p.status === 'open' ? 'Open cases, most urgent first' : `Cases: ${p.status}`}
      <span class="muted">(<kbd>j</kbd>/<kbd>k</kbd> to move, <kbd>Enter</kbd> to open)</span>
    </h2>
    <p>
      <a href="/console?status=open">open</a> · <a href="/console?status=awaiting_context">awaiting context</a> ·
      <a href="/console?status=closed">closed</a>
    </p>
    <form method="post" action="/console/bulk">
      ${bulk ? html`<input type="hidden" name="_csrf" value="${p.csrf}" />` : ''}
      <table class="cases">
        <thead>
          <tr>
            ${bulk ? html`<th><span class="visually-hidden">Select</span></th>` : ''}
            <th>Priority</th>
            <th>Queue</th>
            <th>Subject</th>
            <th>Alerts</th>
            <th>SLA</th>
            <th>Claimed by</th>
            <th>Opened</th>
          </tr>
        </thead>
        <tbody>
          ${
            p.cases.length === 0
              ? html`<tr>
                  <td colspan="${bulk ? 8 : 7}" class="muted">No cases.</td>
                </tr>`
              : ''
          }
          ${p.cases.map(
            (c) =>
              html`<tr data-href="/console/cases/${c.id}">
                ${bulk ? html`<td><input type="checkbox" name="case" value="${c.id}" aria-label="select the case of ${c.subjectAccountId}" /></td>` : ''}
                <td class="p${c.priority}">P${c.priority}${c.escalated ? ' ↑' : ''}</td>
                <td>${c.queue}${c.restricted ? html` <span title="known-image case: child_safety role only">●</span>` : ''}</td>
                <td class="subject"><a href="/console/cases/${c.id}">${c.subjectAccountId}</a></td>
                <td>${c.alertCount}</td>
                <td class="${c.overdue ? 'overdue' : ''}">${c.status === 'closed' ? 'closed' : rel(c.dueAt, p.nowMs)}</td>
                <td>${c.claimedBy ?? html`<span class="muted">—</span>`}</td>
                <td class="muted">${when(c.openedAt)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${bulk && p.cases.length > 0 ? bulkControls() : ''}
    </form>
    ${p.nextCursor ? html`<p><a href="/console?status=${p.status}${p.queue ? `&queue=${encodeURIComponent(p.queue)}` : ''}${p.teams?.all ? '&all=1' : ''}&cursor=${p.nextCursor}" data-key="n">Next page</a></p>` : ''}`;
}
