import type { CaseView } from '../cases/case-model.js';
import { CONFIRM_CATEGORIES, DISMISS_REASONS } from '../rules/policy-schema.js';
import { html, type Html } from './html.js';

const hidden = (name: string, value: string) => html`<input type="hidden" name="${name}" value="${value}" />`;

/** The bulk-decision controls under the queue's table: choose, then confirm once on the next page. */
export function bulkControls(): Html {
  return html`<fieldset class="stack" aria-label="Decide the selected cases">
    <legend>Selected cases</legend>
    <label
      >Decision
      <select name="decision" required>
        <option value="">choose…</option>
        <option value="dismiss">Dismiss</option>
        <option value="confirm">Confirm</option>
        <option value="escalate">Escalate</option>
      </select></label
    >
    <label
      >Reason (dismiss)
      <select name="reason">
        <option value="">—</option>
        ${DISMISS_REASONS.map((k) => html`<option value="${k}">${k}</option>`)}
      </select></label
    >
    <label
      >Category (confirm)
      <select name="category">
        <option value="">—</option>
        ${CONFIRM_CATEGORIES.map((k) => html`<option value="${k}">${k}</option>`)}
      </select></label
    >
    <label>Note <input name="note" maxlength="3000" /></label>
    <button>Review the selection…</button>
  </fieldset>`;
}

export interface BulkChoice {
  decision: string;
  reason?: string | undefined;
  category?: string | undefined;
  note?: string | undefined;
}

const describe = (d: BulkChoice) =>
  d.decision === 'dismiss' ? `Dismiss (${d.reason})` : d.decision === 'confirm' ? `Confirm as ${d.category}` : 'Escalate';

/** The one confirmation: every selected case named, the decision spelt out. */
export function bulkConfirmPage(p: { cases: CaseView[]; missing: number; choice: BulkChoice; csrf: string }): Html {
  const d = p.choice;
  return html`<h1>${describe(d)}: ${p.cases.length} cases</h1>
    ${p.missing > 0 ? html`<p class="notice" role="status">${p.missing} selected cases are not open to you and are left out.</p>` : ''}
    <p>
      Each case gets its own decision, history entry and audit entry. A case that another reviewer holds, or that closed meanwhile, is left
      as it is and listed.
    </p>
    ${d.note ? html`<p>Note on each: <q class="note">${d.note}</q></p>` : ''}
    <ul>
      ${p.cases.map((c) => html`<li><a href="/console/cases/${c.id}">${c.id}</a> · ${c.queue} · ${c.subjectAccountId}${c.claimedBy ? html` · <span class="muted">held by ${c.claimedBy}</span>` : ''}</li>`)}
    </ul>
    <form method="post" action="/console/bulk/confirm" class="stack">
      ${hidden('_csrf', p.csrf)} ${hidden('decision', d.decision)} ${d.reason ? hidden('reason', d.reason) : ''}
      ${d.category ? hidden('category', d.category) : ''} ${d.note ? hidden('note', d.note) : ''}
      ${p.cases.map((c) => hidden('case', c.id))}
      <button id="bulk-confirm">${describe(d)}: ${p.cases.length} cases</button>
      <a href="/console">Cancel</a>
    </form>`;
}

const OUTCOME: Record<string, string> = {
  decided: 'decided',
  not_found: 'not found, or not one your role may open',
  closed: 'already closed',
  claimed_by_other: 'held by another reviewer: left as it is',
  not_claimed: 'not claimed',
  failed: 'failed: try this case again',
};

export function bulkResultPage(p: { batch: string; results: { id: string; outcome: string }[] }): Html {
  const done = p.results.filter((r) => r.outcome === 'decided').length;
  return html`<h1>${done} of ${p.results.length} cases decided</h1>
    <p class="muted">Batch ${p.batch}.</p>
    <table>
      <thead>
        <tr>
          <th>Case</th>
          <th>Result</th>
        </tr>
      </thead>
      <tbody>
        ${p.results.map(
          (r) =>
            html`<tr>
              <td><a href="/console/cases/${r.id}">${r.id}</a></td>
              <td class="${r.outcome === 'decided' ? '' : 'overdue'}">${OUTCOME[r.outcome] ?? r.outcome}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <p><a href="/console">Back to the queue</a></p>`;
}
