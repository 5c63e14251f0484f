import type { CaseView } from '../cases/case-model.js';
import { html, type Html } from './html.js';

/**
 * Hand a case to another reviewer: offered to the reviewer who holds it and to admins, and
 * only naming reviewers whose roles may open the case (the server checks both again).
 */
export function reassignForm(p: {
  c: CaseView;
  me: string;
  isAdmin: boolean;
  csrf: string;
  assignees: { username: string; displayName: string }[];
}): Html {
  const { c } = p;
  if (c.status === 'closed' || (c.claimedBy !== p.me && !p.isAdmin) || p.assignees.length === 0) return html``;
  return html`<div class="card">
    <h2>Reassign</h2>
    <form method="post" action="/console/cases/${c.id}/reassign" class="stack">
      <input type="hidden" name="_csrf" value="${p.csrf}" />
      <label
        >To
        <select name="to" required>
          <option value="">choose a reviewer…</option>
          ${p.assignees.map((a) => html`<option value="${a.username}">${a.displayName} (${a.username})</option>`)}
        </select></label
      >
      <button>Reassign</button>
    </form>
  </div>`;
}
