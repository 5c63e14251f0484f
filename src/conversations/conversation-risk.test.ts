import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Alert } from '../alerts/alert-schema.js';
import { fixedClock } from '../core/clock.js';
import { createEngine, type Engine } from '../engine/create-engine.js';
import { createStore, type Store } from '../store/store.js';
import { BASE_MS, adult, at, connect, minor, silentLogger, testConfig, valid } from '../testing/events.js';

/*
 * The conversation-risk detector through the real engine, with the committed model and
 * without it: what fires, when, and with which reasons.
 */
const clock = fixedClock(BASE_MS + 3600_000 * 24);
const stores: Store[] = [];
after(async () => {
  for (const s of stores) await s.close();
});

async function engineWith(model: string, location = ':memory:', rebuildEvents = 200_000): Promise<Engine> {
  const store = await createStore(location);
  stores.push(store);
  return createEngine({ store, config: testConfig({ conversations: { model, rebuildEvents } }), logger: silentLogger(), clock });
}

let n = 0;
const say = (from: string, to: string, text: string, minute: number) => ({
  id: `m${++n}`,
  type: 'message.sent',
  ts: at(minute),
  message: { id: `m${n}`, conversationId: `c_${from}_${to}`, from, to: [to], text },
});
const risky = (alerts: readonly Alert[]) => alerts.filter((a) => ['grooming', 'solicitation', 'sextortion'].includes(a.category));

describe('conversation risk with the learned model', () => {
  it('warns early, on the first risky move of an unconnected adult, and escalates as the rules fire', async () => {
    const engine = await engineWith('builtin');
    const ingest = (...e: object[]) => engine.ingest(e.map((x) => valid(x, clock.now())));
    await ingest(adult('stranger'), minor('kid'));
    const first = risky(
      (
        await ingest(
          say('stranger', 'kid', 'lol that level is hard', 2),
          say('stranger', 'kid', 'how old are you btw? what grade are you in?', 3),
        )
      ).alerts,
    );
    assert.equal(first.length, 1);
    assert.equal(first[0]!.category, 'grooming');
    assert.equal(first[0]!.severity, 'low');
    assert.equal(first[0]!.triggerEventId, `m${n}`);
    const codes = first[0]!.reasons.map((r) => r.code);
    for (const c of ['age_question', 'model_words', 'adult_to_minor', 'unconnected', 'model_score'])
      assert.ok(codes.includes(c), `${c} in ${codes.join(',')}`);
    assert.match(first[0]!.reasons.find((r) => r.code === 'model_score')!.detail, /calibrated risk [01]\.\d\d .*early warning/);
    assert.equal(first[0]!.score, Number(first[0]!.reasons.find((r) => r.code === 'model_score')!.detail.match(/risk ([01]\.\d\d)/)![1]));
    const later = risky((await ingest(say('stranger', 'kid', "don't tell your parents we talk", 4))).alerts);
    assert.equal(later.length, 1);
    assert.equal(later[0]!.category, 'grooming');
    assert.equal(later[0]!.severity, 'medium', 'escalated when the rules fired');
    assert.equal(
      risky((await ingest(say('stranger', 'kid', 'keep this between us ok?', 5))).alerts).length,
      0,
      'nothing new: the same stages',
    );
  });

  it('reads an age question from a relative as everyday: only secrecy makes their photo request solicitation', async () => {
    const engine = await engineWith('builtin');
    const ingest = (...e: object[]) => engine.ingest(e.map((x) => valid(x, clock.now())));
    await ingest(
      adult('aunt'),
      minor('niece'),
      connect('niece', 'aunt'),
      adult('uncle'),
      minor('nephew'),
      connect('nephew', 'uncle'),
      adult('nobody'),
      minor('kid9'),
    );
    const aunt = await ingest(
      say('aunt', 'niece', 'happy birthday! how old are you now?', 2),
      say('aunt', 'niece', 'send me a pic of you in the new jacket', 3),
    );
    assert.equal(risky(aunt.alerts).length, 0, 'a connected adult: age question and a photo request raise nothing');
    const uncle = risky(
      (await ingest(say('uncle', 'nephew', 'keep this between us ok', 2), say('uncle', 'nephew', 'send me a pic of you', 3))).alerts,
    );
    assert.deepEqual(
      uncle.map((a) => [a.category, a.severity]),
      [['solicitation', 'medium']],
    );
    const stranger = risky(
      (await ingest(say('nobody', 'kid9', 'how old are you now?', 2), say('nobody', 'kid9', 'send me a pic of you', 3))).alerts,
    );
    assert.ok(
      stranger.some((a) => a.category === 'solicitation' && a.severity === 'high'),
      'the same two messages from an unconnected adult',
    );
  });

  it("reads a connected adult's compliment on looks, and a secret with an end date, as everyday", async () => {
    const engine = await engineWith('builtin');
    const ingest = (...e: object[]) => engine.ingest(e.map((x) => valid(x, clock.now())));
    await ingest(adult('gran'), minor('gkid'), connect('gkid', 'gran'), adult('anon'), minor('kid7'));
    const gran = await ingest(
      say('gran', 'gkid', "you're so pretty in that photo", 2),
      say('gran', 'gkid', 'the puppy is a secret until sunday!', 3),
      say('gran', 'gkid', 'send me a pic of you with him', 4),
    );
    assert.equal(risky(gran.alerts).length, 0, 'a grandparent: looks, a dated surprise and a photo request raise nothing');
    const anon = risky((await ingest(say('anon', 'kid7', "you're so pretty", 2), say('anon', 'kid7', 'send me a pic of you', 3))).alerts);
    assert.ok(
      anon.some((a) => a.category === 'solicitation' && a.severity === 'high'),
      'the same compliment and request from an unconnected adult',
    );
  });

  it('weighs a family link further than a follow: family life raises nothing, secrecy with another app and a photo request still does', async () => {
    const engine = await engineWith('builtin');
    const ingest = (...e: object[]) => engine.ingest(e.map((x) => valid(x, clock.now())));
    // The family link is mutual and may come from either side; the follow is the child's.
    await ingest(
      adult('dad'),
      minor('son'),
      connect('dad', 'son', 'family'),
      adult('coach2'),
      minor('player'),
      connect('player', 'coach2'),
      adult('uncle2'),
      minor('kid8'),
      connect('kid8', 'uncle2', 'family'),
    );
    const life = [
      'are you home alone? there is food in the fridge',
      'i can pick you up at 5',
      "don't tell your mom i gave you extra candy",
      'send me a pic of you and your sister',
    ];
    const dad = await ingest(...life.map((t, i) => say('dad', 'son', t, 2 + i)));
    assert.equal(risky(dad.alerts).length, 0, 'family: whereabouts, a pick-up, a small secret and a photo raise nothing');
    const coach = risky((await ingest(...life.map((t, i) => say('coach2', 'player', t, 2 + i)))).alerts);
    assert.ok(
      coach.some((a) => a.category === 'solicitation'),
      'the same lines from a coach the child follows',
    );
    const uncle = risky(
      (
        await ingest(
          say('uncle2', 'kid8', 'this stays between us', 2),
          say('uncle2', 'kid8', 'add me on telegram', 3),
          say('uncle2', 'kid8', 'send me a pic of you', 4),
        )
      ).alerts,
    );
    const sol = uncle.find((a) => a.category === 'solicitation');
    assert.ok(sol, `secrecy, another app and a photo from family: ${JSON.stringify(uncle.map((a) => a.category))}`);
    assert.ok(
      sol.reasons.some((r) => r.code === 'family_link'),
      'the family link is named',
    );
    const threat = risky(
      (await ingest(say('uncle2', 'kid8', 'i will send your pics to all your friends unless you pay me $200', 5))).alerts,
    );
    assert.ok(
      threat.some((a) => a.category === 'sextortion'),
      'threats count from anyone',
    );
  });

  it("takes the child's replies into account: a refusal raises what follows one level, a stated age is cited", async () => {
    const engine = await engineWith('builtin');
    const ingest = (...e: object[]) => engine.ingest(e.map((x) => valid(x, clock.now())));
    await ingest(adult('s3'), minor('kid3'));
    const reply = (text: string, minute: number) => ({
      id: `r${++n}`,
      type: 'message.sent',
      ts: at(minute),
      message: { id: `r${n}`, conversationId: 'c_s3_kid3', from: 'kid3', to: ['s3'], text },
    });
    assert.equal(risky((await ingest(say('s3', 'kid3', 'how old are you btw? what grade are you in?', 3))).alerts)[0]?.severity, 'low');
    const answer = reply("i'm 13, who is this?", 4);
    assert.equal(risky((await ingest(answer)).alerts).length, 0, 'a reply raises nothing by itself');
    const after = risky((await ingest(say('s3', 'kid3', "don't tell your parents we talk", 5))).alerts);
    assert.equal(after.length, 1);
    assert.equal(after[0]!.severity, 'high', 'medium by the rules, one level up after a refusal');
    const codes = after[0]!.reasons.map((r) => r.code);
    assert.ok(codes.includes('continued_after_refusal') && codes.includes('age_given'), codes.join(','));
    assert.match(after[0]!.reasons.find((r) => r.code === 'age_given')!.detail, /they are 13/);
    assert.ok(after[0]!.evidence.includes(answer.id), 'the reply is cited as evidence');
  });

  it('weighs moves towards many unconnected minors at once one level more', async () => {
    const engine = await engineWith('builtin');
    const ingest = (...e: object[]) => engine.ingest(e.map((x) => valid(x, clock.now())));
    await ingest(adult('s4'), minor('k41'), minor('k42'), minor('k43'));
    await ingest(say('s4', 'k41', 'hey there', 2), say('s4', 'k42', 'hello :)', 3));
    const out = risky((await ingest(say('s4', 'k43', 'how old are you btw? what grade are you in?', 4))).alerts);
    assert.equal(out.length, 1);
    assert.equal(out[0]!.severity, 'medium', 'an early warning, one level up');
    assert.match(out[0]!.reasons.find((r) => r.code === 'many_unconnected_minors')!.detail, /messaged 3 minors/);
  });

  it("cites a sender's new account and adds it to the score", async () => {
    const engine = await engineWith('builtin');
    const ingest = (...e: object[]) => engine.ingest(e.map((x) => valid(x, clock.now())));
    await ingest(
      {
        id: 'acc_new',
        type: 'account.upserted',
        ts: at(0),
        account: { id: 's5', ageBand: 'adult', createdAt: new Date(BASE_MS - 3 * 86_400_000).toISOString() },
      },
      minor('kid5'),
    );
    const out = risky(
      (await ingest(say('s5', 'kid5', "don't tell your parents we talk", 3), say('s5', 'kid5', 'add me on snap', 4))).alerts,
    );
    const grooming = out.find((a) => a.severity === 'medium')!;
    assert.match(grooming.reasons.find((r) => r.code === 'new_account')!.detail, /account is 3 days old/);
  });

  it('waits for the rules when the child is connected to the adult', async () => {
    const engine = await engineWith('builtin');
    const ingest = (...e: object[]) => engine.ingest(e.map((x) => valid(x, clock.now())));
    await ingest(adult('aunt'), minor('niece'), connect('niece', 'aunt'));
    assert.equal(risky((await ingest(say('aunt', 'niece', 'how old are you btw?', 3))).alerts).length, 0);
  });

  it('with the model off, the cue rules decide alone and nothing fires early', async () => {
    const engine = await engineWith('off');
    const ingest = (...e: object[]) => engine.ingest(e.map((x) => valid(x, clock.now())));
    await ingest(adult('stranger'), minor('kid'));
    assert.equal(risky((await ingest(say('stranger', 'kid', 'how old are you btw?', 3))).alerts).length, 0);
    const rule = risky((await ingest(say('stranger', 'kid', "don't tell your parents we talk", 4))).alerts);
    assert.equal(rule.length, 1);
    assert.ok(!rule[0]!.reasons.some((r) => r.code.startsWith('model_')));
  });

  for (const rebuild of [true, false]) {
    it(
      rebuild
        ? 'remembers the conversation across a restart (rebuilt from the event log)'
        : 'forgets it when the rebuild is off (the control)',
      async () => {
        const dir = mkdtempSync(join(tmpdir(), 'warden-conv-'));
        try {
          const location = join(dir, 'w.db');
          let engine = await engineWith('builtin', location, rebuild ? 200_000 : 0);
          const ingest = (...e: object[]) => engine.ingest(e.map((x) => valid(x, clock.now())));
          await ingest(adult('s2'), minor('kid2'));
          assert.equal(
            risky((await ingest(say('s2', 'kid2', 'how old are you btw? what grade are you in?', 3))).alerts)[0]?.severity,
            'low',
          );
          await stores.pop()!.close();
          engine = await engineWith('builtin', location, rebuild ? 200_000 : 0);
          const after = risky((await ingest(say('s2', 'kid2', "don't tell your parents we talk", 4))).alerts);
          if (rebuild) {
            assert.equal(after.length, 1);
            assert.equal(after[0]!.severity, 'medium', 'the age question before the restart still counts');
            assert.ok(after[0]!.reasons.some((r) => r.code === 'age_question'));
          } else assert.ok(!after.some((a) => a.severity === 'medium'));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
  }

  it('refuses to start with a model file that does not exist', async () => {
    await assert.rejects(engineWith('/nonexistent/model.json'), /cannot read the conversation model/);
  });
});
