import { err, ok, type Result } from '../../core/result.js';
import type { TmkFeatures } from './tmk.js';

/*
 * The reference's `.tmk` file (`tmk/cpp/io/tmkiotypes.h`, FeatureVectorFileHeader; written by
 * TMKFeatureVectors::writeToOutputStream), little-endian, no length prefixes:
 *   32-byte header: "TMK1" "FVEC" <algorithm magic, "PDQF"> int32 framesPerSecond,
 *                   int32 P (periods), int32 C (Fourier coefficients), int32 d (feature dimension),
 *                   int32 frameFeatureCount
 *   int32[P] periods, float32[C] coefficients, float32[d] average feature,
 *   float32[P][C][d] cosine features, float32[P][C][d] sine features.
 * With the defaults (P 4, C 32, d 256) a file is 263,344 bytes whatever the video's length.
 */

const HEADER_BYTES = 32;
/** Far above the reference's shapes (4 x 32 x 256); a header claiming more is refused before allocating. */
const MAX_ELEMENTS = 1 << 22;

export function tmkFileSize(P: number, C: number, d: number): number {
  return HEADER_BYTES + 4 * (P + C + d + 2 * P * C * d);
}

const magic = (b: Uint8Array, at: number) => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);

/** Reads a `.tmk` file, naming what is wrong with a bad one. */
export function readTmkFile(bytes: Uint8Array): Result<TmkFeatures, string> {
  if (bytes.length < HEADER_BYTES) return err(`a .tmk file has a ${HEADER_BYTES}-byte header; this has ${bytes.length} bytes`);
  if (magic(bytes, 0) !== 'TMK1' || magic(bytes, 4) !== 'FVEC') return err('not a TMK feature-vector file (expected "TMK1" "FVEC")');
  const algo = magic(bytes, 8);
  if (algo !== 'PDQF') return err(`frame-feature algorithm "${algo.replace(/[^ -~]/g, '?')}" is not supported (only PDQF)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [fps, P, C, d, count] = [12, 16, 20, 24, 28].map((o) => view.getInt32(o, true)) as [number, number, number, number, number];
  if (P < 0 || C < 0 || d <= 0 || P * C * d > MAX_ELEMENTS)
    return err(`implausible shape: ${P} periods, ${C} coefficients, dimension ${d}`);
  const expected = tmkFileSize(P, C, d);
  if (bytes.length !== expected) return err(`a .tmk file of this shape is ${expected} bytes; this has ${bytes.length}`);
  let at = HEADER_BYTES;
  const ints = (n: number) => {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++, at += 4) out[i] = view.getInt32(at, true);
    return out;
  };
  const floats = (n: number) => {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++, at += 4) out[i] = view.getFloat32(at, true);
    return out;
  };
  const periods = ints(P);
  if (periods.some((p) => p <= 0)) return err('a period is not a positive number of frames');
  const coefficients = floats(C);
  const average = floats(d);
  const cos = floats(P * C * d);
  const sin = floats(P * C * d);
  return ok({ algorithm: 'PDQF', framesPerSecond: fps, frameFeatureCount: count, periods, coefficients, average, cos, sin });
}

export function writeTmkFile(t: TmkFeatures): Uint8Array {
  const P = t.periods.length;
  const C = t.coefficients.length;
  const d = t.average.length;
  const out = new Uint8Array(tmkFileSize(P, C, d));
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(`TMK1FVEC${t.algorithm}`), 0);
  [t.framesPerSecond, P, C, d, t.frameFeatureCount].forEach((v, i) => view.setInt32(12 + 4 * i, v, true));
  let at = HEADER_BYTES;
  for (const p of t.periods) view.setInt32((at += 4) - 4, p, true);
  for (const arr of [t.coefficients, t.average, t.cos, t.sin]) for (const v of arr) view.setFloat32((at += 4) - 4, v, true);
  return out;
}

/** Hex of a `.tmk` file starts with its magic, "TMK1" (544d4b31). */
const HEX_TMK = /^544d4b31(?:[0-9a-f]{2})+$/i;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * A TMK+PDQF signal as a string, in the forms sources send it: the reference's `.tmk` file in
 * base64 (standard or URL-safe alphabet, padded or not; Warden's own form, HMA's and what
 * NCMEC's API carries as TMK_PDQF) or in hex. Read into the in-memory feature form, or the
 * reason it is not a `.tmk` file.
 */
export function readTmkSignal(value: string): Result<TmkFeatures, string> {
  const v = value.trim();
  if (HEX_TMK.test(v)) return readTmkFile(Buffer.from(v, 'hex'));
  if (!BASE64.test(v)) return err('is a .tmk file in base64 or hex');
  return readTmkFile(Buffer.from(v, v.includes('-') || v.includes('_') ? 'base64url' : 'base64'));
}

/** Warden's stored form of a TMK+PDQF signal: the `.tmk` file in standard base64. */
export const tmkSignalOf = (t: TmkFeatures): string => Buffer.from(writeTmkFile(t)).toString('base64');
