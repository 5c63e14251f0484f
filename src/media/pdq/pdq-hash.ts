import { jaroszFilter, jaroszWindowSize } from './jarosz.js';

/*
 * PDQ (Meta's perceptual hash; ThreatExchange `pdq/cpp/hashing/pdqhashing.cpp`),
 * reimplemented: full-resolution luma -> Jarosz filter -> 64x64 decimation -> 16x16 DCT ->
 * median threshold. The README of testdata/pdq-reference describes the hex layout.
 * Float32 arithmetic is reproduced wherever the reference uses `float`.
 */

const f = Math.fround;
const DOWNSAMPLE = 64;
const JAROSZ_PASSES = 2;
/** The reference refuses to hash images with a side under 5 pixels: zero hash, quality 0. */
export const MIN_HASHABLE_DIM = 5;

/** 16 words of 16 bits; bit k = 16 * i + j is DCT row i, column j. */
export type Hash256 = Uint16Array;

/** The 8 orientations, in the order and naming of the reference's `--pdqdih-across` output. */
export const DIHEDRAL = ['orig', 'rot90', 'rot180', 'rot270', 'flipx', 'flipy', 'flipplus1', 'flipminus1'] as const;
export type Dihedral = (typeof DIHEDRAL)[number];

export interface PdqResult {
  hash: string;
  quality: number;
  /** All eight orientations (orig first) when asked for. */
  dihedral?: Record<Dihedral, string>;
}

/** Luma weights of the reference (`fillFloatLumaFromRGB`), as floats. */
const LUMA_R = f(0.299);
const LUMA_G = f(0.587);
const LUMA_B = f(0.114);

/** Float luma from interleaved 8-bit RGB (`channels` 3 or more: extra channels are skipped). */
export function lumaFromRgb(pixels: Uint8Array, width: number, height: number, channels: number, out: Float32Array): void {
  const n = width * height;
  for (let p = 0, i = 0; p < n; p++, i += channels) {
    out[p] = f(f(LUMA_R * pixels[i]!) + f(LUMA_G * pixels[i + 1]!)) + f(LUMA_B * pixels[i + 2]!);
  }
}

/** Float luma from 8-bit grey, as the reference computes it from R = G = B (not simply the grey value). */
export function lumaFromGrey(pixels: Uint8Array, n: number, out: Float32Array): void {
  for (let p = 0; p < n; p++) {
    const g = pixels[p]!;
    out[p] = f(f(LUMA_R * g) + f(LUMA_G * g)) + f(LUMA_B * g);
  }
}

/** The 16x64 DCT-II basis (rows 1..16 of the 64-point DCT), scaled, stored as float. */
const DCT = (() => {
  const m = new Float32Array(16 * 64);
  const scale = Math.sqrt(2 / 64);
  for (let i = 0; i < 16; i++) for (let j = 0; j < 64; j++) m[i * 64 + j] = scale * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1));
  return m;
})();

function decimate(input: Float32Array, rows: number, cols: number, out: Float32Array): void {
  for (let i = 0; i < DOWNSAMPLE; i++) {
    const ini = Math.trunc(((i + 0.5) * rows) / DOWNSAMPLE);
    for (let j = 0; j < DOWNSAMPLE; j++) {
      const inj = Math.trunc(((j + 0.5) * cols) / DOWNSAMPLE);
      out[i * DOWNSAMPLE + j] = input[ini * cols + inj]!;
    }
  }
}

/** Sum of absolute neighbour differences on the 64x64 image, scaled to 0..100 (the reference's quality). */
function quality(b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < 63; i++) {
    for (let j = 0; j < 64; j++) {
      const d = Math.trunc(f(f(f(b[i * 64 + j]! - b[(i + 1) * 64 + j]!) * 100) / 255));
      sum += Math.abs(d);
    }
  }
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 63; j++) {
      const d = Math.trunc(f(f(f(b[i * 64 + j]! - b[i * 64 + j + 1]!) * 100) / 255));
      sum += Math.abs(d);
    }
  }
  return Math.min(100, Math.trunc(sum / 90));
}

/** B = D A D^T, 64x64 -> 16x16, accumulating in float as the reference does. */
function dct64To16(a: Float32Array, t: Float32Array, b: Float32Array): void {
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) {
      let sum = 0;
      for (let k = 0; k < 64; k++) sum = f(sum + f(DCT[i * 64 + k]! * a[k * 64 + j]!));
      t[i * 64 + j] = sum;
    }
  }
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      let sum = 0;
      for (let k = 0; k < 64; k++) sum = f(sum + f(t[i * 64 + k]! * DCT[j * 64 + k]!));
      b[i * 16 + j] = sum;
    }
  }
}

/**
 * PDQF, the float feature TMK hashes frames with (the reference's `pdqFloat256FromFloatLuma`):
 * the 16x16 DCT of a 64x64 luma image taken as it is (the reference skips the Jarosz filter
 * when ffmpeg has already scaled the frame to 64x64), row-major, not thresholded.
 */
export function pdqFloat256From64(luma64: Float32Array): Float32Array {
  const out = new Float32Array(256);
  dct64To16(luma64, new Float32Array(16 * 64), out);
  return out;
}

/** Bits set where a coefficient is strictly above the median (the 128th smallest of 256). */
export function thresholdBits(dct: Float32Array): Hash256 {
  const sorted = Float32Array.from(dct).sort();
  const median = sorted[127]!;
  const words = new Uint16Array(16);
  for (let k = 0; k < 256; k++) if (dct[k]! > median) words[k >> 4] = words[k >> 4]! | (1 << (k & 15));
  return words;
}

/** Hex, most significant word first (as the reference prints). */
export function hashToHex(words: Hash256): string {
  let s = '';
  for (let w = 15; w >= 0; w--) s += words[w]!.toString(16).padStart(4, '0');
  return s;
}

export function hexToHash(hex: string): Hash256 {
  const words = new Uint16Array(16);
  for (let g = 0; g < 16; g++) words[15 - g] = parseInt(hex.slice(4 * g, 4 * g + 4), 16);
  return words;
}

/*
 * The dihedral variants, computed from the original's DCT without re-hashing (the
 * reference's dct16OriginalTo* functions): a transpose swaps row and column frequencies,
 * and a mirror negates the coefficients of odd frequency (even 0-based index) along its axis.
 */
type Transform = (a: Float32Array, out: Float32Array) => void;
const each =
  (fn: (i: number, j: number, v: number, out: Float32Array) => void): Transform =>
  (a, out) => {
    for (let i = 0; i < 16; i++) for (let j = 0; j < 16; j++) fn(i, j, a[i * 16 + j]!, out);
  };
const TRANSFORMS: Record<Exclude<Dihedral, 'orig'>, Transform> = {
  rot90: each((i, j, v, o) => (o[j * 16 + i] = j & 1 ? v : -v)),
  rot180: each((i, j, v, o) => (o[i * 16 + j] = (i + j) & 1 ? -v : v)),
  rot270: each((i, j, v, o) => (o[j * 16 + i] = i & 1 ? v : -v)),
  flipx: each((i, j, v, o) => (o[i * 16 + j] = i & 1 ? v : -v)),
  flipy: each((i, j, v, o) => (o[i * 16 + j] = j & 1 ? v : -v)),
  flipplus1: each((i, j, v, o) => (o[j * 16 + i] = v)),
  flipminus1: each((i, j, v, o) => (o[j * 16 + i] = (i + j) & 1 ? -v : v)),
};

export interface PdqScratch {
  luma: Float32Array;
  temp: Float32Array;
}

/** Buffers sized for an image, reusable across images of at most that many pixels. */
export function pdqScratch(pixels: number): PdqScratch {
  return { luma: new Float32Array(pixels), temp: new Float32Array(pixels) };
}

const zeroResult = (dihedral: boolean): PdqResult => {
  const zero = '0'.repeat(64);
  return dihedral
    ? { hash: zero, quality: 0, dihedral: Object.fromEntries(DIHEDRAL.map((d) => [d, zero])) as Record<Dihedral, string> }
    : { hash: zero, quality: 0 };
};

export const pdqWindows = (rows: number, cols: number) => ({
  alongRows: jaroszWindowSize(cols, DOWNSAMPLE),
  alongCols: jaroszWindowSize(rows, DOWNSAMPLE),
  passes: JAROSZ_PASSES,
});

/** PDQ of a luma image already in `scratch.luma` (row-major, `rows` x `cols`). */
export function pdqFromLuma(scratch: PdqScratch, rows: number, cols: number, dihedral = false): PdqResult {
  if (rows < MIN_HASHABLE_DIM || cols < MIN_HASHABLE_DIM) return zeroResult(dihedral);
  const { luma, temp } = scratch;
  const w = pdqWindows(rows, cols);
  jaroszFilter(luma, temp, rows, cols, w.alongRows, w.alongCols, w.passes);
  return pdqFromFiltered(luma, rows, cols, dihedral);
}

/** The steps after the Jarosz filter: decimation, quality, DCT, threshold, orientations. */
export function pdqFromFiltered(filtered: Float32Array, rows: number, cols: number, dihedral = false): PdqResult {
  if (rows < MIN_HASHABLE_DIM || cols < MIN_HASHABLE_DIM) return zeroResult(dihedral);
  const b64 = new Float32Array(64 * 64);
  decimate(filtered, rows, cols, b64);
  return pdqFromDecimated(b64, dihedral);
}

/** The 64×64 samples of the filtered image (row-major), as `decimate` takes them. */
export function decimated(filtered: Float32Array, rows: number, cols: number): Float32Array {
  const b64 = new Float32Array(64 * 64);
  decimate(filtered, rows, cols, b64);
  return b64;
}

/** The steps after decimation: quality, DCT, threshold, orientations. */
export function pdqFromDecimated(b64: Float32Array, dihedral = false): PdqResult {
  const q = quality(b64);
  const t = new Float32Array(16 * 64);
  const dct = new Float32Array(256);
  dct64To16(b64, t, dct);
  const hash = hashToHex(thresholdBits(dct));
  if (!dihedral) return { hash, quality: q };
  const out = { orig: hash } as Record<Dihedral, string>;
  const aux = new Float32Array(256);
  for (const name of DIHEDRAL) {
    if (name === 'orig') continue;
    TRANSFORMS[name](dct, aux);
    out[name] = hashToHex(thresholdBits(aux));
  }
  return { hash, quality: q, dihedral: out };
}

/** Hamming distance between two hashes in hex. */
export function hammingHex(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < 64; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x) {
      x &= x - 1;
      d++;
    }
  }
  return d;
}
