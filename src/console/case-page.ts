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
  /** The people on the page by id: handle, display name and age band, as the platform sent them. */
  people?: ReadonlyMap<string, Person> | undefined;
  /** Cards rendered by their own modules (enforcement, evidence: issue 17), in place of the plain actions list. */
  panels?: Html | undefined;
  /** More cards for the side column (case-side-panels.ts: reassignment, linked accounts). */
  sidePanels?: Html | undefined;
}

export interface Person {
  handle: string | null;
  displayName: string | null;
  ageBand: string | null;
}

const RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };
/** Most severe first, then newest: the alert that matters most is read first (issue 17, item 6). */
export const bySeverity = (alerts: readonly Alert[]) =>
  [...alerts].sort((a, b) => (RANK[a.severity] ?? 9) - (RANK[b.severity] ?? 9) || b.ts.localeCompare(a.ts));

/** The event a reason is about, when it names one: "asked the child their age (event evt_1, en)". */
const EVENT_OF = /\(event ([^,)\s]+)[^)]*\)\s*$/;
const plain = (detail: string) => detail.replace(EVENT_OF, '').trim();

/** Each cited event's own reasons, each once, across the case's alerts. */
export function reasonsByEvent(alerts: readonly Alert[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of alerts)
    for (const r of a.reasons) {
      const ev = EVENT_OF.exec(r.detail)?.[1];
      if (!ev || r.code === 'model_words') continue;
      const list = out.get(ev) ?? [];
      const text = `${a.category}: ${plain(r.detail)}`;
      if (!list.includes(text)) list.push(text);
      out.set(ev, list);
    }
  return out;
}

/** A person by handle (the id on hover and beside it for the record). */
function who(people: CasePageInput['people'], id: string): Html {
  const p = people?.get(id);
  if (!p?.handle && !p?.displayName) return html`<span class="person">${id}</span>`;
  return html`<span class="person" title="${id}">${p.handle ? `@${p.handle}` : p.displayName}</span> <span class="muted">(${id})</span>`;
}

const hidden = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}" />`;

function reasonsOf(a: Alert): Html {
  // Reasons that name a message are shown on that message; here, what holds for the whole alert.
  const general = a.reasons.filter((r) => !EVENT_OF.test(r.detail));
  const onMessages = a.reasons.length - general.length;
  return html`<li>
    <strong>${a.category}</strong> · <span class="sev-${a.severity}">${a.severity}</span> ·
    <span class="muted">${when(a.ts)}</span>
    <ul class="reasons">
      ${general.map((r) => html`<li>${r.detail} <code class="muted">${r.code}</code></li>`)}
      ${onMessages ? html`<li class="muted">${onMessages} more on the messages they concern, in the timeline</li>` : ''}
    </ul>
    ${a.media?.length ? html`<div class="muted">matched: ${a.media.map((m) => m.matches.map((x) => `${x.bankName} #${x.entryId} (${matchMeasure(x)})`).join('; '))}</div>` : ''}
  </li>`;
}

/** One line first: the most severe alert, the child's age band, the key quotes. */
function summaryLine(p: CasePageInput): Html {
  const top = bySeverity(p.detail.alerts)[0];
  if (!top) return html``;
  const MINOR = new Set(['under13', '13-15', '16-17']);
  const children = [...new Set(p.detail.alerts.flatMap((a) => a.relatedAccountIds ?? []))]
    .map((id) => p.people?.get(id)?.ageBand)
    .filter((b): b is string => b !== null && b !== undefined && MINOR.has(b));
  const quotes = p.timeline
    .filter((e) => e.cues.length > 0 && e.text && e.from === p.c.subjectAccountId)
    .slice(0, 3)
    .map((e) => (e.text!.length > 90 ? `${e.text!.slice(0, 89)}…` : e.text!));
  return html`<p class="summary card">
    <strong>${top.category}</strong> (${top.severity})${children.length ? html` · child ${[...new Set(children)].join(', ')}` : ''}
    ${quotes.map((q) => html` · <q>${q}</q>`)}
  </p>`;
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
                Show blurred</button
              ><span>a blurred greyscale copy first, the full item on a second click (counted)</span>`
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
    return html`${c.claimedBy ? html`<p>Claimed by ${c.claimedBy} until ${when(c.claimExpiresAt)}.</p>` : ''}
      <form method="post" action="/console/cases/${c.id}/claim">
        ${hidden(csrf)}<button data-key="c">Claim <kbd>c</kbd></button>
      </form>`;
  }
  return html`<p>You hold this case until ${when(c.claimExpiresAt)}.</p>
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
  const perEvent = reasonsByEvent(detail.alerts);
  return html`<h1>
      Case ${c.id} <span class="p${c.priority}">P${c.priority}</span> · ${c.queue} · ${c.status}${c.escalated ? ' · escalated' : ''}
    </h1>
    ${p.flash ? html`<div class="notice" role="status">${p.flash}</div>` : ''} ${summaryLine(p)}
    <div class="grid">
      <section>
        <div class="card">
          <h2>Decision</h2>
          ${decisionForms(p)}
          <p class="muted">SLA due ${when(c.dueAt)}${c.overdue ? html` <span class="overdue">(overdue)</span>` : ''}</p>
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
            ${bySeverity(detail.alerts).map(reasonsOf)}
          </ul>
        </div>
        <div class="card timeline">
          <h2>Timeline</h2>
          ${timeline.length === 0 ? html`<p class="muted">No events cited.</p>` : ''}
          ${timeline.map((e) => {
            const own = perEvent.get(e.id) ?? [];
            return html`<div class="event${e.cues.length ? ' cue' : ''}" id="ev-${e.id}">
              <div class="meta">
                ${when(e.ts)} ·
                ${e.type}${e.from ? html` · ${who(p.people, e.from)}${e.to ? html` → ${e.to.map((t, i) => html`${i ? ', ' : ''}${who(p.people, t)}`)}` : ''}` : ''}
              </div>
              ${e.text !== undefined ? html`<div class="text">${e.text}</div>` : ''} ${e.summary ? html`<div>${e.summary}</div>` : ''}
              ${e.media.map((m) => mediaBox(c.id, e.id, m))}
              ${
                own.length
                  ? html`<ul class="reasons meta">
                      ${own.map((r) => html`<li>${r}</li>`)}
                    </ul>`
                  : e.cues.length
                    ? html`<div class="meta">cited by ${[...new Set(e.cues.map((x) => x.split(':')[0]))].join(', ')}</div>`
                    : ''
              }
            </div>`;
          })}
        </div>
      </section>
      <aside>
        <div class="card">
          <h2>Subject ${who(p.people, a.accountId)}</h2>
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
                      ${a.priorDecisions.map((d) => html`<li>${d.outcome} ${d.category ?? d.reason ?? ''} <span class="muted">${when(d.closedAt)}</span></li>`)}
                    </ul>`
              }
            </dd>
          </dl>
        </div>
        ${
          p.panels ??
          html`<div class="card">
            <h2>Actions</h2>
            <ul>
              ${detail.actions.map((x) => html`<li>${x.type} · ${x.mode} · <span class="${x.status === 'failed' ? 'overdue' : ''}">${x.status}</span>${x.lastError ? html` <span class="muted">(${x.lastError})</span>` : ''}</li>`)}
            </ul>
          </div>`
        }
        <div class="card">
          <h2>History</h2>
          <ul>
            ${detail.history.map((h) => {
              // The reviewer's note, stored with the decision, shown where the decision is (issue 17, defect 4).
              const note = (h.detail as { note?: unknown } | null)?.note;
              return html`<li>
                <span class="muted">${when(h.ts)}</span> ${h.change} · ${who(p.people, h.actor)}
                ${typeof note === 'string' && note ? html`<br /><q class="note">${note}</q>` : ''}
              </li>`;
            })}
          </ul>
        </div>
        ${p.sidePanels ?? ''}
      </aside>
    </div>`;
}

/** Video matches carry their own scales in `distance` (media-matcher.ts); reviewers read the measure itself. */
const matchMeasure = (x: { signalType: string; distance: number }) =>
  x.signalType === 'vpdq'
    ? `vpdq, ${100 - x.distance}% of the video's frames found`
    : x.signalType === 'tmk_pdqf'
      ? `tmk_pdqf, level-2 score ${(1 - x.distance / 100).toFixed(2)}`
      : `${x.signalType}, distance ${x.distance}`;
