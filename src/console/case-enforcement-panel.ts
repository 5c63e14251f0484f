import type { Viewer } from '../cases/case-model.js';
import type { CaseDetail } from '../cases/case-store.js';
import { ROLE_MATRIX, roleAllows } from '../server/role-matrix.js';
import type { Role } from '../server/api-key-store.js';
import { html, type Html } from './html.js';
import { when } from './when.js';

/**
 * SECURITY: the console offers and accepts an enforcement step only where the API's role
 * matrix lets the reviewer's roles call the same step (server/role-matrix.ts): one table, so
 * the console can never do more than a key with the same role.
 */
export const ENFORCEMENT_ROUTES = {
  retry: 'POST /v1/actions/:id/retry',
  cancel: 'POST /v1/actions/:id/cancel',
  request: 'POST /v1/cases/:id/actions',
} as const;
export type EnforcementStep = keyof typeof ENFORCEMENT_ROUTES;

export const mayEnforce = (v: Viewer, step: EnforcementStep) =>
  v.roles.some((r) => roleAllows(r as Role, ROLE_MATRIX[ENFORCEMENT_ROUTES[step]]!.roles));

/** Each status as a reviewer reads it: where the action is between Warden and the platform. */
function stateOf(a: CaseDetail['actions'][number]): Html {
  switch (a.status) {
    case 'pending':
      return html`<span class="state">pending</span>
        <span class="muted">not yet delivered${a.attempts ? `; ${a.attempts} attempts so far` : ''}</span>`;
    case 'delivered':
      return html`<span class="state">confirmed by the platform</span>
        <span class="muted">its webhook accepted it ${when(a.deliveredAt)}</span>`;
    case 'failed':
      return html`<span class="state overdue">failed</span> <span class="muted">after ${a.attempts} attempts</span>`;
    case 'cancelled':
      return html`<span class="state">cancelled</span> <span class="muted">never sent</span>`;
    case 'shadow':
      return html`<span class="state">shadow</span> <span class="muted">recorded, not sent (the rule is in shadow mode)</span>`;
    case 'applied':
      return html`<span class="state">applied in Warden</span>`;
    default:
      return html`<span class="state">${a.status}</span>`;
  }
}

const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}" />`;

/**
 * The case's actions with their state and the steps the reviewer's role allows (issue 17):
 * retry a failed delivery, cancel a pending one (with a reason), request an action of a type
 * the policy in force uses. Every step goes through the actions capability and is audited there.
 */
export function caseEnforcementPanel(p: {
  caseId: string;
  actions: CaseDetail['actions'];
  viewer: Viewer;
  csrf: string;
  /** Types the policy in force uses that a person may request (actions/action-control.ts). */
  requestable: readonly string[];
}): Html {
  const base = `/console/cases/${encodeURIComponent(p.caseId)}/actions`;
  const [retry, cancel, request] = (['retry', 'cancel', 'request'] as const).map((s) => mayEnforce(p.viewer, s));
  return html`<div class="card" id="enforcement">
    <h2>Actions</h2>
    ${p.actions.length === 0 ? html`<p class="muted">No actions on this case.</p>` : ''}
    <ul class="actions">
      ${p.actions.map(
        (a) =>
          html`<li>
            <strong>${a.type}</strong> · ${a.mode} · ${stateOf(a)}
            ${a.lastError ? html`<br /><span class="muted">${a.lastError}</span>` : ''}
            ${
              retry && a.status === 'failed'
                ? html`<form method="post" action="${base}/${encodeURIComponent(a.id)}/retry">
                    ${csrfField(p.csrf)}<button>Retry delivery</button>
                  </form>`
                : ''
            }
            ${
              cancel && a.status === 'pending' && a.mode === 'live'
                ? html`<form method="post" action="${base}/${encodeURIComponent(a.id)}/cancel">
                    ${csrfField(p.csrf)}<label
                      >Why cancel <input name="reason" required maxlength="1000" aria-label="Why cancel ${a.type}"
                    /></label>
                    <button>Cancel before it is sent</button>
                  </form>`
                : ''
            }
          </li>`,
      )}
    </ul>
    ${
      request && p.requestable.length > 0
        ? html`<form method="post" action="${base}">
            ${csrfField(p.csrf)}
            <label
              >Request
              <select name="type" required>
                <option value="">choose an action…</option>
                ${p.requestable.map((t) => html`<option value="${t}">${t}</option>`)}
              </select></label
            >
            <label>Why <input name="reason" required maxlength="1000" /></label>
            <button>Request action</button>
          </form>`
        : ''
    }
  </div>`;
}
