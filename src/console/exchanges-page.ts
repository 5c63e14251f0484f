import type { SourceState } from '../exchanges/exchange-store.js';
import { html } from './html.js';

const STORED_NOT_MATCHED = 'stored; matched once Warden matches the type';

/** Every hash exchange's state: where its fetch stands, what it brought, what failed. Server-rendered, no script (CSP as every console page). */
export function exchangesPage(sources: readonly (SourceState & { matchableTypes: string[] })[]) {
  return html`<h1>Hash exchanges</h1>
    ${sources.length === 0 ? html`<p class="muted">No exchange is configured (<code>exchanges.sources</code>).</p>` : ''}
    ${sources.map(
      (s) =>
        html`<section class="card" aria-labelledby="ex-${s.name}">
          <h2 id="ex-${s.name}">${s.name} <span class="muted">(${s.kind})</span></h2>
          ${s.lastError ? html`<div class="banner" role="alert"><strong>Last error</strong> (${s.lastErrorAt}): ${s.lastError}</div>` : ''}
          <dl>
            <dt>Checkpoint</dt>
            <dd>
              ${s.checkpoint ? new Date(s.checkpoint.progressMs).toISOString() : 'none yet'}
              ${s.checkpoint?.resume ? html` · a fetch broke off mid-window and resumes at its next page` : ''}
            </dd>
            <dt>Last fetch</dt>
            <dd>started ${s.lastStartedAt ?? '—'}, finished ${s.lastFinishedAt ?? '—'}, last success ${s.lastSuccessAt ?? '—'}</dd>
            <dt>Entries</dt>
            <dd>
              ${s.counts.fetched} fetched · ${s.counts.stored} fingerprints stored · ${s.counts.deleted} deleted · ${s.counts.stale}
              out-of-order updates ignored · ${s.counts.invalid} invalid · ${s.counts.quarantined} quarantined on a flood
            </dd>
            <dt>By type</dt>
            <dd>
              ${Object.entries(s.counts.byType).map(
                ([t, n]) => html`<code>${t}</code> ${n} (${s.matchableTypes.includes(t) ? 'matched' : STORED_NOT_MATCHED}); `,
              )}
              ${Object.keys(s.counts.byType).length === 0 ? '—' : ''}
            </dd>
            <dt>Unsupported types</dt>
            <dd>
              ${Object.entries(s.counts.unsupported).map(([t, n]) => html`<code>${t}</code> ${n}; `)}
              ${Object.keys(s.counts.unsupported).length === 0 ? 'none' : ''}
            </dd>
            <dt>Verdicts sent back</dt>
            <dd>${s.feedback.sent} sent · ${s.feedback.pending} pending · ${s.feedback.failed} failed</dd>
          </dl>
        </section>`,
    )}`;
}
