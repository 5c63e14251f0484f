import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import { createEngine } from '../engine/create-engine.js';
import { createFacts, EDGE } from '../facts/facts.js';
import { createStore, type Store } from '../store/store.js';
import { BASE_MS, account, adult, at, connect, minor, silentLogger, testConfig, valid } from '../testing/events.js';
import { createRulesIngest, say } from '../testing/conversation-cases.js';
import { countMutuals, describeRelationship, readRelationship, trustOf, type Relationship } from './relationship.js';

/*
 * The relationship as graded evidence, and declared ages as claims: unit checks of the
 * grading and its words, then the behaviour through the real engine (rules only, model off).
 * Conversations are synthetic and non-graphic.
 */
const DAY = 86_400_000;
const base: Relationship = {
  kind: 'none',
  linkedDaysBefore: undefined,
  adultFollows: false,
  firstBy: 'adult',
  mutuals: 0,
  talkedDays: 0.01,
  childMessages: 0,
};

describe('relationship grading', () => {
  it('grades by link, timing, who wrote first and mutual connections', () => {
    assert.equal(trustOf(base), 'approach');
    assert.equal(trustOf({ ...base, firstBy: 'minor' }), 'sought');
    assert.equal(trustOf({ ...base, kind: 'follow', linkedDaysBefore: -3 }), 'approach', 'follow-back: linked after contact');
    assert.equal(trustOf({ ...base, kind: 'follow', linkedDaysBefore: 2 }), 'connected');
    assert.equal(trustOf({ ...base, kind: 'friend', linkedDaysBefore: 200, mutuals: 0 }), 'connected', 'months old, no mutuals');
    assert.equal(trustOf({ ...base, kind: 'friend', linkedDaysBefore: 200, mutuals: 3 }), 'established');
    assert.equal(trustOf({ ...base, kind: 'contact', linkedDaysBefore: 400, mutuals: 0 }), 'established', 'a year by itself');
    assert.equal(trustOf({ ...base, kind: 'family', linkedDaysBefore: -1 }), 'established', 'a family link whenever made');
  });

  it('says the relationship in words', () => {
    assert.equal(
      describeRelationship({ ...base, kind: 'follow', linkedDaysBefore: -3, adultFollows: true, childMessages: 2, talkedDays: 5 }),
      "the child follows the adult, linked 3 days after the adult's first message; the adult wrote first; no mutual connections; talking for 5 days, 2 messages from the child",
    );
    assert.equal(
      describeRelationship({ ...base, kind: 'friend', linkedDaysBefore: 800, mutuals: 4, firstBy: 'minor', talkedDays: 0.1 }),
      "friends, linked 2 years before the child's first message; 4 mutual connections; talking for 2 hours, 0 messages from the child",
    );
    assert.match(
      describeRelationship({ ...base, adultFollows: true }),
      /^no link between them \(the adult follows the child, not back\); the adult wrote first/,
    );
  });

  it('reads the link at the first message from the facts, and counts mutual connections', () => {
    const facts = createFacts();
    const [kid, adultIdx, pal, other] = ['kid', 'adult', 'pal', 'other'].map((id) => facts.ensure(id)) as [number, number, number, number];
    facts.edges.put(kid, adultIdx, EDGE.follow, BASE_MS + 3 * DAY);
    facts.edges.put(adultIdx, kid, EDGE.follow, BASE_MS);
    for (const [a, b] of [
      [kid, pal],
      [pal, adultIdx],
      [kid, other],
    ] as const)
      facts.edges.put(a, b, EDGE.friend, BASE_MS);
    const r = readRelationship(
      facts,
      kid,
      adultIdx,
      { firstMs: BASE_MS + DAY, firstBy: 'adult', childMessages: 1 },
      BASE_MS + 4 * DAY,
      countMutuals(facts, kid, adultIdx),
    );
    assert.deepEqual(r, {
      kind: 'follow',
      linkedDaysBefore: -2,
      adultFollows: true,
      firstBy: 'adult',
      mutuals: 1,
      talkedDays: 3,
      childMessages: 1,
    });
  });
});

const clock = fixedClock(BASE_MS + 3600_000 * 24 * 400);
const stores: Store[] = [];
after(async () => {
  for (const s of stores) await s.close();
});
const engine = () => createRulesIngest(clock.now());

describe('relationship and declared ages through the engine', () => {
  it('reads a follow-back (the link made after contact began) as no link, and says so', async () => {
    const ingest = await engine();
    await ingest(adult('fb'), minor('kid1'), connect('fb', 'kid1', 'follow', at(1)));
    await ingest(say('fb1', 'fb', 'kid1', 'hey you seem cool, follow me back', 10), connect('kid1', 'fb', 'follow', at(60 * 24 * 3)));
    const alerts = await ingest(say('fb1', 'fb', 'kid1', 'send me a pic of you', 60 * 24 * 3 + 5));
    assert.equal(alerts.length, 1);
    assert.equal(alerts[0]!.category, 'solicitation');
    const why = Object.fromEntries(alerts[0]!.reasons.map((r) => [r.code, r.detail]));
    assert.equal(why.unconnected, 'the link was made after the conversation began');
    assert.match(
      why.relationship!,
      /^the child follows the adult, linked 3 days after the adult's first message; the adult wrote first; no mutual connections/,
    );
  });

  it('weighs a long-standing link with mutual connections like family: whereabouts and a pick-up are everyday, secrecy is not', async () => {
    const ingest = await engine();
    const long = at(-60 * 24 * 300);
    await ingest(
      adult('uncle', long),
      adult('cousin', long),
      minor('kid2', '13-15', long),
      connect('kid2', 'uncle', 'friend', long),
      connect('kid2', 'cousin', 'friend', long),
      connect('cousin', 'uncle', 'friend', long),
      adult('newcoach', long),
      connect('kid2', 'newcoach', 'follow', at(-60)),
    );
    const everyday = await ingest(
      say('u1', 'uncle', 'kid2', 'are you home alone?', 5),
      say('u1', 'uncle', 'kid2', 'i will pick you up at 5', 6),
    );
    assert.deepEqual(everyday, []);
    const recent = await ingest(
      say('c1', 'newcoach', 'kid2', 'are you home alone?', 5),
      say('c1', 'newcoach', 'kid2', 'i will pick you up at 5', 6),
    );
    assert.equal(recent.length, 1, 'the same lines from a link made an hour before');
    const secret = await ingest(
      say('u1', 'uncle', 'kid2', "keep this between us, don't tell your parents", 7),
      say('u1', 'uncle', 'kid2', 'add me on snapchat', 8),
      say('u1', 'uncle', 'kid2', 'send me a pic of you', 9),
    );
    assert.equal(secret.length >= 1, true);
    const why = Object.fromEntries(secret[0]!.reasons.map((r) => [r.code, r.detail]));
    assert.ok(why.established_link);
    assert.match(why.relationship!, /^friends, linked 10 months before the adult's first message; 1 mutual connection/);
  });

  it('dates the link by when it began, not by a second kind of link added after the chat began, live and after a restart', async () => {
    const long = at(-60 * 24 * 500);
    const events = [
      adult('gran', long),
      minor('kid9', '13-15', long),
      connect('kid9', 'gran', 'follow', long),
      say('g1', 'gran', 'kid9', 'how was the match today?', 5),
      // Years after the follow, the two also become friends, after this chat began.
      connect('kid9', 'gran', 'friend', at(10)),
    ];
    const facts = createFacts();
    const [kid, gran] = [facts.ensure('kid9'), facts.ensure('gran')];
    facts.edges.put(kid, gran, EDGE.follow, Date.parse(long));
    facts.edges.put(kid, gran, EDGE.follow | EDGE.friend, Date.parse(at(10)));
    const r = readRelationship(facts, kid, gran, { firstMs: Date.parse(at(5)), firstBy: 'adult', childMessages: 0 }, Date.parse(at(20)), 0);
    assert.ok(Math.round(r.linkedDaysBefore!) === 500 && trustOf(r) === 'established', JSON.stringify(r));
    // Through the engine, and again from the store after a restart (rows restored in any order).
    const store = await createStore(':memory:');
    stores.push(store);
    const first = await createEngine({ store, config: testConfig({ conversations: { model: 'off' } }), logger: silentLogger(), clock });
    await first.ingest(events.map((x) => valid(x, clock.now())));
    const line = say('g1', 'gran', 'kid9', 'send me a pic of you in the new jersey', 30);
    for (const e of [
      first,
      await createEngine({ store, config: testConfig({ conversations: { model: 'off' } }), logger: silentLogger(), clock }),
    ]) {
      const alerts = (await e.ingest([valid({ ...line, id: `${line.id}-${e === first ? 'a' : 'b'}` }, clock.now())])).alerts;
      const risky = alerts.filter((a) => ['grooming', 'solicitation', 'sextortion'].includes(a.category));
      assert.deepEqual(risky, [], 'a link of 500 days is not a stranger who asked to be followed back');
    }
  });

  it('reads sextortion between two declared minors, and leaves teasing alone', async () => {
    const ingest = await engine();
    await ingest(minor('ex', '16-17'), minor('kid3', '16-17'), connect('kid3', 'ex', 'friend', at(-600)));
    assert.deepEqual(await ingest(say('p1', 'ex', 'kid3', 'lol i have ur pics from the trip', 5)), []);
    const alerts = await ingest(say('p1', 'ex', 'kid3', 'i will send them to your school unless you pay me 50 dollars', 6));
    assert.equal(alerts.length, 1);
    assert.equal(alerts[0]!.category, 'sextortion');
    assert.equal(alerts[0]!.severity, 'critical');
    assert.ok(alerts[0]!.reasons.some((r) => r.code === 'minor_to_minor'));
  });

  it('scores an account that only claims a teen age and approaches a child with the grooming script', async () => {
    const ingest = await engine();
    await ingest(
      account('claims16', { ageBand: '16-17', ageAssurance: 'self_declared' }),
      account('real16', { ageBand: '16-17', ageAssurance: 'verified' }),
      minor('kid4', '13-15'),
      minor('kid5', '13-15'),
    );
    const script = (from: string, to: string, conv: string) => [
      say(conv, from, to, 'hey', 1),
      say(conv, from, to, "keep this between us, don't tell your parents", 2),
      say(conv, from, to, 'add me on snapchat', 3),
      say(conv, from, to, 'send me a pic of you', 4),
    ];
    const claimed = await ingest(...script('claims16', 'kid4', 'd1'));
    assert.ok(claimed.length >= 1);
    assert.ok(claimed.every((a) => a.reasons.some((r) => r.code === 'declared_minor_acts_as_adult')));
    assert.deepEqual(await ingest(...script('real16', 'kid5', 'd2')), [], 'a verified teen is a teen: peers are not scored for grooming');
  });

  it('weighs a supervising parent and a household like family, and says which', async () => {
    const ingest = await engine();
    await ingest(
      adult('mum'),
      adult('lodger'),
      adult('stranger2'),
      minor('kid7', '13-15'),
      connect('mum', 'kid7', 'guardian', at(-5)),
      connect('lodger', 'kid7', 'household', at(-5)),
    );
    const everyday = (from: string, conv: string) => [
      say(conv, from, 'kid7', 'are you home alone?', 5),
      say(conv, from, 'kid7', 'i will pick you up at 5', 6),
    ];
    assert.deepEqual(await ingest(...everyday('mum', 'g1'), ...everyday('lodger', 'h1')), []);
    assert.equal((await ingest(...everyday('stranger2', 's1'))).length, 1, 'the same lines from an adult with no link');
    const hidden = await ingest(
      say('h1', 'lodger', 'kid7', "keep this between us, don't tell your parents", 7),
      say('h1', 'lodger', 'kid7', 'add me on telegram', 8),
      say('h1', 'lodger', 'kid7', 'send me a pic of you', 9),
    );
    assert.ok(
      hidden.some((a) => a.category === 'solicitation'),
      'secrecy, another app and an image request count from anyone',
    );
    const why = Object.fromEntries(hidden[0]!.reasons.map((r) => [r.code, r.detail]));
    assert.match(why.family_link!, /^the platform marks the sender as living in the same household as the child/);
    assert.match(why.relationship!, /^the platform marks them as one household, linked/);
  });

  it('scores as an adult an account that claims a teen age and cold-messages many minors one by one', async () => {
    const ingest = await engine();
    const kids = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'];
    await ingest(
      account('claims14', { ageBand: '13-15', ageAssurance: 'self_declared' }),
      account('real14', { ageBand: '13-15', ageAssurance: 'verified' }),
      account('few14', { ageBand: '13-15', ageAssurance: 'self_declared' }),
      ...kids.map((k) => minor(k, '13-15')),
    );
    const openers = (from: string, to: string[]) => to.map((k, i) => say(`${from}-${k}`, from, k, 'hey whats up', 10 + i));
    const ask = (from: string, to: string) => [
      say(`${from}-${to}`, from, to, 'how old are you?', 30),
      say(`${from}-${to}`, from, to, 'send me a pic of you', 31),
    ];
    await ingest(...openers('claims14', kids), ...openers('real14', kids), ...openers('few14', kids.slice(0, 2)));
    const fanned = await ingest(...ask('claims14', 'k6'));
    assert.equal(fanned.length, 1);
    assert.equal(fanned[0]!.category, 'solicitation');
    const why = Object.fromEntries(fanned[0]!.reasons.map((r) => [r.code, r.detail]));
    assert.match(why.declared_minor_fans_out!, /declares itself 13-15 \(not verified\) opened one-to-one conversations with 6 minors/);
    assert.deepEqual(await ingest(...ask('real14', 'k6')), [], 'a verified teen who messages classmates is a teen');
    assert.deepEqual(await ingest(...ask('few14', 'k2')), [], 'two cold openers are not a fan-out');
  });
});
