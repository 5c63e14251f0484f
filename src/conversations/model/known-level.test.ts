import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KNOWN_LOSS, knownLevel } from './known-level.js';

describe('knownLevel', () => {
  it('is not decided by conversations no level can keep', () => {
    // 100 risky conversations the model scores 0.6 or more, and 10 it cannot score at all:
    // a fixed 95% of the whole would sit at the lowest level; measured against what that level keeps, it rises.
    const scores = [...Array.from({ length: 100 }, (_, i) => 0.6 + (i % 4) / 10), ...Array.from({ length: 10 }, () => 0)];
    assert.equal(knownLevel(scores), 0.6);
  });

  it('gives up at most KNOWN_LOSS of what the lowest level keeps', () => {
    // 200 conversations: 2 at 0.1, 2 at 0.3, the rest at 0.9. Losing the first two is 1%, the next two 2%.
    const scores = [0.1, 0.1, 0.3, 0.3, ...Array.from({ length: 196 }, () => 0.9)];
    const level = knownLevel(scores);
    assert.equal(level, 0.3);
    const kept = scores.filter((p) => p >= level).length;
    assert.ok(kept >= (1 - KNOWN_LOSS) * scores.length);
  });

  it('is 0 without risky conversations from known adults', () => {
    assert.equal(knownLevel([]), 0);
    assert.equal(knownLevel([0, 0]), 0);
  });
});
