import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectCues } from './detect-cues.js';
import { createTurnWindow } from './turn-window.js';

const feed = (w: ReturnType<typeof createTurnWindow>, key: string, texts: string[], gapMs = 10_000) =>
  texts.map((t, i) => w.splitCues(key, t, 1_000_000 + i * gapMs, detectCues(t).cues).map((c) => c.code));

describe('createTurnWindow', () => {
  it('reads a request split over short turns at its last fragment', () => {
    assert.deepEqual(feed(createTurnWindow(), 'c1|a', ['hey', 'send me', 'a pic']), [[], [], ['image_request']]);
    assert.deepEqual(feed(createTurnWindow(), 'c1|a', ['add me', 'on', 's', 'n a p']).at(-1), ['platform_move']);
  });

  it('keeps senders and conversations apart, and forgets after a gap or a long message', () => {
    const w = createTurnWindow();
    feed(w, 'c1|a', ['send me']);
    assert.deepEqual(feed(w, 'c1|b', ['a pic of u']), [[]]);
    assert.deepEqual(feed(createTurnWindow({ maxGapMs: 60_000 }), 'c1|a', ['send me', 'a pic of u'], 120_000), [[], []]);
    const w2 = createTurnWindow();
    feed(w2, 'c1|a', ['send me']);
    w2.splitCues('c1|a', 'what a long day at school it was, the bus was late again', 1_005_000, []);
    assert.deepEqual(feed(w2, 'c1|a', ['a pic of u']), [[]]);
  });

  it('starts no split request at a statement, and goes on after a question', () => {
    const last = (texts: string[]) => feed(createTurnWindow(), 'c1|a', texts).at(-1);
    // A surprise's "don't tell" and a parent's "see you tonight" are two statements, not a secret meeting.
    assert.deepEqual(last(["shh don't tell dad about the cake!", 'i sent you $10 for lunch', 'love you, see you tonight ❤️']), []);
    assert.deepEqual(last(['tem discord?', 'me add']), ['platform_move']);
    assert.deepEqual(last(['u on snap?', 'add me']), ['platform_move']);
  });

  it('does not report again what one turn or the turns before already carried', () => {
    assert.deepEqual(feed(createTurnWindow(), 'c1|a', ['send me a pic', 'now', 'ok']), [[], [], []]);
  });

  it('holds at most maxKeys senders', () => {
    const w = createTurnWindow({ maxKeys: 2 });
    feed(w, 'k1', ['send me']);
    feed(w, 'k2', ['x']);
    feed(w, 'k3', ['y']);
    assert.deepEqual(feed(w, 'k1', ['a pic of u']), [[]]);
  });
});
