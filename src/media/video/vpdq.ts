import { err, ok, type Result } from '../../core/result.js';
import { pdqOfDecoded } from '../pdq-hasher.js';
import {
  decodeFrames,
  probeVideo,
  type DecodeRequest,
  type RawFrame,
  type VideoError,
  type VideoInfo,
  type VideoLimits,
} from './ffmpeg-decoder.js';

/*
 * vPDQ (ThreatExchange `vpdq/`): PDQ of sampled video frames, each with its quality and
 * timestamp. Sampling follows the reference's `hashVideoFile`: one frame in
 * trunc(secondsPerHash x frame rate) by decoded frame number (every frame when that is 0),
 * timestamp = frame number / frame rate, frame rate = the stream's average (else its base rate).
 */

export interface VpdqFeature {
  /** 64 lowercase hex, as PDQ. */
  pdqHex: string;
  /** 0–100; the reference ignores frames below 50 when matching. */
  quality: number;
  /** Seconds from the start. */
  timestamp: number;
  /** Decoded frame number; not part of python-threatexchange's JSON, so absent after parsing it. */
  frameNumber?: number;
}

export interface VpdqOptions {
  /** python-threatexchange's default is 1 (one frame a second); 0 hashes every frame, as the reference files do. */
  secondsPerHash: number;
  /**
   * Scale frames to this size before PDQ (the reference's `-d`, used for its `-128x128` files).
   * ffmpeg's default scaler is used: swscale's area filter, which the reference names, was
   * measured further from its 128x128 files (mean 3.8 bits a frame against 1.9).
   */
  downsample?: { width: number; height: number };
  limits: VideoLimits;
  /** ffmpeg threads (benchmarks pin 1). */
  threads?: number;
}

export interface VpdqHash {
  features: VpdqFeature[];
  info: VideoInfo;
  /** Frames decoded and hashed. */
  frames: number;
}

/** How many decoded frames apart the hashed ones are (at least 1). */
export const frameStride = (secondsPerHash: number, frameRate: number) => Math.max(1, Math.trunc(secondsPerHash * frameRate));

/** What ffmpeg is asked for vPDQ: RGB frames, one in `every` (frameStride), at the stream's size unless downsampled. */
export const vpdqDecodeRequest = (every: number, opts: Pick<VpdqOptions, 'downsample' | 'threads'>): DecodeRequest => ({
  pixelFormat: 'rgb24',
  every,
  ...(opts.downsample ? { size: opts.downsample } : {}),
  ...(opts.threads ? { threads: opts.threads } : {}),
});

/** The vPDQ feature of one decoded frame of a request with stride `every`. */
export function vpdqFeatureOf(f: RawFrame, every: number, frameRate: number): VpdqFeature {
  const frameNumber = f.index * every;
  const r = pdqOfDecoded({ width: f.width, height: f.height, channels: 3, pixels: f.pixels, format: 'video' });
  return { pdqHex: r.hash, quality: r.quality, timestamp: frameNumber / frameRate, frameNumber };
}

export async function hashVpdqFile(path: string, opts: VpdqOptions): Promise<Result<VpdqHash, VideoError>> {
  const probed = await probeVideo(path, opts.limits);
  if (!probed.ok) return probed;
  const info = probed.value;
  const every = frameStride(opts.secondsPerHash, info.frameRate);
  const features: VpdqFeature[] = [];
  const decoded = await decodeFrames(
    path,
    info,
    vpdqDecodeRequest(every, opts),
    opts.limits,
    (f) => void features.push(vpdqFeatureOf(f, every, info.frameRate)),
  );
  if (!decoded.ok) return decoded;
  return ok({ features, info, frames: decoded.value.frames });
}

/**
 * A float as Python's `format(x, '.3')` writes it, which is how python-threatexchange's
 * `VpdqCompactFeature.__str__` writes timestamps: three significant digits, in the general
 * form with at least one digit after the point, scientific from 100 on (`1.23e+02`).
 * Reproduced so that a signal string Warden writes is byte-identical to python-threatexchange's.
 */
export function pythonFormat3(x: number): string {
  if (x === 0) return '0.0';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : x < 0 ? '-inf' : 'nan';
  const sign = x < 0 ? '-' : '';
  // Python rounds the exact binary value half to even; JavaScript's toFixed and toPrecision
  // round ties up (12.25 -> "12.3", Python "12.2"), so round from 26 exact digits here.
  const [m, e] = Math.abs(x).toExponential(25).split('e') as [string, string];
  const all = m.replace('.', '');
  let n = Number(all.slice(0, 3));
  let exp = Number(e);
  const rest = all.slice(3);
  if (rest > '5' + '0'.repeat(rest.length - 1) || (rest === '5' + '0'.repeat(rest.length - 1) && n % 2 === 1)) n++;
  if (n === 1000) {
    n = 100;
    exp++;
  }
  const digits = String(n);
  if (exp < -4 || exp >= 2) {
    const mant = `${digits[0]}.${digits.slice(1)}`.replace(/\.?0+$/, '');
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  // Fixed notation: the three digits with the point placed by the exponent, trailing zeros dropped but one kept.
  const fixed = exp >= 0 ? `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}` : `0.${'0'.repeat(-exp - 1)}${digits}`;
  const trimmed = fixed.replace(/0+$/, '');
  return sign + (trimmed.endsWith('.') ? `${trimmed}0` : trimmed);
}

/**
 * python-threatexchange's vPDQ signal string: a JSON array of `"hex,quality,timestamp"`,
 * with `json.dumps`'s default `", "` separator, so the string is byte-identical to its.
 */
export function vpdqToJson(features: readonly VpdqFeature[]): string {
  return `[${features.map((f) => JSON.stringify(`${f.pdqHex},${f.quality},${pythonFormat3(f.timestamp)}`)).join(', ')}]`;
}

const HEX64 = /^[0-9a-fA-F]{64}$/;

/** Parses a vPDQ signal string (python-threatexchange's JSON), naming the first bad element and why. */
export function parseVpdqJson(text: string, maxFeatures = 1_000_000): Result<VpdqFeature[], string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text || '[]');
  } catch {
    return err('is not JSON (expected an array of "pdqhex,quality,timestamp" strings)');
  }
  if (!Array.isArray(raw)) return err('must be a JSON array of "pdqhex,quality,timestamp" strings');
  if (raw.length > maxFeatures) return err(`has ${raw.length} frames, more than the limit of ${maxFeatures}`);
  const out: VpdqFeature[] = [];
  for (let i = 0; i < raw.length; i++) {
    const item: unknown = raw[i];
    const parts = typeof item === 'string' ? item.split(',') : [];
    if (parts.length !== 3) return err(`[${i}] must be a string "pdqhex,quality,timestamp"`);
    const [hex, q, t] = parts as [string, string, string];
    if (!HEX64.test(hex)) return err(`[${i}] the PDQ hash must be 64 hex characters`);
    const quality = Number(q);
    if (!/^\d+$/.test(q) || quality > 100) return err(`[${i}] the quality must be an integer from 0 to 100`);
    const timestamp = Number(t);
    if (t.trim() === '' || !Number.isFinite(timestamp) || timestamp < 0)
      return err(`[${i}] the timestamp must be a number of seconds, 0 or more`);
    out.push({ pdqHex: hex.toLowerCase(), quality, timestamp });
  }
  return ok(out);
}

/** The reference C++ tool's text output: `frameNumber,quality,pdqHex,timestampSeconds` a line. */
export function parseVpdqReferenceText(text: string): VpdqFeature[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [n, q, hex, t] = l.trim().split(',');
      return { frameNumber: Number(n), quality: Number(q), pdqHex: hex!.toLowerCase(), timestamp: Number(t) };
    });
}
