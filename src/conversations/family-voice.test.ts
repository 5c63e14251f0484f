import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Alert } from '../alerts/alert-schema.js';
import { fixedClock } from '../core/clock.js';
import { createEngine, type Engine } from '../engine/create-engine.js';
import { createStore, type Store } from '../store/store.js';
import { BASE_MS, adult, at, connect, minor, silentLogger, testConfig, valid } from '../testing/events.js';
import { kinAddress, mentionsGuardian, speaksAsKin } from './family-voice.js';
import { normalizeText } from './normalize-text.js';

/*
 * What a conversation says of the relationship when the platform's links do not: the child
 * calling the adult family, the adult keeping the parents informed, the adult writing as a
 * relative over a link made before. Synthetic, non-graphic messages written for this test.
 */
const clock = fixedClock(BASE_MS + 3600_000 * 24);
const stores: Store[] = [];
after(async () => {
  for (const s of stores) await s.close();
});

async function engine(): Promise<(...e: object[]) => ReturnType<Engine['ingest']>> {
  const store = await createStore(':memory:');
  stores.push(store);
  const e = await createEngine({ store, config: testConfig({ conversations: { model: 'builtin' } }), logger: silentLogger(), clock });
  return (...events: object[]) => e.ingest(events.map((x) => valid(x, clock.now())));
}

let n = 0;
const say = (from: string, to: string, text: string, minute: number) => ({
  id: `fv${++n}`,
  type: 'message.sent',
  ts: at(minute),
  message: { id: `fv${n}`, conversationId: `c_${[from, to].sort().join('_')}`, from, to: [to], text },
});
const risky = (alerts: readonly Alert[]) => alerts.filter((a) => ['grooming', 'solicitation', 'sextortion'].includes(a.category));

describe('family voice: the words', () => {
  it('reads a family address from the child, the parent named by the adult, and a relative speaking', () => {
    assert.equal(kinAddress(normalizeText('thanks auntie')), 'thanks auntie');
    assert.equal(kinAddress(normalizeText('gracias abuela!')), 'gracias abuela');
    assert.equal(kinAddress(normalizeText('my mum said no')), undefined, 'a mention of a parent is not an address');
    assert.ok(mentionsGuardian(normalizeText('I can pick you up from practice saturday, your mum asked')));
    assert.ok(mentionsGuardian(normalizeText('Deixo a chave com a tua mãe')));
    assert.ok(!mentionsGuardian(normalizeText("don't let your parents know")), 'keeping the parents out is the opposite');
    assert.ok(speaksAsKin(normalizeText("Hi sweetie it's Grandma")));
    assert.ok(!speaksAsKin(normalizeText('your grandma called me')));
  });
});

describe('family voice in the detector', () => {
  it('weighs a child who calls the adult family as family: a pick-up and a photo raise nothing, the script still does', async () => {
    const ingest = await engine();
    await ingest(adult('aunt'), minor('niece'), adult('stranger'), minor('kid'));
    const aunt = await ingest(
      say('aunt', 'niece', 'hiya love, hope exams went ok', 2),
      say('niece', 'aunt', 'thanks auntie', 3),
      say('aunt', 'niece', 'could you send me a photo of you in your new football kit?', 4),
      say('aunt', 'niece', 'I can pick you up from practice saturday', 5),
    );
    assert.equal(risky(aunt.alerts).length, 0, 'no link on the platform, but the child says who she is');
    // The same words from an account made this week, which the child does not name: a bare request.
    await ingest({
      ...adult('stranger'),
      account: { id: 'stranger', ageBand: 'adult', ageAssurance: 'verified', createdAt: at(-3 * 1440) },
    });
    const stranger = await ingest(
      say('stranger', 'kid', 'hiya love, hope exams went ok', 2),
      say('kid', 'stranger', 'thanks', 3),
      say('stranger', 'kid', 'could you send me a photo of you in your new football kit?', 4),
    );
    assert.ok(risky(stranger.alerts).length > 0, 'the same request from a new account the child does not name');
    const script = await ingest(
      say('aunt', 'niece', "don't tell your parents we talk, delete our chat", 6),
      say('aunt', 'niece', 'add me on snap, my snap is auntie_x9', 7),
      say('aunt', 'niece', 'send me a pic of you, just for me', 8),
    );
    const alerts = risky(script.alerts);
    assert.ok(alerts.length > 0, 'secrecy, another app and an image request still count from family');
    const voice = alerts[0]!.reasons.find((r) => r.code === 'family_voice');
    assert.match(voice?.detail ?? '', /the child addresses the adult as family \("thanks auntie", event fv\d+\)/);
  });

  it('weighs an adult who keeps the parents informed as an adult the child knows', async () => {
    const ingest = await engine();
    await ingest(adult('neighbour'), minor('kid1'), adult('other'), minor('kid2'));
    const told = await ingest(
      say('neighbour', 'kid1', "Hi it's Dan from the flat below, could you walk Luna this week?", 2),
      say('neighbour', 'kid1', 'Let your parents know, I will text them too', 3),
      say('neighbour', 'kid1', 'I can pick you up from practice saturday', 4),
    );
    assert.equal(risky(told.alerts).length, 0);
    const untold = await ingest(
      say('other', 'kid2', "Hi it's Dan from the flat below, could you walk Luna this week?", 2),
      say('other', 'kid2', 'I can pick you up from practice saturday', 4),
    );
    assert.ok(risky(untold.alerts).length > 0, 'the same meeting without the parents named');
    const secret = risky(
      (await ingest(say('neighbour', 'kid1', 'keep this between us ok', 5), say('neighbour', 'kid1', 'send me a pic of you', 6))).alerts,
    );
    assert.ok(secret.length > 0, 'a secret and an image request count whatever was said of the parents');
    assert.ok(secret[0]!.reasons.some((r) => r.code === 'parents_informed'));
  });

  it('believes an adult writing as a relative only over a link made before the conversation', async () => {
    const ingest = await engine();
    await ingest(adult('gran'), minor('gkid'), connect('gkid', 'gran', 'friend', at(1)), adult('impostor'), minor('kid3'));
    const moves = (from: string, to: string) => [
      say(from, to, "hi sweetie it's grandma", 20),
      say(from, to, 'I sent you a little something for your birthday', 21),
      say(from, to, "you're so grown up now", 22),
      say(from, to, 'send me a photo of you in your new coat!', 23),
    ];
    assert.equal(risky((await ingest(...moves('gran', 'gkid'))).alerts).length, 0, 'friends on the platform, and she says who she is');
    assert.ok(risky((await ingest(...moves('impostor', 'kid3'))).alerts).length > 0, 'the same words with no link: a claim only');
  });
});
