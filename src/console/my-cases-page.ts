import type { CaseView } from '../cases/case-model.js';
import { html } from './html.js';
import { when } from './when.js';

/** "My cases": the cases the reviewer holds, claimed or handed to them, most urgent first. */
export function myCasesPage(p: { cases: CaseView[] }) {
  return html`<h1>My cases</h1>
    <p class="muted">
      Cases you hold, claimed by you or handed to you. A claim lapses at the time shown and the case returns to the queue.
    </p>
    <table class="cases">
      <thead>
        <tr>
          <th>Priority</th>
          <th>Queue</th>
          <th>Subject</th>
          <th>Status</th>
          <th>SLA due</th>
          <th>Held until</th>
        </tr>
      </thead>
      <tbody>
        ${
          p.cases.length === 0
            ? html`<tr>
                <td colspan="6" class="muted">You hold no cases.</td>
              </tr>`
            : ''
        }
        ${p.cases.map(
          (c) =>
            html`<tr data-href="/console/cases/${c.id}">
              <td class="p${c.priority}">P${c.priority}${c.escalated ? ' ↑' : ''}</td>
              <td>${c.queue}</td>
              <td><a href="/console/cases/${c.id}">${c.subjectAccountId}</a></td>
              <td>${c.status}</td>
              <td class="${c.overdue ? 'overdue' : ''}">${when(c.dueAt)}</td>
              <td>${when(c.claimExpiresAt)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}
