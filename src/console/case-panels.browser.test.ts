import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApiKey } from '../server/api-key-store.js';
import { startServer, type RunningServer } from '../server/start-server.js';
import { CHROMIUM, SKIP_WITHOUT_CHROMIUM } from '../testing/chromium.js';
import { actionRowOf, caseRow } from '../testing/case-rows.js';
import { silentLogger, testConfig } from '../testing/events.js';
import { createReviewer } from './reviewer-store.js';

/*
 * Issue 17, part A, in Chromium at 1280x800 and 390x844: enforcement buttons on the case page,
 * the appeal queue and its decision form, evidence with the legal export. No console errors
 * (the CSP included) and no serious axe-core violations on any of these pages.
 */
declare const document: unknown;
declare const axe: {
  run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }>;
};
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PASSWORD = 'correct horse battery staple';
const dir = mkdtempSync(join(tmpdir(), 'warden-panels-'));

describe('enforcement, appeals and evidence in Chromium (issue 17)', { skip: SKIP_WITHOUT_CHROMIUM }, () => {
  let server: RunningServer;
  let browser: Browser;
  let ingestKey = '';
  before(async () => {
    server = await startServer(
      testConfig({
        store: { url: join(dir, 'panels.db') },
        server: { port: 0 },
        evidence: {
          keys: `k1:${randomBytes(32).toString('base64')}`,
          signingKey: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        },
      }),
      silentLogger(),
    );
    const db = server.store.db;
    await createReviewer(db, { username: 'lee', displayName: 'Lee', roles: ['child_safety'], password: PASSWORD });
    await createReviewer(db, { username: 'kim', displayName: 'Kim', roles: ['legal'], password: PASSWORD });
    ingestKey = (await createApiKey(db, 'platform', 'ingest')).key;
    const now = Date.now();
    await db
      .insertInto('cases')
      .values(
        caseRow('case_b', 'u_adult', now, { status: 'open', outcome: null, outcome_category: null, closed_ms: null, closed_by: null }),
      )
      .execute();
    await db
      .insertInto('actions')
      .values([
        actionRowOf('act_p', 'case_b', 'u_adult', 'restrict_messaging_minors', 'pending', now),
        actionRowOf('act_d', 'case_b', 'u_adult', 'remove_content', 'delivered', now),
        actionRowOf('act_f', 'case_b', 'u_adult', 'hide_from_minors', 'failed', now),
      ])
      .execute();
    await server.services.evidence.preserve('case_b', 'before the report', 'reviewer:lee');
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (username: string, width: number, height: number) => {
    const page = await (await browser.newContext({ viewport: { width, height }, acceptDownloads: true })).newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()} (${m.location().url})`);
    });
    await page.goto(`${server.url}/console/login`);
    await page.fill('#username', username);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(/\/console$/), page.click('button[type=submit]')]);
    return { page, problems };
  };
  const check = async (page: Page, width: number, what: string) => {
    const w = await page.evaluate(() => (document as { documentElement: { scrollWidth: number } }).documentElement.scrollWidth);
    const wide = await page.evaluate(
      (max) =>
        [
          ...(
            document as {
              querySelectorAll(
                s: string,
              ): Iterable<{ getBoundingClientRect(): { right: number }; tagName: string; className: string; textContent: string }>;
            }
          ).querySelectorAll('body *'),
        ]
          .filter((e) => e.getBoundingClientRect().right > max)
          .slice(-3)
          .map((e) => `${e.tagName}.${e.className}: ${e.textContent.slice(0, 60)}`),
      width,
    );
    assert.ok(w <= width, `${what} is ${w} px wide on a ${width} px screen: ${wide.join(' | ')}`);
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

  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const)
    it(`works a case's enforcement and an appeal at ${width}x${height}`, async () => {
      const { page, problems } = await open('lee', width, height);
      await page.goto(`${server.url}/console/cases/case_b`);
      await check(page, width, 'the case page');
      if (width === 390) {
        await page.fill('#enforcement input[name=reason]', 'the platform acted already');
        await Promise.all([
          page.waitForURL(/msg=action_cancelled/),
          page.click('#enforcement button:has-text("Cancel before it is sent")'),
        ]);
        assert.match((await page.textContent('[role=status]')) ?? '', /cancelled before it was sent/);
        await page.selectOption('#enforcement select[name=type]', 'suspend_account');
        await page.fill('#enforcement form:has(select) input[name=reason]', 'repeated payment demands');
        await Promise.all([page.waitForURL(/msg=action_requested/), page.click('#enforcement button:has-text("Request action")')]);
        assert.match((await page.textContent('#enforcement')) ?? '', /suspend_account · live · pending/);
      }
      const filed = await fetch(`${server.url}/v1/appeals`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ingestKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ appealId: `pl-${width}`, accountId: 'u_adult', actionId: 'act_d', statement: 'The post was a quote.' }),
      });
      assert.ok(filed.status === 201, await filed.text());
      await page.goto(`${server.url}/console/appeals`);
      await check(page, width, 'the appeal queue');
      await Promise.all([page.waitForURL(/\/console\/appeals\/apl_/), page.click(`a:has-text("pl-${width}")`)]);
      await check(page, width, 'an appeal');
      await page.check(width === 390 ? 'input[value=uphold]' : 'input[value=reverse]');
      await page.fill('textarea[name=reason]', 'Reviewed the quoted post again.');
      await Promise.all([page.waitForURL(/msg=decided/), page.click('button:has-text("Record the decision")')]);
      assert.match((await page.textContent('main')) ?? '', width === 390 ? /upheld by reviewer:/ : /reversed by reviewer:/);
      assert.deepEqual(problems, [], 'no errors in the console (CSP violations included)');
    });

  it('shows evidence to legal, with a working export, on a phone', async () => {
    const { page, problems } = await open('kim', 390, 844);
    await page.goto(`${server.url}/console/cases/case_b`);
    assert.match((await page.textContent('#evidence')) ?? '', /Deleted after .* unless held/);
    await check(page, 390, 'the case page for legal');
    await Promise.all([page.waitForURL(/\/console\/evidence\//), page.click('#evidence a')]);
    await check(page, 390, 'an evidence package');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Export signed package")')]);
    assert.match(download.suggestedFilename(), /\.tar$/);
    assert.deepEqual(problems, [], 'no errors in the console (CSP violations included)');
  });
});
