import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import { BASE_MS, adult, minor } from '../testing/events.js';
import { createRulesIngest, say } from '../testing/conversation-cases.js';
import { normalizeText } from './normalize-text.js';
import { asksTurn, createSentPictures } from './your-turn.js';

/*
 * A bare "your turn" after the sender's own picture asks for the child's (issue 16, class 5,
 * fourteenth round): read as an image request in six languages, and only then. Synthetic and
 * non-graphic; the pictures are references with no content.
 */
const TURN: [string, string][] = [
  ['en', 'ur turn 😏'],
  ['en', 'i sent you mine. now you'],
  ['es', 'te toca 😏'],
  ['pt', 'sua vez 😏'],
  ['fr', 'à ton tour 😏'],
  ['it', 'tocca a te 😏'],
  ['de', 'du bist dran 😏'],
];
const NOT_TURN = [
  'ur turn, roll the dice',
  'your turn to pick the movie',
  'now you know',
  'te toca tirar los dados',
  'sua vez de jogar',
  'à ton tour de lancer les dés',
  'tocca a te tirare i dadi',
  'du bist dran mit würfeln',
  'merci à toi',
];

describe('asksTurn', () => {
  it('reads a bare "your turn" in six languages', () => {
    for (const [lang, t] of TURN) assert.equal(asksTurn(normalizeText(t)), lang, t);
  });
  it("reads no turn in a game's or a chore's, or in other words", () => {
    for (const t of NOT_TURN) assert.equal(asksTurn(normalizeText(t)), undefined, t);
  });
});

describe('createSentPictures', () => {
  const k = 'c\u0000a';
  const n = normalizeText('ur turn 😏');
  it('makes an image request only after the sender’s own picture, within the window, to one child', () => {
    const s = createSentPictures({ windowMs: 60_000 });
    assert.equal(s.turnCue(k, n, 1_000, [], 1), undefined, 'no picture yet');
    s.note(k, 1_000);
    assert.equal(s.turnCue(k, n, 2_000, [], 1)?.code, 'image_request');
    assert.equal(s.turnCue(k, n, 2_000, [], 2), undefined, 'said to a group');
    assert.equal(s.turnCue(k, n, 70_000, [], 1), undefined, 'past the window');
    assert.equal(s.turnCue('c\u0000b', n, 2_000, [], 1), undefined, 'another sender');
  });
  it('forgets the oldest sender past its bound', () => {
    const s = createSentPictures({ maxSenders: 2 });
    s.note('x', 1);
    s.note('y', 1);
    s.note('z', 1);
    assert.equal(s.turnCue('x', n, 2, [], 1), undefined);
    assert.equal(s.turnCue('z', n, 2, [], 1)?.code, 'image_request');
  });
});

const clock = fixedClock(BASE_MS + 3_600_000 * 24 * 30);
const picture = (conv: string, from: string, to: string, minute: number, text?: string) => {
  const e = say(conv, from, to, text ?? 'x', minute) as { message: { text?: string; media?: object[] } };
  if (text === undefined) delete e.message.text;
  e.message.media = [{ id: `p${conv}${minute}`, kind: 'image' }];
  return e;
};

describe('"your turn" through the engine (rules only)', () => {
  it("raises solicitation when an unconnected adult sends a picture then says it's the child's turn", async () => {
    const ingest = await createRulesIngest(clock.now());
    await ingest(adult('yt1'), minor('yk1'), say('yc1', 'yt1', 'yk1', 'hey you seem cool', 10));
    await ingest(picture('yc1', 'yt1', 'yk1', 12));
    const alerts = await ingest(say('yc1', 'yt1', 'yk1', 'ur turn 😏', 13));
    assert.equal(alerts.length, 1);
    assert.equal(alerts[0]!.category, 'solicitation');
    assert.ok(alerts[0]!.reasons.some((r) => r.code === 'image_request'));
  });

  it('raises nothing for the words alone, after a game, to a group, or long after the picture', async () => {
    const ingest = await createRulesIngest(clock.now());
    await ingest(adult('yt2'), minor('yk2'), minor('yk3'));
    assert.deepEqual(await ingest(say('yc2', 'yt2', 'yk2', 'ur turn 😏', 10)), []);
    await ingest(picture('yc3', 'yt2', 'yk2', 20, 'my move'));
    assert.deepEqual(await ingest(say('yc3', 'yt2', 'yk2', 'ur turn, roll the dice', 21)), []);
    await ingest(picture('yc4', 'yt2', 'yk2', 30));
    assert.deepEqual(await ingest(say('yc4', 'yt2', 'yk2', 'your turn', 30 + 24 * 60)), []);
    const group = picture('yc5', 'yt2', 'yk2', 40) as { message: { to: string[] } };
    group.message.to = ['yk2', 'yk3'];
    await ingest(group);
    const toGroup = say('yc5', 'yt2', 'yk2', 'ur turn 😏', 41) as { message: { to: string[] } };
    toGroup.message.to = ['yk2', 'yk3'];
    assert.deepEqual(await ingest(toGroup), []);
  });
});
