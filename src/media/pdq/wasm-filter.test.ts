import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { jaroszFilter, jaroszWindowSize } from './jarosz.js';
import { decimated, lumaFromGrey, lumaFromRgb } from './pdq-hash.js';
import { loadWasmFilter } from './wasm-filter.js';

/**
 * The WebAssembly kernel (rows eight at a time, one per SIMD lane, transposed through a
 * scratch strip; columns four at a time; both passes and the decimation streamed) against
 * the JavaScript path: identical floats for any size, including rows and columns that are not
 * multiples of four or eight and images under 64 pixels a side, and any window.
 */
describe('PDQ WebAssembly filter', () => {
  const wasm = loadWasmFilter();

  it(
    'streams both passes and the 64×64 decimation to exactly the samples of the full filter (property)',
    { skip: wasm ? false : 'kernel not built' },
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 5, max: 150 }),
          fc.integer({ min: 5, max: 170 }),
          fc.constantFrom(1, 3),
          fc.integer({ min: 1, max: 2 ** 31 }),
          (rows, cols, channels, seed) => {
            let s = seed;
            const px = Uint8Array.from({ length: rows * cols * channels }, () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 24);
            const wr = jaroszWindowSize(cols, 1 + (seed % 64));
            const wc = jaroszWindowSize(rows, 1 + (seed % 37));
            const js = new Float32Array(rows * cols);
            if (channels === 3) lumaFromRgb(px, cols, rows, 3, js);
            else lumaFromGrey(px, rows * cols, js);
            jaroszFilter(js, new Float32Array(js.length), rows, cols, wr, wc, 2);
            assert.deepEqual(wasm!.pdq64(px, channels as 1 | 3, rows, cols, wr, wc), decimated(js, rows, cols));
          },
        ),
        { numRuns: 300 },
      );
    },
  );
});
