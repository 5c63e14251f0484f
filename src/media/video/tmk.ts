import { ok, type Result } from '../../core/result.js';
import { lumaFromRgb, pdqFloat256From64 } from '../pdq/pdq-hash.js';
import { decodeFrames, probeVideo, type DecodeRequest, type VideoError, type VideoLimits } from './ffmpeg-decoder.js';

/*
 * TMK+PDQF (ThreatExchange `tmk/cpp`, the video fingerprint of NCMEC's hash sharing): the
 * video resampled to 15 fps and scaled to 64x64 by ffmpeg, each frame's PDQF feature (the
 * float 16x16 DCT of its luma), then the Temporal Match Kernel of Poullot et al.: the average
 * feature (level 1) and, for four periods and 32 Fourier coefficients, cosine and sine
 * weighted sums of the L2-normalised features (level 2), which compare two videos at their
 * best time offset. Float32 is kept wherever the reference stores floats, so files written
 * here read back in the reference's tools and the reverse.
 */

const f = Math.fround;

export const TMK_FPS = 15;
export const TMK_FRAME_SIZE = 64;
export const PDQF_DIMENSION = 256;
/** The reference's `makePoullotPeriods`, in frames at 15 fps. */
export const POULLOT_PERIODS = [2731, 4391, 9767, 14653] as const;
/** The reference's `makePoullotFourierCoefficients` (modified Bessel weights, m = beta = 32), as floats. */
export const POULLOT_COEFFICIENTS = Float32Array.from([
  0.0708041893112, 0.13937789309, 0.132897260304, 0.122765735552, 0.109878684888, 0.09529606433, 0.0800986647852, 0.0652590650356,
  0.0515478238322, 0.0394851531195, 0.0293374252025, 0.0211492623679, 0.0147973073245, 0.0100512818746, 0.0066306408014, 0.00424947117334,
  0.0026467615764, 0.00160270959695, 0.000943882629639, 0.000540841638603, 0.000301633183798, 0.000163800158855, 8.66454753015e-5,
  4.46626303151e-5, 2.24429442235e-5, 1.09982139799e-5, 5.25823487999e-6, 2.45358229988e-6, 1.11781474895e-6, 4.97406489221e-7,
  2.16265487234e-7, 9.19087006565e-8,
]);

/** Level-1 and level-2 thresholds of the reference's `tmk_default_thresholds.h` (a pair matches at or above both). */
export const TMK_LEVEL1_THRESHOLD = 0.7;
export const TMK_LEVEL2_THRESHOLD = 0.7;

export interface TmkFeatures {
  /** The frame-feature algorithm's magic; only PDQF is produced. */
  algorithm: 'PDQF';
  framesPerSecond: number;
  /** Frames hashed (after resampling), informational. */
  frameFeatureCount: number;
  periods: Int32Array;
  coefficients: Float32Array;
  /** Mean PDQF feature (dimension d). */
  average: Float32Array;
  /** periods x coefficients x d, row-major. */
  cos: Float32Array;
  sin: Float32Array;
}

function norm(v: Float32Array, at = 0, n = v.length - at): number {
  let sum = 0;
  for (let i = at; i < at + n; i++) sum = f(sum + f(v[i]! * v[i]!));
  return f(Math.sqrt(sum));
}

function normalise(v: Float32Array, at = 0, n = v.length - at): void {
  const l = norm(v, at, n);
  if (l > 0) for (let i = at; i < at + n; i++) v[i] = v[i]! / l;
}

function dot(a: Float32Array, ai: number, b: Float32Array, bi: number, n: number): number {
  let sum = 0;
  for (let k = 0; k < n; k++) sum = f(sum + f(a[ai + k]! * b[bi + k]!));
  return sum;
}

/** Streaming TMK: feed frame features in order, then `finish()` (the reference's ingestFrameFeature / finishFrameFeatureIngest). */
export function createTmkAccumulator(d = PDQF_DIMENSION) {
  const P = POULLOT_PERIODS.length;
  const C = POULLOT_COEFFICIENTS.length;
  const average = new Float32Array(d);
  const cos = new Float32Array(P * C * d);
  const sin = new Float32Array(P * C * d);
  const normalised = new Float32Array(d);
  let count = 0;
  return {
    ingest(feature: Float32Array): void {
      const t = count;
      for (let k = 0; k < d; k++) average[k] = average[k]! + feature[k]!;
      normalised.set(feature);
      normalise(normalised);
      for (let i = 0; i < P; i++) {
        const T = POULLOT_PERIODS[i]!;
        const base0 = i * C * d;
        for (let k = 0; k < d; k++) cos[base0 + k] = cos[base0 + k]! + normalised[k]!;
        for (let j = 1; j < C; j++) {
          const arg = (2 * Math.PI * j * t) / T;
          const c = Math.cos(arg);
          const s = Math.sin(arg);
          const base = base0 + j * d;
          for (let k = 0; k < d; k++) {
            cos[base + k] = cos[base + k]! + normalised[k]! * c;
            sin[base + k] = sin[base + k]! + normalised[k]! * s;
          }
        }
      }
      count++;
    },
    /** Frame features taken so far. */
    get count() {
      return count;
    },
    finish(): TmkFeatures {
      if (count > 0) {
        for (let k = 0; k < d; k++) average[k] = average[k]! / count;
        for (let i = 0; i < P; i++) {
          for (let j = 0; j < C; j++) {
            const at = (i * C + j) * d;
            const w = f(Math.sqrt(POULLOT_COEFFICIENTS[j]!));
            for (const v of [cos, sin]) {
              normalise(v, at, d);
              for (let k = 0; k < d; k++) v[at + k] = v[at + k]! * w;
            }
          }
        }
      }
      return {
        algorithm: 'PDQF',
        framesPerSecond: TMK_FPS,
        frameFeatureCount: count,
        periods: Int32Array.from(POULLOT_PERIODS),
        coefficients: POULLOT_COEFFICIENTS.slice(),
        average,
        cos,
        sin,
      };
    },
  };
}

/** PDQF of one 64x64 RGB frame. */
export function pdqfOfFrame(rgb: Uint8Array, luma = new Float32Array(TMK_FRAME_SIZE * TMK_FRAME_SIZE)): Float32Array {
  lumaFromRgb(rgb, TMK_FRAME_SIZE, TMK_FRAME_SIZE, 3, luma);
  return pdqFloat256From64(luma);
}

/** What ffmpeg is asked for TMK+PDQF: `tmk-hash-video`'s `-s 64:64 -pix_fmt rgb24 -r 15`. */
export const tmkDecodeRequest = (threads?: number): DecodeRequest => ({
  pixelFormat: 'rgb24',
  size: { width: TMK_FRAME_SIZE, height: TMK_FRAME_SIZE },
  fps: TMK_FPS,
  ...(threads ? { threads } : {}),
});

/** Hashes a video file as `tmk-hash-video` does: ffmpeg `-s 64:64 -pix_fmt rgb24 -r 15`, PDQF, TMK. */
export async function hashTmkFile(path: string, limits: VideoLimits, threads?: number): Promise<Result<TmkFeatures, VideoError>> {
  const probed = await probeVideo(path, limits);
  if (!probed.ok) return probed;
  const acc = createTmkAccumulator();
  const luma = new Float32Array(TMK_FRAME_SIZE * TMK_FRAME_SIZE);
  const decoded = await decodeFrames(path, probed.value, tmkDecodeRequest(threads), limits, (frame) =>
    acc.ingest(pdqfOfFrame(frame.pixels, luma)),
  );
  if (!decoded.ok) return decoded;
  return ok(acc.finish());
}

/** Whether two fingerprints were made the same way (the reference's `areCompatible`); scores of incompatible ones mean nothing. */
export function tmkCompatible(a: TmkFeatures, b: TmkFeatures): boolean {
  return (
    a.algorithm === b.algorithm &&
    a.framesPerSecond === b.framesPerSecond &&
    a.average.length === b.average.length &&
    a.periods.length === b.periods.length &&
    a.periods.every((p, i) => p === b.periods[i]) &&
    a.coefficients.length === b.coefficients.length &&
    a.coefficients.every((c, i) => Math.abs(c - b.coefficients[i]!) <= 1e-6 * Math.max(Math.abs(c), Math.abs(b.coefficients[i]!)))
  );
}

/** Level 1: cosine similarity of the average features. */
export function tmkLevel1(a: TmkFeatures, b: TmkFeatures): number {
  const d = a.average.length;
  const na = norm(a.average);
  const nb = norm(b.average);
  if (na === 0 && nb === 0) return 0;
  return f(dot(a.average, 0, b.average, 0, d) / f(na * nb));
}

/**
 * Level 2: for each period, the kernel at every time offset (evaluated by the reference's
 * incremental cos/sin recurrence) and its best offset; the best over periods, normalised by
 * the coefficients' sum (a video against itself scores 1).
 */
export function tmkLevel2(a: TmkFeatures, b: TmkFeatures): number {
  const P = a.periods.length;
  const C = a.coefficients.length;
  const d = a.average.length;
  if (P === 0 || C === 0) return 0;
  let normaliser = a.coefficients[0]!;
  for (let j = 1; j < C; j++) normaliser = f(normaliser + 2 * a.coefficients[j]!);
  let best = -Infinity;
  const cc = new Float32Array(C);
  const ss = new Float32Array(C);
  const sc = new Float32Array(C);
  const cs = new Float32Array(C);
  for (let i = 0; i < P; i++) {
    for (let j = 0; j < C; j++) {
      const at = (i * C + j) * d;
      cc[j] = dot(a.cos, at, b.cos, at, d);
      ss[j] = dot(a.sin, at, b.sin, at, d);
      sc[j] = dot(a.sin, at, b.cos, at, d);
      cs[j] = dot(a.cos, at, b.sin, at, d);
    }
    const period = a.periods[i]!;
    let bestHere = -Infinity;
    for (let offset = 0; offset < period; offset++) {
      const delta = f((2 * Math.PI * offset) / period);
      let k = cc[0]!;
      let cosJd = 1;
      let sinJd = 0;
      const beta = f(Math.sin(delta));
      let alpha = f(Math.sin(f(delta / 2)));
      alpha = f(f(2 * alpha) * alpha);
      for (let j = 1; j < C; j++) {
        const nCos = f(f(alpha * cosJd) + f(beta * sinJd));
        const nSin = f(f(alpha * sinJd) - f(beta * cosJd));
        cosJd = f(cosJd - nCos);
        sinJd = f(sinJd - nSin);
        k = f(k + f(cosJd * f(cc[j]! + ss[j]!)));
        k = f(k + f(sinJd * f(sc[j]! - cs[j]!)));
      }
      if (k > bestHere) bestHere = k;
    }
    if (bestHere > best) best = bestHere;
  }
  return f(best / normaliser);
}

export interface TmkScore {
  level1: number;
  /** Computed only when level 1 passes its threshold (as the reference's query tools do). */
  level2: number | undefined;
  match: boolean;
}

export function compareTmk(a: TmkFeatures, b: TmkFeatures, t = { level1: TMK_LEVEL1_THRESHOLD, level2: TMK_LEVEL2_THRESHOLD }): TmkScore {
  const level1 = tmkLevel1(a, b);
  if (level1 < t.level1) return { level1, level2: undefined, match: false };
  const level2 = tmkLevel2(a, b);
  return { level1, level2, match: level2 >= t.level2 };
}
