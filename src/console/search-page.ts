import type { SearchResult } from '../cases/case-search.js';
import type { CaseView } from '../cases/case-model.js';
import { html, type Html } from './html.js';
import { when } from './when.js';

const caseRow = (c: CaseView) =>
  html`<tr data-href="/console/cases/${c.id}">
    <td><a href="/console/cases/${c.id}">${c.id}</a></td>
    <td>${c.queue}</td>
    <td>${c.subjectAccountId}</td>
    <td>${c.status}${c.outcome ? html` · ${c.outcome} ${c.outcomeCategory ?? c.outcomeReason ?? ''}` : ''}</td>
    <td class="muted">${when(c.openedAt)}</td>
  </tr>`;

const caseTable = (cases: CaseView[]) =>
  html`<table class="cases">
    <thead>
      <tr>
        <th>Case</th>
        <th>Queue</th>
        <th>Subject</th>
        <th>Status</th>
        <th>Opened</th>
      </tr>
    </thead>
    <tbody>
      ${cases.map(caseRow)}
    </tbody>
  </table>`;

/** Investigation search: one box for account ids and handles, conversation and case ids, and words of cited messages. */
export function searchPage(p: { q: string; result: SearchResult | undefined }): Html {
  const r = p.result;
  return html`<h1>Search</h1>
    <form method="get" action="/console/search" class="stack" role="search">
      <label for="search-q">Account id or @handle, case or conversation id, or words from cited messages</label>
      <input id="search-q" name="q" value="${p.q}" maxlength="200" required />
      <button>Search</button>
    </form>
    ${
      r
        ? html`<h2>Accounts (${r.accounts.length})</h2>
            ${r.accounts.length === 0 ? html`<p class="muted">No account with that id or handle.</p>` : ''}
            ${r.accounts.map(
              (a) =>
                html`<div class="card">
                  <strong>${a.handle ? `@${a.handle}` : a.id}</strong> <span class="muted">${a.id}</span>
                  ${a.displayName ? html` · ${a.displayName}` : ''} · ${a.ageBand ?? 'age unknown'}
                  ${a.cases.length === 0 ? html`<p class="muted">No cases about this account.</p>` : html`<div class="scroll">${caseTable(a.cases)}</div>`}
                </div>`,
            )}
            <h2>Cases (${r.cases.length})</h2>
            <p class="muted">
              ${r.words.length ? html`Cases whose cited messages hold every word of: ${r.words.join(' ')}; and cases` : 'Cases'} by case or
              conversation id.
            </p>
            ${r.cases.length === 0 ? html`<p class="muted">None found.</p>` : html`<div class="scroll">${caseTable(r.cases)}</div>`}`
        : ''
    }`;
}
