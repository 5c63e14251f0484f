import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CasesTable } from '../cases/case-store.js';
import type { Kysely } from 'kysely';
import { indexEarlierCases } from '../store/migrations/0055-work-and-investigation.js';
import { statement } from '../store/write-set.js';
import { bearer, createTestApp, type TestApp } from '../testing/test-app.js';
import { DIALECTS, storeLocation, type TestDatabase } from '../testing/test-databases.js';
import { account, adult, at, minor, nextId } from '../testing/events.js';
import { createReviewer } from './reviewer-store.js';
import { consoleSession } from '../testing/console-session.js';

/*
 * Issue 17, part B: work management (my cases, reassign, bulk decisions, routing of queues to
 * teams), investigation (search, linked accounts) and exposure from text, in the console.
 * Synthetic, non-graphic conversations: an adult writing to unconnected minors with a meeting
 * request and a gift, the documented cues.
 */
const PASSWORD = 'a long enough password';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

for (const dialect of DIALECTS)
  describe(`work management and investigation in the console (${dialect})`, () => {
    let t: TestApp;
    let db: TestDatabase;
    let fanCase = '';
    const kids = ['kid_a', 'kid_b', 'kid_c', 'kid_d', 'kid_e'];
    const row = (id: string, over: Partial<CasesTable>): CasesTable => {
      const now = t.clock.now();
      return {
        id,
        subject_account: `u_${id}`,
        status: 'open',
        priority: 2,
        queue: 'grooming',
        restricted: 0,
        escalated: 0,
        categories: over.queue ?? 'grooming',
        alert_count: 1,
        opened_ms: now,
        updated_ms: now,
        due_ms: now + 86_400_000,
        claimed_by: null,
        claim_expires_ms: null,
        outcome: null,
        outcome_category: null,
        outcome_reason: null,
        closed_ms: null,
        closed_by: null,
        ...over,
      };
    };

    before(async () => {
      db = await storeLocation(dialect);
      t = await createTestApp(db.url, {
        cases: {
          teams: {
            child_safety_team: { queues: ['csam_hash_match', 'grooming'], members: ['lee'] },
            adults_team: { queues: ['suspicious_adult', 'solicitation'], members: ['ana'] },
          },
        },
      });
      for (const [username, roles] of [
        ['ana', ['reviewer']],
        ['bo', ['reviewer']],
        ['lee', ['child_safety']],
        ['adm', ['admin']],
      ] as const)
        await createReviewer(t.store.db, { username, displayName: username.toUpperCase(), roles: [...roles], password: PASSWORD });
      const events = [
        account('fan1', {
          ageBand: 'adult',
          ageAssurance: 'verified',
          handle: 'fanone',
          linkedAccounts: [{ id: 'fan1_alt', reason: 'same device' }],
        }),
        account('fan1_alt', { ageBand: 'adult', handle: 'fanalt' }),
        adult('fan2'),
        ...kids.map((k) => minor(k)),
        ...kids.map((k, i) => ({
          id: nextId(),
          type: 'message.sent',
          ts: at(10 + i),
          message: {
            id: nextId(),
            conversationId: `conv_${k}`,
            from: 'fan1',
            to: [k],
            text: `lets meet at the station, i have a gift for you ${k}`,
          },
        })),
        {
          id: nextId(),
          type: 'message.sent',
          ts: at(20),
          message: { id: nextId(), conversationId: 'conv_other', from: 'fan2', to: ['kid_a'], text: 'hello' },
        },
      ];
      const r = await t.app.inject({ method: 'POST', url: '/v1/events', headers: bearer(t.keys.ingest), payload: events });
      assert.equal(r.statusCode, 200, r.body);
      while ((await t.services.runner.runOnce()) > 0);
      fanCase = (await t.store.db.selectFrom('cases').select('id').where('subject_account', '=', 'fan1').executeTakeFirstOrThrow()).id;
      await t.engine.apply({
        statements: [
          // kid_e is a decoy: only child_safety and admins may learn that it is in the picture.
          statement(t.store.db.insertInto('decoys').values({ account_id: 'kid_e', label: 'decoy', created_ms: 0, created_by: 'test' })),
          // An earlier known-image case about the same subject: restricted.
          statement(
            t.store.db
              .insertInto('cases')
              .values(row('case_hash', { subject_account: 'fan1', queue: 'csam_hash_match', restricted: 1, priority: 0 })),
          ),
          statement(t.store.db.insertInto('cases').values(row('case_g1', {}))),
          statement(t.store.db.insertInto('cases').values(row('case_g2', {}))),
          statement(t.store.db.insertInto('cases').values(row('case_g3', {}))),
          statement(t.store.db.insertInto('cases').values(row('case_sx', { queue: 'sextortion', priority: 0 }))),
        ],
      });
    });
    after(async () => {
      await t.close();
      await db.drop();
    });

    const session = (username: string) => consoleSession(t.app, username, PASSWORD);
    const post = (s: { cookie: string; csrf: string }, url: string, fields: [string, string][]) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { ...form, cookie: s.cookie },
        payload: new URLSearchParams([['_csrf', s.csrf], ...fields]).toString(),
      });
    const get = (s: { cookie: string }, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
    const audit = (action: string) => t.store.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
    const caseRow = (id: string) => t.store.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    it('routes queues to teams: a member sees their teams’ queues and unrouted ones, all on request', async () => {
      const ana = await session('ana');
      const mine = (await get(ana, '/console')).body;
      assert.ok(mine.includes(`/console/cases/${fanCase}`), 'solicitation is routed to her team');
      assert.ok(mine.includes('/console/cases/case_sx'), 'sextortion is routed to no team: everyone sees it');
      assert.ok(!mine.includes('/console/cases/case_g1'), 'grooming belongs to another team');
      assert.match(mine, /Your teams’ queues \(adults_team\)|Your teams' queues \(adults_team\)/);
      const all = (await get(ana, '/console?all=1')).body;
      assert.ok(all.includes('/console/cases/case_g1'));
      assert.ok(!all.includes('/console/cases/case_hash'), 'routing never shows a restricted case to a reviewer');
      const lee = (await get(await session('lee'), '/console')).body;
      assert.ok(lee.includes('/console/cases/case_hash') && lee.includes('/console/cases/case_g1'));
      assert.ok(!lee.includes(`/console/cases/${fanCase}`));
    });

    it('lists my cases, and hands a case to another reviewer who then finds it in theirs, audited', async () => {
      const ana = await session('ana');
      const bo = await session('bo');
      assert.equal((await post(ana, `/console/cases/${fanCase}/claim`, [])).statusCode, 303);
      assert.ok((await get(ana, '/console/mine')).body.includes(`/console/cases/${fanCase}`));
      assert.ok(!(await get(bo, '/console/mine')).body.includes(`/console/cases/${fanCase}`));
      const page = (await get(ana, `/console/cases/${fanCase}`)).body;
      assert.match(page, /action="\/console\/cases\/[^"]+\/reassign"/);

      const r = await post(ana, `/console/cases/${fanCase}/reassign`, [['to', 'bo']]);
      assert.equal(r.statusCode, 303);
      assert.match(String(r.headers.location), /msg=reassigned/);
      assert.ok((await get(bo, '/console/mine')).body.includes(`/console/cases/${fanCase}`), 'the assignee sees it');
      assert.ok(!(await get(ana, '/console/mine')).body.includes(`/console/cases/${fanCase}`));
      const bob = await t.store.db.selectFrom('reviewers').select('id').where('username', '=', 'bo').executeTakeFirstOrThrow();
      assert.equal((await caseRow(fanCase)).claimed_by, `reviewer:${bob.id}`);
      const entries = await audit('case.reassigned');
      assert.equal(entries.length, 1);
      assert.equal(entries[0]!.target_id, fanCase);
      assert.match(entries[0]!.detail!, new RegExp(`"to":"reviewer:${bob.id}"`));
      const history = await t.store.db.selectFrom('case_history').select('change').where('case_id', '=', fanCase).execute();
      assert.ok(history.some((h) => h.change === 'reassigned'));

      // No longer hers: she cannot hand it on again.
      assert.match(String((await post(ana, `/console/cases/${fanCase}/reassign`, [['to', 'ana']])).headers.location), /msg=not_yours/);
      // An admin may reassign any case, but never to a reviewer whose role may not open it.
      const adm = await session('adm');
      assert.match(
        String((await post(adm, '/console/cases/case_hash/reassign', [['to', 'ana']])).headers.location),
        /msg=assignee_may_not_see/,
      );
      assert.match(String((await post(adm, '/console/cases/case_hash/reassign', [['to', 'lee']])).headers.location), /msg=reassigned/);
      // A reviewer cannot even learn the restricted case exists.
      assert.equal((await post(bo, '/console/cases/case_hash/reassign', [['to', 'bo']])).statusCode, 404);
    });

    it('decides a selection in bulk: one confirmation, one audit entry per case, each case reported', async () => {
      const ana = await session('ana');
      await post(await session('lee'), '/console/cases/case_g3/claim', []);
      const selection: [string, string][] = ['case_g1', 'case_g2', 'case_g3', 'case_hash'].map((id) => ['case', id]);
      const decision: [string, string][] = [
        ['decision', 'dismiss'],
        ['reason', 'false_positive'],
        ['category', ''],
        ['note', 'same spam wave'],
      ];
      const preview = await post(ana, '/console/bulk', [...selection, ...decision]);
      assert.equal(preview.statusCode, 200);
      assert.match(preview.body, /Dismiss \(false_positive\): 3 cases/);
      assert.match(preview.body, /1 selected cases are not open to you/);
      assert.ok(!preview.body.includes('case_hash'), 'a restricted case is left out without naming it');
      assert.equal((await caseRow('case_g1')).status, 'open', 'nothing is decided before the confirmation');

      const done = await post(ana, '/console/bulk/confirm', [...selection, ...decision]);
      assert.equal(done.statusCode, 200);
      assert.match(done.body, /2 of 4 cases decided/);
      assert.match(done.body, /held by another reviewer/);
      assert.match(done.body, /not found, or not one your role may open/);
      assert.equal((await caseRow('case_g1')).outcome, 'dismissed');
      assert.equal((await caseRow('case_g2')).outcome, 'dismissed');
      assert.equal((await caseRow('case_g3')).status, 'open', 'held by another reviewer: left as it is');
      assert.equal((await caseRow('case_hash')).status, 'open');
      const dismissed = await audit('case.dismissed');
      assert.deepEqual(dismissed.map((a) => a.target_id).sort(), ['case_g1', 'case_g2']);
      const batch = (JSON.parse(dismissed[0]!.detail!) as { batch: string }).batch;
      assert.match(batch, /^bulk_/);
      assert.equal((JSON.parse(dismissed[1]!.detail!) as { batch: string }).batch, batch, 'one batch id');
      const claims = (await audit('case.claimed')).filter((a) => a.target_id === 'case_g1' || a.target_id === 'case_g2');
      assert.equal(claims.length, 0, 'no claim entries: one audit entry per case');

      const bad = await post(ana, '/console/bulk', [...selection, ['decision', 'dismiss']]);
      assert.equal(bad.statusCode, 400, 'a dismissal needs its reason');
      assert.equal((await post(ana, '/console/bulk', decision)).statusCode, 400, 'and a selection');
    });

    it('searches accounts, conversations and cases by cited words, within the role', async () => {
      const ana = await session('ana');
      const byHandle = (await get(ana, '/console/search?q=%40fanone')).body;
      assert.match(byHandle, /@fanone/);
      assert.ok(byHandle.includes(`/console/cases/${fanCase}`), "the account's cases");
      assert.ok(!byHandle.includes('case_hash'), 'not its known-image case, for a reviewer');
      const words = (await get(ana, '/console/search?q=station+gift')).body;
      assert.ok(words.includes(`/console/cases/${fanCase}`), 'found by words of a cited message');
      assert.ok(!(await get(ana, '/console/search?q=station+nowhere')).body.includes(`/console/cases/${fanCase}`), 'every word must match');
      assert.ok((await get(ana, '/console/search?q=conv_kid_b')).body.includes(`/console/cases/${fanCase}`), 'by conversation');
      assert.ok(!(await get(ana, '/console/search?q=case_hash')).body.includes('/console/cases/case_hash'), 'restricted: not found by id');
      assert.ok((await get(await session('lee'), '/console/search?q=case_hash')).body.includes('/console/cases/case_hash'));
      assert.match((await get(ana, '/console/search?q=kid_e')).body, /Accounts \(0\)/, 'a decoy account is not found by a reviewer');
      assert.match((await get(await session('lee'), '/console/search?q=kid_e')).body, /Accounts \(1\)/);
      const searched = await audit('console.searched');
      assert.ok(
        searched.some((a) => a.detail!.includes('station gift')),
        'searches are audited with their query',
      );
    });

    it('indexes the cited words of cases opened before migration 0055', async () => {
      await t.store.db.deleteFrom('case_terms').execute();
      const ana = await session('ana');
      assert.ok(!(await get(ana, '/console/search?q=station')).body.includes(`/console/cases/${fanCase}`));
      await indexEarlierCases(t.store.db as unknown as Kysely<unknown>);
      assert.ok((await get(ana, '/console/search?q=station')).body.includes(`/console/cases/${fanCase}`));
    });

    it('shows linked accounts: minors contacted, other adults, platform links, other cases; decoys hidden', async () => {
      const ana = await session('ana');
      const page = (await get(ana, `/console/cases/${fanCase}`)).body;
      const panel = page.slice(page.indexOf('Linked accounts'));
      for (const k of ['kid_a', 'kid_b', 'kid_c', 'kid_d']) assert.ok(panel.includes(k), k);
      assert.ok(!panel.includes('kid_e'), 'a decoy is left out for a reviewer');
      assert.ok(panel.includes('fan2'), 'another adult writing to kid_a');
      assert.match(panel, /@fanalt.*same device/s);
      assert.ok(!panel.includes('case_hash'), 'the restricted earlier case is not listed');
      const lee = (await get(await session('lee'), `/console/cases/${fanCase}`)).body;
      const leePanel = lee.slice(lee.indexOf('Linked accounts'));
      assert.ok(leePanel.includes('kid_e') && leePanel.includes('case_hash'));
      // The link is kept both ways.
      const back = await t.store.db.selectFrom('account_links').selectAll().where('account_id', '=', 'fan1_alt').execute();
      assert.deepEqual(
        back.map((l) => [l.linked_id, l.reason]),
        [['fan1', 'same device']],
      );
    });

    it('counts a case whose messages were read towards the day’s exposure, once per case', async () => {
      const bo = await session('bo');
      const before = await get(bo, '/console');
      assert.match(before.body, /Cases read: 0/);
      await get(bo, `/console/cases/${fanCase}`);
      await get(bo, `/console/cases/${fanCase}`);
      assert.match((await get(bo, '/console')).body, /Cases read: 1/);
    });
  });
