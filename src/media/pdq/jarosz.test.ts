import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { boxPass, jaroszFilter, jaroszWindowSize } from './jarosz.js';

/**
 * The banded row and column passes against `boxPass`, a literal transcription of the
 * reference's box1DFloat applied vector by vector: the floats must be identical, not close.
 */
describe('Jarosz filter', () => {
  it('banded passes give exactly the floats of the reference-shaped pass, for any size and window (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (rows, cols, seed) => {
          let s = seed;
          const img = Float32Array.from({ length: rows * cols }, () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) % 25600) / 100);
          const wr = jaroszWindowSize(cols, 4);
          const wc = jaroszWindowSize(rows, 4);
          const banded = Float32Array.from(img);
          jaroszFilter(banded, new Float32Array(img.length), rows, cols, wr, wc, 2);
          const plain = Float32Array.from(img);
          const temp = new Float32Array(img.length);
          for (let p = 0; p < 2; p++) {
            boxPass(plain, temp, rows, cols, cols, 1, wr); // each row: vectors start a row apart, stride 1
            boxPass(temp, plain, cols, 1, rows, cols, wc); // each column: vectors start a column apart, stride a row
          }
          assert.deepEqual(banded, plain);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('uses the reference window: ceil(old / (2 * new))', () => {
    assert.deepEqual(
      [jaroszWindowSize(1600, 64), jaroszWindowSize(1004, 64), jaroszWindowSize(128, 64), jaroszWindowSize(34, 64)],
      [13, 8, 1, 1],
    );
  });
});
