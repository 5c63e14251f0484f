import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BENIGN_KINDS, OFFENDER_STAGES } from './phrase-bank.js';
import type { ExposureReport } from './exposure-report.js';

/** Chart.js (MIT), inlined from the installed package: the page opens offline and fetches nothing. */
function chartJs(): string {
  const main = createRequire(import.meta.url).resolve('chart.js');
  return readFileSync(join(dirname(main), 'chart.umd.min.js'), 'utf8');
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON inside a script element: `<` escaped so no string in it can close the element. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

const DRAW = `
const reports = JSON.parse(document.getElementById('exposure-data').textContent);
const modes = reports.map((r) => r.mode);
const colours = { off: '#8a94a6', shadow: '#d9a400', live: '#1f5fbf' };
const bar = (id, labels, datasets) => new Chart(document.getElementById(id), {
  type: 'bar', data: { labels, datasets },
  options: { animation: false, responsive: true, plugins: { legend: { position: 'bottom' } }, scales: { y: { beginAtZero: true } } },
});
const stages = Object.keys(reports[0].stages);
bar('chart-stages', stages.map((s) => s.replace('_', ' ')), reports.map((r) => ({ label: r.mode, backgroundColor: colours[r.mode], data: stages.map((s) => r.stages[s]) })));
bar('chart-exposure', ['minors contacted by unconnected adults', 'minors reached by offenders', 'benign conversations touched'],
  reports.map((r) => ({ label: r.mode, backgroundColor: colours[r.mode], data: [r.minorsContactedByUnconnectedAdults, r.minorsReachedByOffenders, r.benign.touched] })));
document.body.dataset.charts = String(Chart.instances ? Object.keys(Chart.instances).length : 0);
`;

/** The exposure report as one self-contained HTML page: a table a screen reader can read, and two charts. */
export function exposureHtml(reports: readonly ExposureReport[]): string {
  const r0 = reports.find((r) => r.target !== 'none') ?? reports[0]!;
  const row = (label: string, f: (r: ExposureReport) => string | number) =>
    `<tr><th scope="row">${esc(label)}</th>${reports.map((r) => `<td>${esc(String(f(r)))}</td>`).join('')}</tr>`;
  const minutes = (v: number | null) => (v === null ? '-' : Math.round(v));
  const rows = [
    row('events sent to Warden', (r) => r.events.sent),
    row('alerts raised', (r) => r.alerts),
    row('gate: allow / warn / block', (r) => `${r.gate.allow} / ${r.gate.warn} / ${r.gate.block}`),
    row('minors contacted by unconnected adults', (r) => r.minorsContactedByUnconnectedAdults),
    row('minors reached by offenders', (r) => r.minorsReachedByOffenders),
    row('offender conversations', (r) => r.offenderConversations),
    ...OFFENDER_STAGES.map((s) => row(`reached ${s.replace('_', ' ')}`, (r) => r.stages[s])),
    row('offenders acted on / active', (r) => `${r.intervention.offendersActedOn} / ${r.intervention.offendersActive}`),
    row('time to intervention, median (simulated minutes)', (r) => minutes(r.intervention.medianMinutes)),
    row('time to intervention, p90 (simulated minutes)', (r) => minutes(r.intervention.p90Minutes)),
    row('benign conversations touched', (r) => `${r.benign.touched} of ${r.benign.conversations} (${(100 * r.benign.share).toFixed(1)}%)`),
    ...BENIGN_KINDS.map((k) =>
      row(`benign touched: ${k.replace('_', ' ')}`, (r) => `${r.benign.byKind[k].touched} of ${r.benign.byKind[k].conversations}`),
    ),
    row('benign accounts acted on', (r) => r.benign.accountsActedOn),
    row(
      'decoy contacts (offenders)',
      (r) => `${r.decoys.contacts} (${r.decoys.offendersContacting})${r.decoys.marked === false ? ', decoy API absent' : ''}`,
    ),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Warden exposure report</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font: 14px/1.45 system-ui, sans-serif; color: #1d2430; margin: 0 auto; max-width: 1100px; padding: 1rem; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #d9dee7; }
td { text-align: right; font-variant-numeric: tabular-nums; } .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: .3rem; }
</style></head>
<body>
<main>
<h1>Exposure report</h1>
<p>${esc(`${r0.accounts} synthetic accounts (${r0.minors} minors), ${r0.days} simulated days, seed ${r0.seed}, Warden ${r0.target}.`)}
The same platform and the same seed, run once per mode. Counts are the simulator's ground truth.</p>
<table id="exposure-table"><thead><tr><th scope="col">measure</th>${reports.map((r) => `<th scope="col">${esc(r.mode)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<div class="charts">
<figure><figcaption id="stages-caption">Offender conversations reaching each stage</figcaption><canvas id="chart-stages" role="img" aria-labelledby="stages-caption"></canvas></figure>
<figure><figcaption id="exposure-caption">Children exposed and benign conversations touched</figcaption><canvas id="chart-exposure" role="img" aria-labelledby="exposure-caption"></canvas></figure>
</div>
</main>
<script type="application/json" id="exposure-data">${scriptJson(reports)}</script>
<script>${chartJs().replace(/<\/script/gi, '<\\/script')}</script>
<script>${DRAW}</script>
</body></html>
`;
}
