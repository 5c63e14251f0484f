import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prng } from '../core/prng.js';
import { createIsoClock } from './iso-clock.js';

describe('createIsoClock', () => {
  it('writes what Date#toISOString writes, across days, midnights and odd milliseconds', () => {
    const iso = createIsoClock();
    const rnd = prng(7);
    const start = Date.UTC(2026, 11, 31, 23, 59, 59, 990);
    const times = [0, 1, 999, 86_399_999, 86_400_000, start, start + 9, start + 10, Date.UTC(2028, 1, 29, 12)];
    for (let i = 0; i < 20_000; i++) times.push(start + Math.floor(rnd() * 40 * 86_400_000));
    for (const ms of times) assert.equal(iso(ms), new Date(ms).toISOString(), String(ms));
  });

  it('falls back to the Date outside the years it formats itself', () => {
    const iso = createIsoClock();
    for (const ms of [-1, -86_400_001, 253_402_300_800_000, 1.5]) assert.equal(iso(ms), new Date(ms).toISOString());
  });
});
