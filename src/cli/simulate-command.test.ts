import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('./main.js', import.meta.url));

describe('warden simulate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warden-simulate-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--compare off,shadow,live prints the side-by-side report and writes it as JSON and HTML', () => {
    const json = join(dir, 'exposure.json');
    const html = join(dir, 'exposure.html');
    const r = spawnSync(
      process.execPath,
      [CLI, 'simulate', '--compare', 'off,shadow,live', '--accounts', '1500', '--days', '1', '--seed', '3', '--json', json, '--html', html],
      { encoding: 'utf8', timeout: 240_000 },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^1,500 accounts \(\d+ minors\), 1 simulated days, seed 3, Warden in-process$/m);
    assert.match(r.stdout, /^measure +off +shadow +live$/m);
    for (const row of [
      'minors contacted by unconnected adults',
      'minors reached by offenders',
      'time to intervention, median',
      'benign conversations touched',
    ])
      assert.match(r.stdout, new RegExp(`^${row}.*$`, 'm'), row);
    // Off sends nothing; shadow and live send the same platform's events.
    assert.match(r.stdout, /^events sent to Warden +0 +[\d,]+ +[\d,]+$/m);
    const reports = JSON.parse(readFileSync(json, 'utf8')) as { mode: string; seed: number; minorsReachedByOffenders: number }[];
    assert.deepEqual(
      reports.map((x) => x.mode),
      ['off', 'shadow', 'live'],
    );
    assert.equal(reports[1]!.minorsReachedByOffenders, reports[0]!.minorsReachedByOffenders, 'shadow changes nothing on the platform');
    const page = readFileSync(html, 'utf8');
    assert.match(page, /<canvas id="chart-stages"/);
    assert.match(page, /benign touched: teacher/);
  });
});
