import { readFileSync } from 'node:fs';

/**
 * The WebAssembly build of PDQ's full-resolution steps (assembly/pdq-filter.ts): luma and the
 * Jarosz passes in IEEE float32, streamed (rows four at a time, one per SIMD lane, into a
 * ring that the column sums consume, four columns per vector). Loaded once; when it is
 * missing or the runtime lacks SIMD, or WARDEN_PDQ_WASM=0, PDQ runs in JavaScript instead
 * (the same floats, slower). Tests run both paths against the reference.
 */
interface Exports {
  lumaFromRgb(rgb: number, n: number, out: number): void;
  lumaFromGrey(grey: number, n: number, out: number): void;
  jaroszPass(src: number, rgb: number, dst: number, rows: number, cols: number, wr: number, wc: number, scratch: number, ring: number, ringRows: number, sums: number): void;
}

export interface WasmFilter {
  /** Luma of the image, Jarosz-filtered in place; the returned view is valid until the next call. */
  filter(pixels: Uint8Array, channels: 1 | 3, rows: number, cols: number, windowAlongRows: number, windowAlongCols: number, passes: number): Float32Array;
}

// The part of the WebAssembly JS API used here (the `WebAssembly` global is not in @types/node 20).
declare const WebAssembly: {
  Memory: new (d: { initial: number }) => { buffer: ArrayBuffer; grow(pages: number): number };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
};

let cached: WasmFilter | null | undefined;

const align = (n: number) => (n + 15) & ~15;

export function loadWasmFilter(): WasmFilter | null {
  if (cached !== undefined) return cached;
  cached = null;
  if (process.env.WARDEN_PDQ_WASM === '0') return null;
  try {
    const bytes = readFileSync(new URL('./pdq-filter.wasm', import.meta.url));
    const memory = new WebAssembly.Memory({ initial: 16 });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory, abort: () => undefined } });
    const x = instance.exports as unknown as Exports;
    cached = {
      filter(pixels, channels, rows, cols, wr, wc, passes) {
        const n = rows * cols;
        const ringRows = (wc + 8 + 7) & ~7;
        const rgbAt = 0;
        const aAt = align(pixels.length + 16); // +16: the SIMD luma step reads 16 bytes where it uses 12
        const bAt = aAt + align(n * 4);
        const sumsAt = bAt + align(n * 4);
        const scratchAt = sumsAt + align((cols + 8) * 4);
        const ringAt = scratchAt + align((cols + 8) * 64);
        const need = ringAt + align(ringRows * cols * 4);
        if (need > memory.buffer.byteLength) memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
        new Uint8Array(memory.buffer, rgbAt, pixels.length).set(pixels);
        // Each pass streams rows through the ring into the other buffer: A, then B, then A…
        let src = rgbAt;
        let rgb = channels === 3 ? 1 : 0;
        if (!rgb) {
          x.lumaFromGrey(rgbAt, n, bAt);
          src = bAt;
        } else if (passes === 0) {
          x.lumaFromRgb(rgbAt, n, aAt);
          src = aAt;
        }
        for (let p = 0; p < passes; p++) {
          const dst = src === aAt ? bAt : aAt;
          x.jaroszPass(src, rgb, dst, rows, cols, wr, wc, scratchAt, ringAt, ringRows, sumsAt);
          src = dst;
          rgb = 0;
        }
        return new Float32Array(memory.buffer, src, n);
      },
    };
    // V8 runs new WebAssembly on its baseline compiler and optimises a function once it has
    // run enough: warm both passes up now, not on the first real upload.
    const warm = new Uint8Array(384 * 384 * 3);
    for (let i = 0; i < 3; i++) cached.filter(warm, 3, 384, 384, 3, 3, 2);
  } catch {
    cached = null;
  }
  return cached;
}
