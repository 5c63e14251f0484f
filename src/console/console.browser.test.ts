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

/*
 * The console in a real browser (Debian's Chromium, driven by playwright-core): sign in,
 * keyboard navigation, claim, wellness blur and one-item reveal, decide, and the
 * child_safety restriction by URL and by API. The image is generated: abstract colour.
 */
// These run inside the page, where the DOM exists; declared loosely so the Node build needs no DOM lib.
declare const document: { querySelector(s: string): { getAttribute(n: string): string | null } | null };
declare function getComputedStyle(el: unknown): { filter: string };

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
    await box.locator('[data-reveal]').click();
    await box.locator('img').waitFor();
    assert.equal(await box.evaluate((el) => el.classList.contains('revealed')), true);
    assert.equal(await box.locator('img').evaluate((el) => getComputedStyle(el).filter), 'none');
    assert.equal(await page.textContent('#exposure-count'), '1');

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
    assert.equal(await page.textContent('#exposure-count'), '1');
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
});
