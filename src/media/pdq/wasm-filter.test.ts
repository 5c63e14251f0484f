import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { jaroszFilter, jaroszWindowSize } from './jarosz.js';
import { lumaFromGrey, lumaFromRgb } from './pdq-hash.js';
import { loadWasmFilter } from './wasm-filter.js';

/**
 * The WebAssembly kernel (rows four at a time, one per SIMD lane, transposed through a
 * scratch strip; columns four at a time) against the JavaScript path: identical floats for
 * any size, including rows and columns that are not multiples of four, and any window.
 */
describe('PDQ WebAssembly filter', () => {
  const wasm = loadWasmFilter();

  it('gives exactly the JavaScript floats, for any size and window (property)', { skip: wasm ? false : 'kernel not built' }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 67 }), fc.integer({ min: 1, max: 203 }), fc.constantFrom(1, 3), fc.integer({ min: 1, max: 2 ** 31 }), (rows, cols, channels, seed) => {
        let s = seed;
        const px = Uint8Array.from({ length: rows * cols * channels }, () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 24);
        const wr = jaroszWindowSize(cols, 1 + (seed % 64));
        const wc = jaroszWindowSize(rows, 1 + (seed % 37));
        const js = new Float32Array(rows * cols);
        if (channels === 3) lumaFromRgb(px, cols, rows, 3, js);
        else lumaFromGrey(px, rows * cols, js);
        jaroszFilter(js, new Float32Array(js.length), rows, cols, wr, wc, 2);
        const out = Float32Array.from(wasm!.filter(px, channels as 1 | 3, rows, cols, wr, wc, 2));
        assert.deepEqual(out, js);
      }),
      { numRuns: 300 },
    );
  });
});
