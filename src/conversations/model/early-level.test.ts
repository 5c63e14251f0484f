import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EARLY_RATE, earlyLevel, earlyRate } from './early-level.js';

describe('earlyLevel', () => {
  it('is the lowest level keeping the reachable benign conversations at or under EARLY_RATE', () => {
    // 200 reachable benign conversations: 196 low, 2 at 0.62, 2 at 0.78. Two over a level is 1%.
    const scores = [...Array.from({ length: 196 }, () => 0.1), 0.62, 0.62, 0.78, 0.78];
    assert.equal(earlyLevel(scores), 0.65);
    assert.ok(earlyRate(scores, 0.65) <= EARLY_RATE);
    assert.ok(earlyRate(scores, 0.6) > EARLY_RATE);
  });

  it('is counted over what it is given only: conversations the early path cannot reach are left out by the caller', () => {
    // The same 4 high conversations among 40 reachable ones are 10%: the level rises above them.
    const scores = [...Array.from({ length: 36 }, () => 0.1), 0.62, 0.62, 0.78, 0.78];
    assert.equal(earlyLevel(scores), 0.8);
  });

  it('is the highest level tried when every level is over the rate, and 0.8 with nothing to measure on', () => {
    assert.equal(earlyLevel([0.99, 0.1]), 0.95);
    assert.equal(earlyLevel([]), 0.8);
    assert.equal(earlyRate([], 0.8), 0);
  });
});
