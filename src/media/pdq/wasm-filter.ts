import { readFileSync } from 'node:fs';

/**
 * The WebAssembly build of PDQ's full-resolution steps (assembly/pdq-filter.ts): luma, both
 * Jarosz passes and the 64×64 decimation in IEEE float32, streamed (source rows pulled from
 * the host eight at a time, one per SIMD lane, into rings that the column sums consume; the
 * source read once). Loaded once; when it is
 * missing or the runtime lacks SIMD, or WARDEN_PDQ_WASM=0, PDQ runs in JavaScript instead
 * (the same floats, slower). Tests run both paths against the reference.
 */
interface Exports {
  pdq64(stage: number, rgb: number, rows: number, cols: number, wr: number, wc: number, out64: number, work: number): void;
  pdq64WorkBytes(rows: number, cols: number, wc: number): number;
  pdq64StageBytes(cols: number, rgb: number): number;
  readOnce(ptr: number, bytes: number): number;
}

export interface WasmFilter {
  /**
   * PDQ's two Jarosz passes and its 64×64 decimation in one stream (neither filtered image is
   * written): the 64×64 samples, row-major, a fresh array.
   */
  pdq64(pixels: Uint8Array, channels: 1 | 3, rows: number, cols: number, windowAlongRows: number, windowAlongCols: number): Float32Array;
  /** Benchmarks: milliseconds to read the bytes once with SIMD loads from WebAssembly memory (copying them in first, not timed). */
  readOnceMs(pixels: Uint8Array): number;
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
    // The image being hashed, pulled eight rows at a time by the kernel (see pullRows in assembly/pdq-filter.ts).
    let source: { pixels: Uint8Array; rowBytes: number; heap: Uint8Array } | null = null;
    const pullRows = (firstRow: number, k: number, dst: number) => {
      const { pixels, rowBytes, heap } = source!;
      heap.set(pixels.subarray(firstRow * rowBytes, (firstRow + k) * rowBytes), dst);
    };
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory, abort: () => undefined, pullRows } });
    const x = instance.exports as unknown as Exports;
    const grow = (need: number) => {
      if (need > memory.buffer.byteLength) memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
    };
    cached = {
      pdq64(pixels, channels, rows, cols, wr, wc) {
        const rgb = channels === 3 ? 1 : 0;
        const outAt = align(x.pdq64StageBytes(cols, rgb));
        const workAt = outAt + 64 * 64 * 4;
        grow(workAt + x.pdq64WorkBytes(rows, cols, wc) + 64);
        // A plain Uint8Array view: a Buffer's subarray takes a slower path on every pulled strip.
        source = {
          pixels: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length),
          rowBytes: cols * channels,
          heap: new Uint8Array(memory.buffer),
        };
        try {
          x.pdq64(0, rgb, rows, cols, wr, wc, outAt, workAt);
        } finally {
          source = null;
        }
        return new Float32Array(memory.buffer, outAt, 64 * 64).slice();
      },
      readOnceMs(pixels) {
        grow(pixels.length + 64);
        new Uint8Array(memory.buffer, 0, pixels.length).set(pixels);
        const t = performance.now();
        x.readOnce(0, pixels.length);
        return performance.now() - t;
      },
    };
    // V8 runs new WebAssembly on its baseline compiler and optimises a function once it has
    // run enough: warm both passes up now, not on the first real upload.
    const warm = new Uint8Array(384 * 384 * 3);
    for (let i = 0; i < 3; i++) {
      cached.pdq64(warm, 3, 384, 384, 3, 3);
    }
  } catch {
    cached = null;
  }
  return cached;
}
