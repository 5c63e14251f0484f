import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import { createEngine } from '../engine/create-engine.js';
import { createFacts } from '../facts/facts.js';
import { createStore } from '../store/store.js';
import { DIALECTS, storeLocation, type TestDatabase } from '../testing/test-databases.js';
import { BASE_MS, adult, at, minor, nextId, silentLogger, testConfig, valid } from '../testing/events.js';
import { createRulesIngest, say } from '../testing/conversation-cases.js';
import { describeRelationship, readRelationship, trustOf } from './relationship.js';

/*
 * Shared groups (`group.joined`, `group.left`, a compatible extension of the protocol): the
 * groups an adult and a child are both in, as context in the relationship's words, never as a
 * link. Conversations are synthetic and non-graphic.
 */
const DAY = 86_400_000;
const joined = (member: string, group: string, kind: string | undefined, minute: number) => ({
  id: nextId(),
  type: 'group.joined',
  ts: at(minute),
  group: kind === undefined ? { id: group } : { id: group, kind },
  member,
});
const left = (member: string, group: string, minute: number) => ({
  id: nextId(),
  type: 'group.left',
  ts: at(minute),
  group: { id: group },
  member,
});

describe('group memberships in the facts', () => {
  it('joins, leaves and lists the groups two accounts share, with who joined when', () => {
    const facts = createFacts();
    const [kid, coach, other] = ['kid', 'coach', 'other'].map((id) => facts.ensure(id)) as [number, number, number];
    facts.groups.join('g_team', 'team', kid, 1000);
    facts.groups.join('g_team', 'team', coach, 2000);
    facts.groups.join('g_guild', 'gaming', kid, 1000);
    facts.groups.join('g_guild', 'gaming', coach, 500);
    facts.groups.join('g_other', 'club', other, 100);
    const shared = facts.groups.shared(coach, kid).sort((a, b) => a.kind.localeCompare(b.kind));
    assert.deepEqual(shared, [
      { kind: 'gaming', aJoinedMs: 500, bJoinedMs: 1000 },
      { kind: 'team', aJoinedMs: 2000, bJoinedMs: 1000 },
    ]);
    assert.deepEqual(facts.groups.shared(kid, other), []);
    assert.ok(facts.groups.leave('g_team', coach, 3000));
    assert.equal(facts.groups.shared(coach, kid).length, 1);
    assert.equal(facts.groups.size, 4);
  });

  it('ignores a change older than the last one applied, and keeps the first join on a repeat', () => {
    const facts = createFacts();
    const [kid, adultIdx] = ['kid', 'adult'].map((id) => facts.ensure(id)) as [number, number];
    facts.groups.join('g', 'club', kid, 1000);
    facts.groups.join('g', 'club', adultIdx, 1000);
    assert.equal(facts.groups.leave('g', adultIdx, 5000), true);
    assert.equal(facts.groups.join('g', 'club', adultIdx, 4000), false, 'a late, older join does not bring the member back');
    assert.deepEqual(facts.groups.shared(adultIdx, kid), []);
    facts.groups.join('g', 'club', adultIdx, 6000);
    facts.groups.join('g', 'club', adultIdx, 7000);
    assert.equal(facts.groups.shared(adultIdx, kid)[0]?.aJoinedMs, 6000);
  });
});

describe('shared groups in the relationship', () => {
  it('says the groups in words and never counts them as a link', () => {
    const facts = createFacts();
    const [kid, stranger] = ['kid', 'stranger'].map((id) => facts.ensure(id)) as [number, number];
    facts.groups.join('g1', 'gaming', kid, BASE_MS - 90 * DAY);
    facts.groups.join('g1', 'gaming', stranger, BASE_MS - 2 * DAY);
    const rel = readRelationship(facts, kid, stranger, { firstMs: BASE_MS, firstBy: 'adult', childMessages: 0 }, BASE_MS, undefined);
    assert.deepEqual(rel.sharedGroups, { count: 1, kinds: ['gaming'], adultJoinedDaysBefore: 2, adultJoinedAfterChild: true });
    assert.equal(rel.kind, 'none');
    assert.equal(trustOf(rel), 'approach', 'a shared group is not a connection');
    assert.match(
      describeRelationship(rel),
      /both in 1 group \(gaming\); the adult joined it 2 days before the adult's first message, after the child/,
    );
    const none = readRelationship(createFacts(), 0, 1, { firstMs: BASE_MS, firstBy: 'adult', childMessages: 0 }, BASE_MS, undefined);
    assert.equal(none.sharedGroups, undefined);
    assert.doesNotMatch(describeRelationship(none), /group/, 'a platform that sends no groups reads as before');
  });

  it('cites the shared group in an alert, and the alert fires as without it', async () => {
    const ingest = await createRulesIngest(fixedClock(BASE_MS + 30 * DAY).now());
    await ingest(adult('sg_adult'), minor('sg_kid'));
    await ingest(joined('sg_kid', 'sg_guild', 'gaming', -60 * 24 * 40), joined('sg_adult', 'sg_guild', 'gaming', -60 * 24 * 3));
    const alerts = await ingest(
      say('sg1', 'sg_adult', 'sg_kid', 'how old are you? dont tell your parents we talk', 5),
      say('sg1', 'sg_adult', 'sg_kid', 'add me on snap, just us', 6),
    );
    assert.ok(alerts.length > 0, 'the same moves raise an alert with a shared group');
    const words = alerts.flatMap((a) => a.reasons.map((r) => r.detail)).join(' | ');
    assert.match(words, /both in 1 group \(gaming\); the adult joined it 3 days before the adult's first message, after the child/);
  });
});

for (const dialect of DIALECTS) {
  describe(`group memberships across a restart (${dialect})`, () => {
    const dbs: TestDatabase[] = [];
    after(async () => {
      for (const d of dbs) await d.drop();
    });

    it('stores each membership as last changed and restores the ones held', async () => {
      const loc = await storeLocation(dialect);
      dbs.push(loc);
      const config = testConfig({ conversations: { model: 'off' } });
      const clock = fixedClock(BASE_MS + DAY);
      let store = await createStore(loc.url);
      let engine = await createEngine({ store, config, logger: silentLogger(), clock });
      await engine.ingest(
        [
          adult('rg_a'),
          minor('rg_k'),
          joined('rg_k', 'rg_club', 'club', 1),
          joined('rg_a', 'rg_club', 'club', 2),
          joined('rg_a', 'rg_club', undefined, 3),
          joined('rg_a', 'rg_old', 'school', 4),
          joined('rg_k', 'rg_old', 'school', 4),
          left('rg_a', 'rg_old', 9),
          // Late and older than the leave: kept in the log, changes nothing.
          joined('rg_a', 'rg_old', 'school', 5),
        ].map((e) => valid(e, clock.now())),
      );
      await engine.drain();
      const rows = await store.db.selectFrom('group_members').selectAll().orderBy('group_id').orderBy('account_id').execute();
      assert.deepEqual(
        rows.map((r) => [r.group_id, r.account_id, r.kind, r.state, Number(r.joined_ms) - BASE_MS]),
        [
          ['rg_club', 'rg_a', 'club', 'joined', 2 * 60_000],
          ['rg_club', 'rg_k', 'club', 'joined', 60_000],
          ['rg_old', 'rg_a', 'school', 'left', 4 * 60_000],
          ['rg_old', 'rg_k', 'school', 'joined', 4 * 60_000],
        ],
      );
      await store.close();

      store = await createStore(loc.url);
      engine = await createEngine({ store, config, logger: silentLogger(), clock });
      const facts = engine.state.facts;
      const shared = facts.groups.shared(facts.indexOf('rg_a'), facts.indexOf('rg_k'));
      assert.deepEqual(shared, [{ kind: 'club', aJoinedMs: BASE_MS + 2 * 60_000, bJoinedMs: BASE_MS + 60_000 }]);
      await store.close();
    });
  });
}
