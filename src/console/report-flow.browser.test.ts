import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createNcmecSimulator, type NcmecSimulator } from '../reporting/ncmec/simulator.js';
import { createApiKey } from '../server/api-key-store.js';
import { startServer, type RunningServer } from '../server/start-server.js';
import { CHROMIUM, SKIP_WITHOUT_CHROMIUM } from '../testing/chromium.js';
import { adult, at, minor, silentLogger, testConfig } from '../testing/events.js';
import { NCMEC_XSD, SKIP_WITHOUT_NCMEC_XSD } from '../testing/ncmec-xsd.js';
import { createReviewer } from './reviewer-store.js';

/*
 * Issue 17, done when: the whole flow in Chromium, at 1280x800 and 390x844. Sign in, work a
 * case, draft, complete, approve by a second reviewer, submit to the NCMEC simulator (what
 * `warden ncmec-sim` runs), and recover a report stopped at needs_attention, with no console
 * errors and no serious axe-core violations. Synthetic, non-graphic cues only.
 */
declare const document: unknown;
declare const axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null }[] }> };
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PASSWORD = 'correct horse battery staple';
const dir = mkdtempSync(join(tmpdir(), 'warden-flow-'));

describe('the whole review and reporting flow in Chromium', { skip: SKIP_WITHOUT_CHROMIUM || SKIP_WITHOUT_NCMEC_XSD }, () => {
  let server: RunningServer;
  let sim: NcmecSimulator;
  let browser: Browser;

  before(async () => {
    sim = await createNcmecSimulator({ schema: NCMEC_XSD!.text, username: 'esp', password: 'sim-secret' });
    await sim.app.listen({ port: 0, host: '127.0.0.1' });
    const simUrl = `http://127.0.0.1:${(sim.app.server.address() as AddressInfo).port}`;
    server = await startServer(
      testConfig({
        store: { url: join(dir, 'flow.db') },
        server: { port: 0 },
        reporting: { testBaseUrl: simUrl, testUsername: 'esp', testPassword: 'sim-secret', timeoutMs: 8000, platform: 'Example Social' },
      }),
      silentLogger(),
    );
    const db = server.store.db;
    await createReviewer(db, { username: 'lee', displayName: 'Lee', roles: ['child_safety'], password: PASSWORD });
    await createReviewer(db, { username: 'kim', displayName: 'Kim', roles: ['child_safety', 'legal'], password: PASSWORD });
    const ingest = (await createApiKey(db, 'ingest', 'ingest')).key;
    let n = 0;
    const say = (from: string, to: string, text: string, minute: number) => ({
      id: `fm${++n}`,
      type: 'message.sent',
      ts: at(minute),
      message: { id: `fm${n}`, conversationId: `c_${from < to ? from : to}`, from, to: [to], text },
    });
    const events = [
      { ...adult('adult_a'), account: { id: 'adult_a', ageBand: 'adult', handle: 'sunny_day' } },
      { ...adult('adult_b'), account: { id: 'adult_b', ageBand: 'adult', handle: 'moon_walk' } },
      { ...minor('kid_a'), account: { id: 'kid_a', ageBand: '13-15', handle: 'kid_a' } },
      { ...minor('kid_b'), account: { id: 'kid_b', ageBand: '13-15', handle: 'kid_b' } },
      say('adult_a', 'kid_a', 'how old are you btw?', 2),
      say('kid_a', 'adult_a', 'please stop', 3),
      say('adult_a', 'kid_a', "don't tell your parents we talk", 4),
      say('adult_b', 'kid_b', 'how old are you btw?', 5),
      say('adult_b', 'kid_b', 'keep this between us ok? delete this chat', 6),
    ];
    const r = await fetch(`${server.url}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ingest}`, 'content-type': 'application/json' },
      body: JSON.stringify(events),
    });
    assert.equal(r.status, 200, await r.text());
    for (let i = 0; i < 200 && (await db.selectFrom('cases').select('id').execute()).length < 2; i++)
      await new Promise((res) => setTimeout(res, 25));
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await sim?.close();
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    const subject = viewport.width === 1280 ? 'adult_a' : 'adult_b';
    it(`works a case to a filed report${viewport.width === 390 ? ', recovering a stopped submission,' : ''} at ${viewport.width}x${viewport.height}`, async () => {
      const problems: string[] = [];
      const signIn = async (username: string): Promise<Page> => {
        const page = await (await browser.newContext({ viewport })).newPage();
        page.on('pageerror', (e) => problems.push(`${username} pageerror: ${e.message}`));
        page.on('console', (m) => {
          // A refused page (the four-eyes 403) and Chromium's own /favicon.ico 404 are network
          // statuses, not errors of the page; script errors and CSP refusals are.
          if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`${username} console: ${m.text()}`);
        });
        await page.goto(`${server.url}/console/login`);
        await page.fill('#username', username);
        await page.fill('#password', PASSWORD);
        await Promise.all([page.waitForURL(/\/console$/), page.click('button[type=submit]')]);
        return page;
      };
      const checked = async (page: Page, what: string) => {
        await page.evaluate(AXE);
        const r = await page.evaluate(() =>
          axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
        );
        const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
        assert.deepEqual(bad, [], `${what} at ${viewport.width} px: serious axe-core violations`);
        const w = await page.evaluate(() => (document as { documentElement: { scrollWidth: number } }).documentElement.scrollWidth);
        assert.ok(w <= viewport.width, `${what} is ${w} px wide at ${viewport.width} px`);
      };
      const db = server.store.db;
      const caseId = (await db.selectFrom('cases').select('id').where('subject_account', '=', subject).executeTakeFirstOrThrow()).id;

      // Lee works the case: open, claim, confirm with a note.
      const lee = await signIn('lee');
      await checked(lee, 'the queue');
      await lee.goto(`${server.url}/console/cases/${caseId}`);
      await checked(lee, 'the case page');
      await Promise.all([lee.waitForURL(/msg=claimed/), lee.click('button[data-key=c]')]);
      await lee.selectOption('select[name=category]', 'grooming');
      await lee.locator('form:has(#confirm) input[name=note]').fill('Asked the child to keep it secret.');
      await Promise.all([lee.waitForURL(/msg=decided/), lee.click('#confirm')]);
      // The policy drafts the report; Lee completes it in the form.
      let reportId: string | undefined;
      for (let i = 0; i < 200 && !reportId; i++) {
        reportId = (await db.selectFrom('cybertip_reports').select('id').where('case_id', '=', caseId).executeTakeFirst())?.id;
        if (!reportId) await new Promise((res) => setTimeout(res, 25));
      }
      assert.ok(reportId, 'drafted');
      const reportUrl = `${server.url}/console/reports/${reportId}`;
      await lee.goto(reportUrl);
      await checked(lee, 'the report editor');
      await lee.fill('#f-reporter-reportingPerson-email', 'cybertip@social.example');
      await Promise.all([lee.waitForURL(reportUrl), lee.click('button[value=save]')]);
      await lee.click('button[value=approve]');
      assert.match((await lee.textContent('[role=alert]'))!, /another reviewer approves it/, 'four eyes');

      // Kim approves; the submitter files it with the simulator.
      const sim1 = sim.reports.size;
      if (viewport.width === 390) sim.failNext('submit', 'timeout');
      const kim = await signIn('kim');
      await kim.goto(reportUrl);
      await Promise.all([kim.waitForURL(reportUrl), kim.click('button[value=approve]')]);
      let status = '';
      for (let i = 0; i < 800 && !['submitted', 'needs_attention', 'failed'].includes(status); i++) {
        status = (await db.selectFrom('cybertip_reports').select('status').where('id', '=', reportId!).executeTakeFirstOrThrow()).status;
        if (!['submitted', 'needs_attention', 'failed'].includes(status)) await new Promise((res) => setTimeout(res, 25));
      }
      if (viewport.width === 1280) {
        assert.equal(status, 'submitted');
        assert.equal(sim.reports.size, sim1 + 1);
      } else {
        // The /submit went unanswered: stopped, listed, noticed; Lee records "not received", Kim signs off.
        assert.equal(status, 'needs_attention');
        await lee.goto(`${server.url}/console/reports?status=needs_attention`);
        await checked(lee, 'the reports list');
        assert.match((await lee.textContent('a[href="/console/notices"]'))!, /Notices \([1-9]\d*\)/);
        await lee.goto(reportUrl);
        await checked(lee, 'a stopped report');
        await Promise.all([lee.waitForURL(reportUrl), lee.click('text=NCMEC does not have it: submit again')]);
        await kim.goto(reportUrl);
        await Promise.all([kim.waitForURL(reportUrl), kim.click('button[value=confirm]')]);
        for (let i = 0; i < 800 && status !== 'submitted'; i++) {
          status = (await db.selectFrom('cybertip_reports').select('status').where('id', '=', reportId!).executeTakeFirstOrThrow()).status;
          if (status !== 'submitted') await new Promise((res) => setTimeout(res, 25));
        }
        assert.equal(status, 'submitted');
      }
      await kim.goto(reportUrl);
      assert.match((await kim.textContent('h1'))!, /· submitted/);
      assert.equal(await kim.locator('dd.overdue').count(), 0, 'a filed report shows no last error');
      await checked(kim, 'a filed report');
      assert.deepEqual(problems, [], 'no errors in the browser console');
    });
  }
});
