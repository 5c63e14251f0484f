import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createConversationTracker, type ConversationState } from './conversation-tracker.js';
import { detectCues, sendersOwn, stageMask } from './detect-cues.js';
import { earlyWarningReady, RELEASE_P } from './early-warning.js';

/*
 * The early warning's own condition (issue 16, eighth round), on the adult's side of one
 * conversation as the tracker keeps it: each message is given with the model's probability,
 * as the detector records it (a message with no cue is kept as evidence only at 0.5 or more).
 */
function conversation(messages: [text: string, p: number][]) {
  const tracker = createConversationTracker();
  let st: ConversationState | undefined;
  let last = { eventId: '', cues: [] as ReturnType<typeof sendersOwn>, p: 0 };
  messages.forEach(([text, p], i) => {
    const cues = sendersOwn(detectCues(text, { identify: false }).cues);
    const eventId = `e${i}`;
    st = tracker.record('c', 'adult', { eventId, tsMs: i, cues, p, grams: p >= 0.5 ? ['w'] : undefined }, stageMask(cues));
    last = { eventId, cues, p };
  });
  return { st: st!, last };
}
const ready = (messages: [string, number][], linkedAfter = false) => {
  const { st, last } = conversation(messages);
  return earlyWarningReady(st, last, linkedAfter);
};

describe('earlyWarningReady', () => {
  it('waits after praise the model reads and a bare age question', () => {
    assert.equal(
      ready([
        ['ur cracked at this game fr', 0.83],
        ['wanna duo tmrw? how old r u btw', 0.88],
      ]),
      false,
    );
    assert.equal(
      ready([
        ['lo haces muy bien, tienes talento', 0.94],
        ['en qué curso estás?', 0.82],
      ]),
      false,
    );
    assert.equal(
      ready([
        ['du hast echt talent als heiler', 0.99],
        ['wie alt bist du eigentlich?', 1],
      ]),
      false,
    );
  });

  it('is released by the next move: a cue, or words the model alone scores RELEASE_P or more', () => {
    const asked: [string, number][] = [
      ['ur cracked at this game fr', 0.83],
      ['how old r u btw', 0.88],
    ];
    assert.equal(ready([...asked, ['u seem way more mature than ppl ur age', 1]]), true, 'a cue');
    assert.equal(ready([...asked, ['what school do u go to?', 0.9]]), true, 'another age question is a cue too');
    assert.equal(ready([...asked, ['u deserve a treat, ill order u food tonight', RELEASE_P]]), true, 'model words');
    assert.equal(ready([...asked, ['ur cracked lol', RELEASE_P - 0.01]]), false, 'everyday words below the level');
  });

  it('warns at once on what is not a bare age question, or with no praise before it', () => {
    assert.equal(
      ready([
        ['ur cracked at this game fr', 0.83],
        ['how old r u? r ur parents home rn?', 0.98],
      ]),
      true,
      'parents home',
    );
    assert.equal(
      ready([
        ['ur cracked at this game fr', 0.83],
        ['how old r u? dont tell ur parents', 1],
      ]),
      true,
      'secrecy',
    );
    assert.equal(
      ready([
        ['lol that level is hard', 0],
        ['how old are you btw?', 0.98],
      ]),
      true,
      'no praise the model read',
    );
    assert.equal(ready([['how old are you btw?', 0.98]]), true, 'the opener itself');
  });

  it('warns at once when the child linked to the adult after the adult wrote first (a follow-back)', () => {
    assert.equal(
      ready(
        [
          ['ur cracked fr, follow me back', 0.99],
          ['how old r u btw', 0.88],
        ],
        true,
      ),
      true,
    );
  });

  it('needs a cue on the message that fires, as before, outside the held case', () => {
    assert.equal(ready([['send me the skin code', 0.99]]), false);
  });

  it('waits while every move is a pick-up announced as logistics, in six languages; another move warns', () => {
    for (const pickUp of [
      "bus is cancelled, I'll come get you",
      'le bus est annulé, je viens te chercher',
      'o ônibus foi cancelado, vou te buscar',
      'der Bus fällt aus, ich hol dich ab',
      "l'autobus è cancellato, vengo a prenderti",
      'te recojo a las 5 en la puerta del cole',
    ]) {
      assert.equal(ready([[pickUp, 0.99]]), false, pickUp);
      assert.equal(
        ready([
          [pickUp, 0.99],
          ["don't tell your mum i'm coming", 0.99],
        ]),
        true,
        pickUp,
      );
    }
  });
});
