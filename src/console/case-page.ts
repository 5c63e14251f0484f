import type { AccountRiskView } from '../server/route-context.js';
import type { Alert } from '../alerts/alert-schema.js';
import type { CaseView } from '../cases/case-model.js';
import type { CaseDetail } from '../cases/case-store.js';
import { CONFIRM_CATEGORIES, DISMISS_REASONS } from '../rules/policy-schema.js';
import type { AccountContext, TimelineEvent } from '../cases/case-data.js';
import { when } from './when.js';
import { html, type Html } from './html.js';

interface CasePageInput {
  c: CaseView;
  detail: CaseDetail;
  timeline: TimelineEvent[];
  account: AccountContext;
  me: string;
  csrf: string;
  flash?: string | undefined;
  /** The case's CyberTipline report (null: none yet); undefined for a reviewer without the role. */
  report?: { id: string; status: string } | null | undefined;
  /** The subject's behaviour score now, with its reasons. */
  risk?: AccountRiskView | undefined;
}

const hidden = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}" />`;

function reasonsOf(a: Alert): Html {
  return html`<li>
    <strong>${a.category}</strong> · ${a.severity} · score ${a.score.toFixed(2)} ·
    <span class="muted">${a.ts.slice(0, 16).replace('T', ' ')}</span>
    <ul class="reasons">
      ${a.reasons.map((r) => html`<li><code>${r.code}</code>: ${r.detail}</li>`)}
    </ul>
    ${a.media?.length ? html`<div class="muted">matched: ${a.media.map((m) => m.matches.map((x) => `${x.bankName} #${x.entryId} (${x.signalType}, distance ${x.distance})`).join('; '))}</div>` : ''}
    <div class="muted">trigger ${a.triggerEventId}</div>
  </li>`;
}

function mediaBox(caseId: string, eventId: string, m: TimelineEvent['media'][number]): Html {
  return html`<div class="media" data-kind="${m.kind}">
    <div class="cover">
      <span>${m.kind} ${m.id}</span>
      ${
        m.held
          ? html`<button
                type="button"
                data-reveal="/console/cases/${caseId}/media/${encodeURIComponent(eventId)}/${encodeURIComponent(m.id)}"
              >
                Reveal this item</button
              ><span>blurred and greyscale until revealed; counted</span>`
          : html`<span>no bytes held: hashes only</span>`
      }
      ${m.sha256 ? html`<code title="sha256">${m.sha256.slice(0, 16)}…</code>` : ''}
    </div>
  </div>`;
}

function decisionForms(p: CasePageInput): Html {
  const { c, csrf, me } = p;
  if (c.status === 'closed')
    return html`<p>Closed: <strong>${c.outcome}</strong> ${c.outcomeCategory ?? c.outcomeReason ?? ''} by ${c.closedBy}</p>`;
  if (c.claimedBy !== me) {
    return html`${c.claimedBy ? html`<p>Claimed by ${c.claimedBy} until ${c.claimExpiresAt}.</p>` : ''}
      <form method="post" action="/console/cases/${c.id}/claim">
        ${hidden(csrf)}<button data-key="c">Claim <kbd>c</kbd></button>
      </form>`;
  }
  return html`<p>You hold this case until ${c.claimExpiresAt?.slice(11, 16)} UTC.</p>
    <form method="post" action="/console/cases/${c.id}/decide">
      ${hidden(csrf)}<input type="hidden" name="decision" value="confirm" />
      <label
        >Confirm as
        <select name="category" required>
          <option value="">choose a category…</option>
          ${CONFIRM_CATEGORIES.map((k) => html`<option value="${k}">${k}</option>`)}
        </select></label
      >
      <input name="note" placeholder="note (optional)" maxlength="3000" />
      <button id="confirm" data-key="y">Confirm <kbd>y</kbd></button>
    </form>
    <form method="post" action="/console/cases/${c.id}/decide">
      ${hidden(csrf)}<input type="hidden" name="decision" value="dismiss" />
      <label
        >Dismiss because
        <select name="reason" required>
          <option value="">choose a reason…</option>
          ${DISMISS_REASONS.map((k) => html`<option value="${k}">${k}</option>`)}
        </select></label
      >
      <input name="note" placeholder="note (optional)" maxlength="3000" />
      <button id="dismiss" data-key="d">Dismiss <kbd>d</kbd></button>
    </form>
    <form method="post" action="/console/cases/${c.id}/decide">
      ${hidden(csrf)}<input type="hidden" name="decision" value="escalate" />
      <input name="note" placeholder="why escalate (optional)" maxlength="3000" /><button data-key="e">Escalate <kbd>e</kbd></button>
    </form>
    <form method="post" action="/console/cases/${c.id}/decide">
      ${hidden(csrf)}<input type="hidden" name="decision" value="request_context" />
      <input name="note" placeholder="what context is needed" required maxlength="3000" data-key="m" /><button>
        Request context <kbd>m</kbd>
      </button>
    </form>
    <form method="post" action="/console/cases/${c.id}/release">
      ${hidden(csrf)}<button data-key="r">Release <kbd>r</kbd></button>
    </form>`;
}

export function casePage(p: CasePageInput): Html {
  const { c, detail, timeline, account: a } = p;
  return html`<h1>
      Case ${c.id} <span class="p${c.priority}">P${c.priority}</span> · ${c.queue} · ${c.status}${c.escalated ? ' · escalated' : ''}
    </h1>
    ${p.flash ? html`<div class="notice" role="status">${p.flash}</div>` : ''}
    <div class="grid">
      <section>
        <div class="card">
          <h2>Decision</h2>
          ${decisionForms(p)}
          <p class="muted">
            SLA due ${c.dueAt.slice(0, 16).replace('T', ' ')} UTC${c.overdue ? html` <span class="overdue">(overdue)</span>` : ''}
          </p>
        </div>
        ${
          p.report !== undefined && c.outcome === 'confirmed'
            ? html`<div class="card">
                <h2>CyberTipline report</h2>
                ${
                  p.report
                    ? html`<p><a href="/console/reports/${p.report.id}">${p.report.status}: ${p.report.id}</a></p>`
                    : html`<form method="post" action="/console/cases/${c.id}/report">
                        ${hidden(p.csrf)}<button>Draft the report</button>
                      </form>`
                }
              </div>`
            : ''
        }
        <div class="card">
          <h2>Why Warden raised this</h2>
          <ul>
            ${detail.alerts.map(reasonsOf)}
          </ul>
        </div>
        <div class="card timeline">
          <h2>Timeline</h2>
          ${timeline.length === 0 ? html`<p class="muted">No events cited.</p>` : ''}
          ${timeline.map(
            (e) =>
              html`<div class="event${e.cues.length ? ' cue' : ''}" id="ev-${e.id}">
                <div class="meta">
                  ${e.ts} ·
                  ${e.type}${e.from ? html` · ${e.from}${e.to ? html` → ${e.to.join(', ')}` : ''}` : ''}${e.conversationId ? html` · ${e.conversationId}` : ''}
                </div>
                ${e.text !== undefined ? html`<div class="text">${e.text}</div>` : ''} ${e.summary ? html`<div>${e.summary}</div>` : ''}
                ${e.media.map((m) => mediaBox(c.id, e.id, m))}
                ${e.cues.length ? html`<div class="meta">cited by ${e.cues.join(' · ')}</div>` : ''}
              </div>`,
          )}
        </div>
      </section>
      <aside>
        <div class="card">
          <h2>Subject ${a.accountId}</h2>
          <dl>
            <dt>Age band</dt>
            <dd>${a.ageBand ?? (a.birthDate ? `born ${a.birthDate}` : 'unknown')} (${a.ageAssurance ?? 'no assurance'})</dd>
            <dt>Account age</dt>
            <dd>${a.accountAgeDays === null ? 'unknown' : `${a.accountAgeDays} days`}</dd>
            <dt>Connections to minors</dt>
            <dd>${a.connectionsToMinors}</dd>
            <dt>Unconnected minors messaged</dt>
            <dd>${a.unconnectedMinorsContacted}</dd>
            <dt>Blocked / reported by minors</dt>
            <dd>${a.blockedByMinors} / ${a.reportedByMinors}</dd>
            <dt>Behaviour score</dt>
            <dd>
              ${
                p.risk
                  ? html`${p.risk.score.toFixed(2)}${
                      p.risk.reasons.length
                        ? html`<ul>
                            ${p.risk.reasons.map((r) => html`<li>${r.detail}</li>`)}
                          </ul>`
                        : ''
                    }`
                  : 'unknown'
              }
            </dd>
            <dt>Alerts, all time</dt>
            <dd>
              ${
                Object.entries(a.priorAlerts)
                  .map(([k, v]) => `${k} ${v}`)
                  .join(', ') || 'none'
              }
            </dd>
            <dt>Earlier decisions</dt>
            <dd>
              ${
                a.priorDecisions.length === 0
                  ? 'none'
                  : html`<ul>
                      ${a.priorDecisions.map((d) => html`<li>${d.outcome} ${d.category ?? d.reason ?? ''} <span class="muted">${d.closedAt?.slice(0, 10)}</span></li>`)}
                    </ul>`
              }
            </dd>
          </dl>
        </div>
        <div class="card">
          <h2>Actions</h2>
          <ul>
            ${detail.actions.map((x) => html`<li>${x.type} · ${x.mode} · <span class="${x.status === 'failed' ? 'overdue' : ''}">${x.status}</span>${x.lastError ? html` <span class="muted">(${x.lastError})</span>` : ''}</li>`)}
          </ul>
        </div>
        <div class="card">
          <h2>History</h2>
          <ul>
            ${detail.history.map((h) => {
              // The reviewer's note, stored with the decision, shown where the decision is (issue 17, defect 4).
              const note = (h.detail as { note?: unknown } | null)?.note;
              return html`<li>
                <span class="muted">${when(h.ts)}</span> ${h.change} · ${h.actor}
                ${typeof note === 'string' && note ? html`<br /><q class="note">${note}</q>` : ''}
              </li>`;
            })}
          </ul>
        </div>
      </aside>
    </div>`;
}
