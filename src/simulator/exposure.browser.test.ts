import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, SKIP_WITHOUT_CHROMIUM } from '../testing/chromium.js';
import { exposureHtml } from './exposure-html.js';
import type { ExposureReport } from './exposure-report.js';
import { createInProcessTarget } from './in-process-target.js';
import { loadPhraseBank } from './phrase-bank.js';
import { runSimulation } from './run-simulation.js';
import { defaultStart } from './simulate.js';

// Run inside the page, where the DOM exists; declared loosely so the Node build needs no DOM lib.
declare const document: {
  querySelectorAll(s: string): ArrayLike<{ textContent: string | null; width: number; height: number; getContext(k: string): unknown }>;
  body: { dataset: Record<string, string> };
};

/*
 * The exposure page in a real browser: the table, and both charts drawn by the inlined
 * Chart.js with no request leaving the page (it must open offline, from a file).
 */
describe('exposure report page in Chromium', { skip: SKIP_WITHOUT_CHROMIUM }, () => {
  let browser: Browser;
  let file = '';

  before(async () => {
    const phrases = loadPhraseBank();
    const base = { accounts: 1000, days: 1, seed: 11, phrases, startMs: defaultStart(1) };
    const reports: ExposureReport[] = [await runSimulation({ ...base, mode: 'off' })];
    const target = await createInProcessTarget();
    try {
      reports.push(await runSimulation({ ...base, mode: 'live', target }));
    } finally {
      await target.close();
    }
    file = join(mkdtempSync(join(tmpdir(), 'warden-exposure-')), 'exposure.html');
    writeFileSync(file, exposureHtml(reports));
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox'] });
  });

  after(async () => {
    await browser?.close();
  });

  it('shows the side-by-side table and draws both charts, offline', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) outside.push(r.url());
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => document.body.dataset.charts === '2');
    assert.deepEqual(errors, []);
    assert.deepEqual(outside, [], 'nothing fetched from outside the page');
    const heads = await page.$$eval('#exposure-table thead th', (ths) => ths.map((t) => t.textContent));
    assert.deepEqual(heads, ['measure', 'off', 'live']);
    const rows = await page.$$eval('#exposure-table tbody th', (ths) => ths.map((t) => t.textContent));
    assert.ok(rows.includes('minors reached by offenders'));
    assert.ok(rows.includes('benign conversations touched'));
    // Each canvas has been painted: some pixel is not transparent.
    const painted = await page.evaluate(() =>
      Array.from(document.querySelectorAll('canvas')).map((c) => {
        const ctx = c.getContext('2d') as { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
        return ctx.getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0);
      }),
    );
    assert.deepEqual(painted, [true, true]);
  });
});
