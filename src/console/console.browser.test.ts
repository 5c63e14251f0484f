import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { createApiKey } from '../server/api-key-store.js';
import { startServer, type RunningServer } from '../server/start-server.js';
import { CHROMIUM, SKIP_WITHOUT_CHROMIUM } from '../testing/chromium.js';
import { adult, at, minor, nextId, silentLogger, testConfig } from '../testing/events.js';
import { createReviewer } from './reviewer-store.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/*
 * The console in a real browser (Debian's Chromium, driven by playwright-core): sign in,
 * keyboard navigation, claim, wellness blur and one-item reveal, decide, and the
 * child_safety restriction by URL and by API. The image is generated: abstract colour.
 */
// These run inside the page, where the DOM exists; declared loosely so the Node build needs no DOM lib.
declare const document: { querySelector(s: string): { getAttribute(n: string): string | null } | null };
declare function getComputedStyle(el: unknown): { filter: string };
declare const axe: {
  run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }>;
};
// axe-core, the standard accessibility checker, evaluated in the page over the DevTools
// protocol (the page's CSP rightly refuses an injected script tag).
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const dir = mkdtempSync(join(tmpdir(), 'warden-console-'));
const PASSWORD = 'correct horse battery staple';

describe('review console in Chromium', { skip: SKIP_WITHOUT_CHROMIUM }, () => {
  let server: RunningServer;
  let browser: Browser;
  let reviewerKey = '';
  let hashCaseId = '';

  before(async () => {
    const mediaRoot = join(dir, 'media');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(mediaRoot);
    const png = await sharp({ create: { width: 96, height: 64, channels: 3, background: { r: 30, g: 110, b: 190 } } })
      .png()
      .toBuffer();
    writeFileSync(join(mediaRoot, 'abstract.png'), png);
    // A second, unbanked image for the conversation case.
    writeFileSync(
      join(mediaRoot, 'other.png'),
      await sharp({ create: { width: 64, height: 96, channels: 3, background: { r: 200, g: 160, b: 40 } } })
        .png()
        .toBuffer(),
    );
    const sha = createHash('sha256').update(png).digest('hex');
    server = await startServer(
      testConfig({ store: { url: join(dir, 'console.db') }, server: { port: 0 }, media: { root: mediaRoot } }),
      silentLogger(),
    );
    const db = server.store.db;
    await createReviewer(db, { username: 'ana', displayName: 'Ana', roles: ['reviewer'], password: PASSWORD });
    await createReviewer(db, { username: 'cara', displayName: 'Cara', roles: ['reviewer', 'child_safety'], password: PASSWORD });
    const admin = (await createApiKey(db, 'test', 'admin')).key;
    reviewerKey = (await createApiKey(db, 'rev', 'reviewer')).key;
    const call = (method: string, path: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<Record<string, unknown>>);
    const bank = await call('POST', '/v1/banks', { name: 'known' });
    await call('POST', `/v1/banks/${bank.id as string}/entries`, [{ signalType: 'sha256', value: sha }]);
    const kids = ['k1', 'k2', 'k3', 'k4', 'k5'];
    const events = [
      adult('fan'),
      ...kids.map((k) => minor(k)),
      ...kids.map((k, i) => ({
        id: nextId(),
        type: 'message.sent',
        ts: at(10 + i),
        message: {
          id: `m${i}`,
          conversationId: `c_${k}`,
          from: 'fan',
          to: [k],
          text: `hey ${k}, how old are you? dont tell your parents we talk`,
          media: i === 0 ? [{ id: 'pic1', kind: 'image', path: 'other.png' }] : undefined,
        },
      })),
      adult('up'),
      { id: nextId(), type: 'media.uploaded', ts: at(30), media: { id: 'pic2', kind: 'image', owner: 'up', path: 'abstract.png' } },
    ];
    await call('POST', '/v1/events', events);
    // The rule runner is woken by the commit; wait for both cases.
    for (let i = 0; i < 200; i++) {
      const cases = await db.selectFrom('cases').select(['id', 'restricted']).execute();
      if (cases.length === 2) {
        hashCaseId = cases.find((c) => c.restricted === 1)!.id;
        break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    assert.ok(hashCaseId, 'both cases opened');
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox'] });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const signIn = async (username: string): Promise<Page> => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/console`);
    assert.match(page.url(), /\/console\/login$/);
    await page.fill('#username', username);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(/\/console$/), page.click('button[type=submit]')]);
    return page;
  };

  it('refuses a wrong password without saying which part was wrong', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/console/login`);
    await page.fill('#username', 'ana');
    await page.fill('#password', 'not the password');
    await page.click('button[type=submit]');
    assert.equal(await page.textContent('.error'), 'Wrong username or password.');
  });

  it('lets a reviewer work a case by keyboard: open, claim, reveal one item, decide', async () => {
    const page = await signIn('ana');
    const rows = page.locator('tr[data-href]');
    assert.equal(await rows.count(), 1, 'the known-image case is not listed for a reviewer without child_safety');
    await page.keyboard.press('j');
    await Promise.all([page.waitForURL(/\/console\/cases\//), page.keyboard.press('Enter')]);
    // The messages carry grooming cues, so the case sits in the grooming queue with the fan-out alert.
    assert.match((await page.textContent('h1'))!, /grooming|suspicious_adult/);
    assert.ok((await page.locator('.event.cue').count()) >= 1, 'cited messages are highlighted');
    assert.match((await page.textContent('.timeline'))!, /how old are you/);

    await Promise.all([page.waitForURL(/msg=claimed/), page.keyboard.press('c')]);
    assert.equal(await page.textContent('.notice'), 'You hold this case.');

    const box = page.locator('.media').first();
    assert.equal(await box.locator('img').count(), 0, 'no bytes are loaded before a reveal');
    // Wellness (issue 17): first a server-blurred greyscale copy (not counted), then the full item.
    await box.locator('[data-reveal]').click();
    await box.locator('img').waitFor();
    assert.equal(await box.evaluate((el) => el.classList.contains('revealed')), true);
    assert.equal(await box.locator('img').evaluate((el) => getComputedStyle(el).filter), 'none', 'no CSS blur: the bytes are blurred');
    assert.equal(await page.textContent('#exposure-count'), '0', 'a blurred preview is not counted');
    await box.locator('[data-reveal-full]').click();
    await page.locator('#exposure-count', { hasText: /^1$/ }).waitFor();
    assert.ok(await box.evaluate((el) => el.classList.contains('full')));
    await box.locator('[data-rehide]').click();
    assert.equal(await box.locator('img').count(), 0, 'hidden again');
    assert.equal(await box.evaluate((el) => el.classList.contains('revealed')), false);

    await page.reload();
    const again = page.locator('.media').first();
    assert.equal(await again.evaluate((el) => el.classList.contains('revealed')), false, 'a reveal never persists');
    assert.equal(await again.locator('img').count(), 0);
    assert.equal(await page.textContent('#exposure-count'), '1', 'the daily counter does');

    await page.selectOption('select[name=category]', 'grooming');
    await Promise.all([page.waitForURL(/msg=decided/), page.keyboard.press('y')]);
    assert.match((await page.textContent('h1'))!, /closed/);
    const audit = await server.store.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('action', 'in', ['media.revealed', 'case.confirmed', 'case.claimed'])
      .execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['case.claimed', 'case.confirmed', 'media.revealed']);
    assert.ok(audit.every((a) => a.actor.startsWith('reviewer:rev_')));
  });

  it('keeps the known-image case from a reviewer without child_safety, by URL and by API', async () => {
    const page = await signIn('ana');
    const res = await page.goto(`${server.url}/console/cases/${hashCaseId}`);
    assert.equal(res!.status(), 404);
    const api = await fetch(`${server.url}/v1/cases/${hashCaseId}`, { headers: { authorization: `Bearer ${reviewerKey}` } });
    assert.equal(api.status, 404);
    const reveal = await page.evaluate(async (url) => {
      const csrf = document.querySelector('meta[name="csrf-token"]')!.getAttribute('content')!;
      return (await fetch(url, { method: 'POST', headers: { 'x-csrf-token': csrf } })).status;
    }, `${server.url}/console/cases/${hashCaseId}/media/x/pic2`);
    assert.equal(reveal, 404);
    const refused = await server.store.db
      .selectFrom('audit_log')
      .select(['actor', 'target_id'])
      .where('action', '=', 'case.access_refused')
      .execute();
    assert.ok(refused.length >= 2, 'the console attempt and the API attempt are audited');
    assert.ok(refused.every((r) => r.target_id === hashCaseId));
    assert.ok(refused.some((r) => r.actor.startsWith('reviewer:')) && refused.some((r) => r.actor.startsWith('key:')));
  });

  it('shows it to a child_safety reviewer, media blurred until revealed', async () => {
    const page = await signIn('cara');
    assert.equal(await page.locator('tr[data-href]').count(), 1, 'the open known-image case (the other is closed)');
    await page.goto(`${server.url}/console/cases/${hashCaseId}`);
    assert.match((await page.textContent('h1'))!, /csam_hash_match/);
    assert.match((await page.textContent('body'))!, /known #\d+ \(sha256, distance 0\)/);
    const box = page.locator('.media').first();
    await box.locator('[data-reveal]').click();
    await box.locator('img').waitFor();
    assert.equal(await page.textContent('#exposure-count'), '0', 'blurred first');
    await box.locator('[data-reveal-full]').click();
    await page.locator('#exposure-count', { hasText: /^1$/ }).waitFor();
  });

  it('refuses a change without the CSRF token', async () => {
    const page = await signIn('cara');
    const status = await page.evaluate(
      async (url) =>
        (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' })).status,
      `${server.url}/console/cases/${hashCaseId}/claim`,
    );
    assert.equal(status, 403);
    const row = await server.store.db.selectFrom('cases').select('claimed_by').where('id', '=', hashCaseId).executeTakeFirst();
    assert.equal(row!.claimed_by, null);
  });

  it('works on a 390 px phone, with shortcuts that can be turned off, no console errors and no serious axe violations', async () => {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await page.goto(`${server.url}/console/login`);
    await page.fill('#username', 'cara');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(/\/console$/), page.click('button[type=submit]')]);
    const fits = async (what: string) => {
      const w = await page.evaluate(
        () => (document as unknown as { documentElement: { scrollWidth: number } }).documentElement.scrollWidth,
      );
      assert.ok(w <= 390, `${what} is ${w} px wide on a 390 px screen`);
    };
    const serious = async (what: string) => {
      await page.evaluate(AXE);
      const r = await page.evaluate(() =>
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
      );
      const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(
        bad.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`),
        [],
        `${what}: serious axe-core violations`,
      );
    };
    // The key that threw: '[data-key="""]' is not a valid selector.
    await page.keyboard.type('"');
    await page.keyboard.type('\\');
    await fits('the queue');
    await serious('the queue');

    await page.goto(`${server.url}/console/cases/${hashCaseId}`);
    await fits('the case page');
    await serious('the case page');
    // WCAG 2.1.4: off, a single key does nothing; the choice is kept; on again, it works.
    const toggle = page.locator('#shortcuts-toggle');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await page.reload();
    assert.equal(await page.locator('#shortcuts-toggle').getAttribute('aria-pressed'), 'false', 'kept across pages');
    await page.locator('h1').click();
    await page.keyboard.press('q');
    await page.waitForTimeout(300);
    assert.match(page.url(), /\/console\/cases\//, 'q did not leave the page');
    await page.locator('#shortcuts-toggle').click();
    await Promise.all([page.waitForURL(/\/console$/), page.keyboard.press('q')]);

    // A report page: claim and confirm the known-image case; the policy drafts its report.
    await page.goto(`${server.url}/console/cases/${hashCaseId}`);
    await Promise.all([page.waitForURL(/msg=claimed/), page.click('button[data-key=c]')]);
    await page.selectOption('select[name=category]', 'csam');
    await Promise.all([page.waitForURL(/msg=decided/), page.click('#confirm')]);
    let reportId: string | undefined;
    for (let i = 0; i < 200 && !reportId; i++) {
      reportId = (await server.store.db.selectFrom('cybertip_reports').select('id').where('case_id', '=', hashCaseId).executeTakeFirst())
        ?.id;
      if (!reportId) await new Promise((r) => setTimeout(r, 25));
    }
    assert.ok(reportId, 'the policy drafted the report');
    await page.goto(`${server.url}/console/reports/${reportId}`);
    assert.equal(await page.locator('form.report-form').count(), 1);
    await fits('the report editor');
    await serious('the report editor');
    await page.goto(`${server.url}/console/reports`);
    await fits('the reports list');
    await serious('the reports list');
    // Issue 17, part B: work management and investigation pages.
    for (const [what, url] of [
      ['my cases', '/console/mine'],
      ['search', '/console/search?q=fan'],
      ['search by words', '/console/search?q=how+old'],
    ] as const) {
      await page.goto(`${server.url}${url}`);
      await fits(what);
      await serious(what);
    }
    assert.match((await page.textContent('main'))!, /Cases \([1-9]/, 'cited words find the cases');
    assert.deepEqual(problems, [], 'no errors in the console (CSP violations included)');
  });
});
