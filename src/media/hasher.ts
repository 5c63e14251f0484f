import type { Result } from '../core/result.js';
import type { DecodeError } from './decode-image.js';
import type { VideoError } from './video/ffmpeg-decoder.js';

/**
 * Signal types, as HMA and ThreatExchange name them; persisted, never renamed. `vpdq` is a
 * video's frame hashes as python-threatexchange's signal string (src/media/video/vpdq.ts);
 * `tmk_pdqf` (NCMEC's TMK_PDQF) a video's TMK+PDQF as its reference `.tmk` file in base64;
 * `video_md5` (StopNCII's VideoMD5) the MD5 of a video file's bytes.
 */
export const SIGNAL_TYPES = ['pdq', 'md5', 'sha1', 'sha256', 'video_md5', 'vpdq', 'tmk_pdqf'] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];

export interface HashValue {
  signalType: SignalType;
  /** Lowercase hex; for the video signals their string (vPDQ's JSON, TMK+PDQF's `.tmk` in base64). */
  hex: string;
  /** PDQ only: 0–100; below ~50 the hash is unreliable (flat or tiny images). */
  quality?: number;
  /** PDQ only, when asked: the eight orientations. */
  dihedral?: Record<string, string>;
}

export interface HasherExample {
  title: string;
  bytes: () => Uint8Array;
  /** The expected hex, or null when the bytes must be refused. */
  readonly hex: string | null;
  /**
   * Where decoders differ (video), whether a hash is the example's by the signal's own match
   * rule; absent, the two must be equal.
   */
  same?(got: string, expected: string): boolean;
}

export interface HashOptions {
  dihedral?: boolean;
}

/**
 * A hasher turns bytes into one signal. Expected failures (a file that is not an image,
 * a decompression bomb) are results, not exceptions. `examples` feed the shared contract
 * suite (hasher.case.test.ts).
 */
export interface Hasher {
  readonly name: SignalType;
  readonly contentKinds: readonly ('image' | 'video')[];
  hash(bytes: Uint8Array, opts?: HashOptions): Promise<Result<HashValue, DecodeError | VideoError>>;
  readonly examples: readonly HasherExample[];
}
