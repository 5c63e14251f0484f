import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TransparencyReport } from './transparency-report.js';

/**
 * The charting library, Chart.js (MIT, a dependency, never a CDN): its UMD build is served by
 * the console from its own origin, so the console's CSP (`script-src 'self'`) allows it, and
 * is inlined in the file `warden transparency --format html` writes.
 */
export const CHART_JS_PATH = join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');
let chartJs: string | undefined;
export const chartJsSource = () => (chartJs ??= readFileSync(CHART_JS_PATH, 'utf8'));

/** Draws the report's charts from the JSON block on the page; no inline handlers, so a strict CSP holds. */
export const TRANSPARENCY_JS = `
(function () {
  'use strict';
  var el = document.getElementById('transparency-data');
  if (!el || typeof Chart === 'undefined') return;
  var r = JSON.parse(el.textContent);
  function bar(id, label, obj) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    var keys = Object.keys(obj);
    new Chart(canvas, {
      type: 'bar',
      data: { labels: keys, datasets: [{ label: label, data: keys.map(function (k) { return obj[k]; }), backgroundColor: '#1f5fbf' }] },
      options: { animation: false, responsive: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } }
    });
    canvas.setAttribute('data-rendered', String(keys.length));
  }
  bar('chart-alerts', 'Alerts', r.alertsByCategory);
  bar('chart-gate', 'Gate decisions', r.gateDecisionsByReason);
  bar('chart-measures', 'Measures', r.dsa.ownInitiativeMeasuresByType);
  bar('chart-decisions', 'Reviewer decisions', r.reviewerDecisions);
  bar('chart-decoys', 'Share of decoy contacts', r.decoys.stageShares);
  document.body.setAttribute('data-charts', 'ready');
})();
`;

/** One row per number: `section,key,value`, RFC 4180 quoting. */
export function reportCsv(r: TransparencyReport): string {
  const rows: [string, string, string | number | null][] = [
    ['period', 'from', r.period.from],
    ['period', 'to', r.period.to],
    ['audit', 'entries', r.audit.entries],
    ['audit', 'firstSeq', r.audit.firstSeq],
    ['audit', 'lastSeq', r.audit.lastSeq],
    ['audit', 'lastHash', r.audit.lastHash],
  ];
  const put = (section: string, obj: Record<string, number | null>) => {
    for (const [k, v] of Object.entries(obj)) rows.push([section, k, v]);
  };
  put('alertsByCategory', r.alertsByCategory);
  put('gateDecisionsByReason', r.gateDecisionsByReason);
  put('accounts', r.accounts);
  rows.push(['cybertipline', 'reportsFiled', r.cybertiplineReportsFiled]);
  rows.push(['times', 'medianSignalToActionMs', r.medianSignalToActionMs]);
  put('reviewerDecisions', r.reviewerDecisions);
  rows.push(['reviewerDecisions', 'reversals', r.reversals]);
  put('appeals', r.appeals);
  rows.push(['decoys', 'active', r.decoys.active], ['decoys', 'contacts', r.decoys.contacts]);
  rows.push(['decoys', 'medianTimeToActionMs', r.decoys.medianTimeToActionMs]);
  put('decoys.stageShares', r.decoys.stageShares);
  put('dsa.ownInitiativeMeasuresByType', r.dsa.ownInitiativeMeasuresByType);
  rows.push(['dsa.automatedDetection', 'alerts', r.dsa.automatedDetection.alerts]);
  put('dsa.decisions', r.dsa.decisions);
  put('dsa.accuracy', r.dsa.accuracy);
  put('dsa.medianTimes', r.dsa.medianTimes);
  const q = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return ['section,key,value', ...rows.map((r) => r.map(q).join(','))].join('\r\n') + '\r\n';
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (v: unknown) => String(v ?? '—').replace(/[&<>"']/g, (c) => ESC[c]!);
const ms = (v: number | null) => (v === null ? '—' : v < 60_000 ? `${(v / 1000).toFixed(1)} s` : `${(v / 60_000).toFixed(1)} min`);
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
const table = (obj: Record<string, number | null>, fmt: (v: number | null) => string = esc) =>
  Object.keys(obj).length === 0
    ? '<p class="muted">None in this period.</p>'
    : `<table><tbody>${Object.entries(obj)
        .map(([k, v]) => `<tr><th>${esc(k)}</th><td data-key="${esc(k)}">${fmt(v)}</td></tr>`)
        .join('')}</tbody></table>`;

/**
 * The report's body: tables for every number (readable without script) and a canvas per
 * chart. The JSON for the charts is a data block (`type="application/json"`), which a browser
 * never runs; `</` is escaped so no value can close it.
 */
export function reportBody(r: TransparencyReport): string {
  const data = JSON.stringify(r).replace(/</g, '\\u003c');
  return `<h1>Transparency report</h1>
<p>${esc(r.period.from)} to ${esc(r.period.to)}. Computed from ${r.audit.entries} audit entries (seq ${esc(r.audit.firstSeq)}–${esc(r.audit.lastSeq)}, last hash <code>${esc(r.audit.lastHash)}</code>) and the store.</p>
<script type="application/json" id="transparency-data">${data}</script>
<h2>Alerts by category</h2><canvas id="chart-alerts" width="640" height="220" aria-label="Alerts by category"></canvas>${table(r.alertsByCategory)}
<h2>Gate decisions by reason</h2><canvas id="chart-gate" width="640" height="220" aria-label="Gate decisions by reason"></canvas>${table(r.gateDecisionsByReason)}
<h2>Accounts and reports</h2>${table({ 'accounts restricted': r.accounts.restricted, 'accounts removed': r.accounts.removed, 'CyberTipline reports filed': r.cybertiplineReportsFiled, 'appeals received': r.appeals.received })}
<h2>Reviewer decisions</h2><canvas id="chart-decisions" width="640" height="220" aria-label="Reviewer decisions"></canvas>${table({ ...r.reviewerDecisions, 'reversals of automated actions': r.reversals })}
<h2>Median times</h2>${table({ 'first signal to action': r.medianSignalToActionMs, 'case opened to decision': r.dsa.medianTimes.caseOpenedToDecisionMs }, ms)}
<h2>Decoy exposure</h2><p>${r.decoys.active} decoy accounts, ${r.decoys.contacts} unconnected adults who made contact; median time to action ${ms(r.decoys.medianTimeToActionMs)}.</p><canvas id="chart-decoys" width="640" height="220" aria-label="Share of decoy contacts by stage"></canvas>${table(r.decoys.stageShares, pct)}
<h2>EU Digital Services Act (Art. 15 and 24)</h2>
<h3>Own-initiative measures by type</h3><canvas id="chart-measures" width="640" height="220" aria-label="Own-initiative measures by type"></canvas>${table(r.dsa.ownInitiativeMeasuresByType)}
${table({ 'detected by automated means (alerts)': r.dsa.automatedDetection.alerts, 'decided by automated means': r.dsa.decisions.fullyAutomated, 'decided by people': r.dsa.decisions.human, 'reviewed (confirmed or dismissed)': r.dsa.accuracy.reviewed })}
<h3>Accuracy of automated means</h3>${table({ accuracy: r.dsa.accuracy.accuracyRate, 'error rate': r.dsa.accuracy.errorRate }, pct)}`;
}

/** A standalone page (the CLI's `--format html`): the library and the chart script inlined, so the file opens anywhere offline. */
export function reportHtml(r: TransparencyReport): string {
  const inline = (js: string) => `<script>${js.replace(/<\/script/gi, '<\\/script')}</script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Warden transparency report</title>
<style>body{font:14px/1.45 system-ui,sans-serif;max-width:960px;margin:1rem auto;padding:0 1rem}table{border-collapse:collapse;margin:.5rem 0}th,td{text-align:left;padding:.2rem .6rem;border-bottom:1px solid #ddd}.muted{color:#666}</style>
</head><body>${reportBody(r)}${inline(chartJsSource())}${inline(TRANSPARENCY_JS)}</body></html>`;
}
