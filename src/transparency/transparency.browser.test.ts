import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createReviewer } from '../console/reviewer-store.js';
import { createApiKey } from '../server/api-key-store.js';
import { startServer, type RunningServer } from '../server/start-server.js';
import { CHROMIUM, SKIP_WITHOUT_CHROMIUM } from '../testing/chromium.js';
import { adult, at, minor, nextId, silentLogger, testConfig } from '../testing/events.js';
import type { TransparencyReport } from './transparency-report.js';

// Run inside the page, where the DOM exists; declared loosely so the Node build needs no DOM lib.
declare const document: {
  querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null; toDataURL(): string }>;
  querySelector(s: string): { textContent: string | null } | null;
};

const PASSWORD = 'correct horse battery staple';
const PERIOD = 'from=2026-01-01&to=2027-01-01';

/** Issue 19: the transparency page renders its charts in a real browser, under the console's CSP, and shows the store's totals. */
describe('transparency page in Chromium', { skip: SKIP_WITHOUT_CHROMIUM }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'warden-transparency-ui-'));
  let server: RunningServer;
  let browser: Browser;
  let report: TransparencyReport;

  before(async () => {
    server = await startServer(testConfig({ store: { url: join(dir, 'w.db') }, server: { port: 0 } }), silentLogger());
    const db = server.store.db;
    await createReviewer(db, { username: 'ana', displayName: 'Ana', roles: ['reviewer'], password: PASSWORD });
    await createReviewer(db, { username: 'cara', displayName: 'Cara', roles: ['reviewer', 'child_safety'], password: PASSWORD });
    const admin = (await createApiKey(db, 'test', 'admin')).key;
    const call = async (method: string, path: string, body?: unknown) => {
      const r = await fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${admin}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      assert.ok(r.ok, `${method} ${path}: ${r.status}`);
      return r;
    };
    await call('POST', '/v1/events', [adult('ui_a'), minor('ui_k'), minor('ui_dk')]);
    await call('PUT', '/v1/admin/decoys/ui_dk', {});
    const say = (to: string, text: string, minute: number) => ({
      id: nextId(),
      type: 'message.sent',
      ts: at(minute),
      message: { id: nextId(), conversationId: `c_${to}`, from: 'ui_a', to: [to], text },
    });
    await call('POST', '/v1/events', [
      say('ui_k', 'i have your pics', 10),
      say('ui_k', 'pay me $100 in a gift card, you have 30 minutes', 11),
      say('ui_dk', 'how old are you?', 12),
    ]);
    // The server's rule runner turns the alerts into cases and actions on its own.
    for (let i = 0; i < 100; i++) {
      const acts = (await (await call('GET', '/v1/actions')).json()) as { actions: unknown[] };
      if (acts.actions.length >= 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    report = (await (await call('GET', `/v1/transparency?${PERIOD}`)).json()) as TransparencyReport;
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const signIn = async (username: string): Promise<Page> => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/console`);
    await page.fill('#username', username);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(/\/console$/), page.click('button[type=submit]')]);
    return page;
  };

  it('draws every chart with the locally served library, with no CSP violation or script error', async () => {
    const page = await signIn('cara');
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    const res = await page.goto(`${server.url}/console/transparency?${PERIOD}`);
    assert.equal(res!.status(), 200);
    assert.match(res!.headers()['content-security-policy']!, /script-src 'self'/);
    await page.waitForSelector('body[data-charts="ready"]', { state: 'attached', timeout: 15_000 }).catch((e: unknown) => {
      throw new Error(`charts never ready: ${problems.join(' | ')}`, { cause: e });
    });
    const canvases = await page.evaluate(() =>
      Array.from(document.querySelectorAll('canvas')).map((c) => ({
        rendered: c.getAttribute('data-rendered'),
        png: c.toDataURL().length,
      })),
    );
    assert.equal(canvases.length, 5);
    assert.ok(
      canvases.every((c) => c.rendered !== null),
      JSON.stringify(canvases),
    );
    // A blank 640×220 canvas encodes to a few hundred bytes; bars and axes to far more.
    assert.ok(
      canvases.filter((c) => Number(c.rendered) > 0).every((c) => c.png > 2000),
      JSON.stringify(canvases),
    );
    assert.deepEqual(problems, []);
    for (const [category, n] of Object.entries(report.alertsByCategory)) {
      const cell = await page.textContent(`td[data-key="${category}"]`);
      assert.equal(cell, String(n), category);
    }
    assert.equal(await page.textContent('td[data-key="accounts restricted"]'), String(report.accounts.restricted));
    assert.ok(report.alertsByCategory.decoy_contact === 1 && report.accounts.restricted === 1, JSON.stringify(report));
    assert.ok(!(await page.content()).includes('ui_dk'), 'no decoy is named');
  });

  it('is not there for a reviewer outside the child-safety team', async () => {
    const page = await signIn('ana');
    const res = await page.goto(`${server.url}/console/transparency?${PERIOD}`);
    assert.equal(res!.status(), 404);
  });
});
