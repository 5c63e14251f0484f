import { html, type Html } from './html.js';

export interface PageChrome {
  title: string;
  reviewer?: { displayName: string; roles: string[] } | undefined;
  csrf?: string | undefined;
  /** Media reveals today, and the count after which the console suggests a break. */
  exposure?: { today: number; warnAt: number; caseReads?: number; caseReadsWarnAt?: number } | undefined;
  /** Open notices the reviewer may act on; undefined for a role that sees none. */
  notices?: number | undefined;
  /** Whether the reviewer handles CyberTipline reports (child_safety, legal, admin). */
  reports?: boolean | undefined;
  /** Whether the reviewer reads appeals (the roles the API's matrix names for them). */
  appeals?: boolean | undefined;
}

export function layout(chrome: PageChrome, body: Html): string {
  const { reviewer, exposure } = chrome;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        ${chrome.csrf ? html`<meta name="csrf-token" content="${chrome.csrf}" />` : ''}
        <title>${chrome.title} · Warden</title>
        <link rel="stylesheet" href="/console/assets/console.css" />
        <link rel="icon" href="/console/assets/icon.svg" type="image/svg+xml" />
        <script src="/console/assets/console.js" defer></script>
      </head>
      <body>
        ${
          reviewer
            ? html`<header>
                <strong>Warden</strong>
                <a href="/console" data-key="q">Queue</a>
                <a href="/console/mine">My cases</a>
                <a href="/console/search">Search</a>
                <a href="/console/actions?status=failed">Failed actions</a>
                ${chrome.reports ? html`<a href="/console/reports">Reports</a>` : ''}
                ${chrome.appeals ? html`<a href="/console/appeals">Appeals</a>` : ''}
                ${
                  chrome.notices !== undefined
                    ? html`<a href="/console/notices" class="${chrome.notices > 0 ? 'attention' : ''}">Notices (${chrome.notices})</a>`
                    : ''
                }
                <a href="/console/exchanges">Exchanges</a>
                <span class="spacer"></span>
                <button type="button" id="shortcuts-toggle" aria-pressed="true" hidden>Shortcuts: on</button>
                ${exposure ? html`<span title="media revealed today">Reveals today: <span id="exposure-count">${exposure.today}</span></span>` : ''}
                ${exposure?.caseReads !== undefined ? html`<span title="cases with messages read today">Cases read: ${exposure.caseReads}</span>` : ''}
                <span>${reviewer.displayName} (${reviewer.roles.join(', ')})</span>
                <form class="inline" method="post" action="/console/logout">
                  <input type="hidden" name="_csrf" value="${chrome.csrf}" /><button>Sign out</button>
                </form>
              </header>`
            : ''
        }
        <main>
          ${
            exposure && exposure.today >= exposure.warnAt
              ? html`<div class="banner" role="status">
                  You have revealed ${exposure.today} media items today. Consider a break, and talk to your lead if this work is weighing on
                  you.
                </div>`
              : exposure?.caseReads !== undefined && exposure.caseReads >= (exposure.caseReadsWarnAt ?? Infinity)
                ? html`<div class="banner" role="status">
                    You have read ${exposure.caseReads} cases' conversations today. Consider a break, and talk to your lead if this work is
                    weighing on you.
                  </div>`
                : ''
          }
          ${body}
        </main>
      </body>
    </html>`.value;
}
