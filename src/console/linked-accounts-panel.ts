import type { LinkedAccount, LinkedAccounts } from '../cases/linked-accounts.js';
import { html, type Html } from './html.js';
import { when } from './when.js';

const accountLink = (a: LinkedAccount) =>
  html`<a href="/console/search?q=${encodeURIComponent(a.id)}">${a.handle ? `@${a.handle}` : a.id}</a
    >${a.handle ? html` <span class="muted">${a.id}</span>` : ''}`;

function list(title: string, items: LinkedAccount[], empty: string): Html {
  return html`<h3>${title}</h3>
    ${
      items.length === 0
        ? html`<p class="muted">${empty}</p>`
        : html`<ul>
            ${items.map(
              (a) =>
                html`<li>
                  ${accountLink(a)} ${a.ageBand ? html`· ${a.ageBand}` : ''} ${a.detail ? html`· ${a.detail}` : ''}
                  ${a.lastMs !== null ? html`<span class="muted">· ${when(a.lastMs)}</span>` : ''}
                </li>`,
            )}
          </ul>`
    }`;
}

/** The subject's network and record: who else is in the picture, and what was decided before. */
export function linkedAccountsPanel(l: LinkedAccounts): Html {
  return html`<div class="card linked">
    <h2>Linked accounts</h2>
    ${list('Minors the subject wrote to, unconnected', l.minorsContacted, 'None recorded.')}
    ${list('Other adults writing to the same minors', l.otherAdults, 'None recorded.')}
    ${list('Linked by the platform', l.platformLinked, 'The platform reported none.')}
    <h3>The subject's other cases</h3>
    ${
      l.earlierCases.length === 0
        ? html`<p class="muted">None.</p>`
        : html`<ul>
            ${l.earlierCases.map(
              (c) =>
                html`<li>
                  <a href="/console/cases/${c.id}">${c.queue}</a> ·
                  ${c.status}${c.outcome ? html` · ${c.outcome} ${c.outcomeDetail ?? ''}` : ''}
                  <span class="muted">· opened ${when(c.openedMs)}</span>
                </li>`,
            )}
          </ul>`
    }
  </div>`;
}
