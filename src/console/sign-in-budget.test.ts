import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSignInBudget } from './sign-in-budget.js';

test('the budget allows a burst, then one check per refill interval, and says how long to wait', () => {
  const budget = createSignInBudget(0.5, 3);
  assert.deepEqual([budget.take(0), budget.take(0), budget.take(0)], [0, 0, 0]);
  assert.equal(budget.take(0), 2, 'empty: one token takes two seconds at 0.5/s');
  assert.equal(budget.take(1000), 1, 'half a token after one second: one more second');
  assert.equal(budget.take(2000), 0, 'a whole token after two seconds');
  assert.equal(budget.take(2000), 2);
});

test('the budget never holds more than its burst, and a clock that steps back takes nothing extra', () => {
  const budget = createSignInBudget(10, 2);
  budget.take(0);
  assert.deepEqual([budget.take(3_600_000), budget.take(3_600_000), budget.take(3_600_000)], [0, 0, 1]);
  assert.equal(budget.take(3_000_000), 1, 'an earlier time adds no tokens');
});
