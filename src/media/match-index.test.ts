import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseHash256, WORDS } from './hamming.js';
import { createMatchIndex, linearScan } from './match-index.js';

const ROOT = new URL('../../testdata/pdq-reference/', import.meta.url).pathname;

/** A hash near `base`: `flips` distinct random bits flipped. */
function near(base: Uint32Array, flips: number, rnd: () => number): Uint32Array {
  const h = Uint32Array.from(base);
  const used = new Set<number>();
  while (used.size < flips) used.add(Math.floor(rnd() * 256));
  for (const b of used) h[b >>> 5] = h[b >>> 5]! ^ (1 << (b & 31));
  return h;
}

describe('MatchIndex', () => {
  it('finds exactly what a linear scan finds, for any data, radius and edits (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: 63 }),
        (seed, n, radius) => {
          let s = seed;
          const rnd = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
          const centers = Array.from({ length: 8 }, () => Uint32Array.from({ length: WORDS }, () => (rnd() * 2 ** 32) >>> 0));
          const all = new Uint32Array(n * WORDS);
          const index = createMatchIndex();
          for (let i = 0; i < n; i++) {
            // Clusters around a few centres, so that there are matches at every distance.
            const h = near(centers[i % centers.length]!, Math.floor(rnd() * 70), rnd);
            all.set(h, i * WORDS);
            index.add(i, h);
          }
          if (rnd() < 0.5) index.rebuild();
          // Remove a few and check they are gone.
          const removed = new Set<number>();
          for (let k = 0; k < Math.min(5, n); k++) {
            const id = Math.floor(rnd() * n);
            removed.add(id);
            index.remove(id);
          }
          for (let qi = 0; qi < 5; qi++) {
            const q = near(centers[qi % centers.length]!, Math.floor(rnd() * 20), rnd);
            const expected = linearScan(all, n, q, radius).filter((m) => !removed.has(m.id));
            assert.deepEqual(index.query(q, radius), expected);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('replaces an entry added again under the same id', () => {
    const index = createMatchIndex();
    const a = new Uint32Array(WORDS);
    const b = Uint32Array.from({ length: WORDS }, () => 0xffffffff);
    index.add(7, a);
    index.add(7, b);
    assert.equal(index.size, 1);
    assert.deepEqual(index.query(a, 31), []);
    assert.deepEqual(index.query(b, 0), [{ id: 7, distance: 0 }]);
  });

  it('matches the reference needles against the haystack at distance 31 as the reference MIH does', () => {
    const read = (f: string) =>
      readFileSync(ROOT + f, 'utf8')
        .trim()
        .split('\n');
    const haystack = read('pdq/data/reg-test-input/haystack.txt');
    const needles = read('pdq/data/reg-test-input/needles.txt');
    const index = createMatchIndex();
    haystack.forEach((hex, i) => index.add(i + 1, parseHash256(hex.trim())!));
    index.rebuild();
    const found: string[] = [];
    needles.forEach((hex, i) => {
      for (const m of index.query(parseHash256(hex.trim())!, 31)) found.push(`${i + 1},${m.id},${m.distance}`);
    });
    const expected = read('expected/mih-needles-haystack-d31.csv').map((l) => l.trim());
    assert.equal(expected.length, 250);
    assert.deepEqual(found.sort(), expected.sort());
  });
});
