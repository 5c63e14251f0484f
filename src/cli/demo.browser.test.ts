import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, SKIP_WITHOUT_CHROMIUM } from '../testing/chromium.js';

const CLI = fileURLToPath(new URL('./main.js', import.meta.url));

/*
 * `npm run demo` as a newcomer sees it (issue 19): the demo prints the console's address and
 * a reviewer login; signed in, the queue fills with cases about the simulated platform's
 * accounts (u0, u1, ...; the shipped scenario's are u_name) while the feed runs.
 */
describe('the live demo in Chromium', { skip: SKIP_WITHOUT_CHROMIUM }, () => {
  let browser: Browser | undefined;
  after(async () => {
    await browser?.close();
  });

  it('shows cases from the live simulator arriving in the console queue', async () => {
    const { NODE_TEST_CONTEXT: _runner, ...env } = process.env;
    const child = spawn(process.execPath, [CLI, 'demo', '--port', '0'], {
      env: { ...env, TMPDIR: mkdtempSync(join(tmpdir(), 'warden-demo-browser-')) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = once(child, 'exit');
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      const login = await new Promise<{ url: string; password: string }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the demo did not print its console: ${stderr}`)), 90_000);
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          const m = /Review console: (\S+)\s+\(username demo, password (\S+);/.exec(stdout);
          if (m && stdout.includes('Ctrl-C stops the demo.')) {
            clearTimeout(timer);
            resolve({ url: m[1]!, password: m[2]! });
          }
        });
      });
      assert.match(stdout, /simulated platform/);
      browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox'] });
      const page = await browser.newPage();
      await page.goto(login.url);
      await page.fill('#username', 'demo');
      await page.fill('#password', login.password);
      await Promise.all([page.waitForURL(/\/console$/), page.click('button[type=submit]')]);
      // The simulator's cases arrive over the next minute or so: reload until one is listed.
      let subjects: string[] = [];
      for (let i = 0; i < 120 && !subjects.some((s) => /^u\d+$/.test(s)); i++) {
        await new Promise((r) => setTimeout(r, 1000));
        await page.reload();
        subjects = await page.$$eval('table.cases tbody tr[data-href] td.subject', (tds) => tds.map((t) => (t.textContent ?? '').trim()));
      }
      assert.ok(
        subjects.some((s) => /^u\d+$/.test(s)),
        `a case about a simulated account is in the queue: ${subjects.join(', ')}`,
      );
      assert.ok(
        subjects.some((s) => s.startsWith('u_')),
        'the shipped scenario is still there',
      );
    } finally {
      child.kill('SIGINT');
      const stuck = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const [code] = (await exited) as [number | null];
      clearTimeout(stuck);
      assert.equal(code, 0, `the demo stopped cleanly on Ctrl-C: ${stderr}`);
    }
  });
});
