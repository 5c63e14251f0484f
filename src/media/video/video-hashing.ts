import { ok, type Result } from '../../core/result.js';
import type { WardenConfig } from '../../config/config-schema.js';
import { withVideoFile, type VideoError, type VideoLimits } from './ffmpeg-decoder.js';
import { hashTmkFile, type TmkFeatures } from './tmk.js';
import { hashVpdqFile, vpdqToJson, type VpdqFeature } from './vpdq.js';

/** The decoder's limits from the `media` config section. */
export function videoLimits(media: WardenConfig['media']): VideoLimits {
  return {
    maxBytes: media.maxFileBytes,
    maxPixels: media.videoMaxPixels,
    maxFrames: media.videoMaxFrames,
    timeoutMs: media.videoTimeoutMs,
  };
}

/**
 * Whether bytes start like a video container ffmpeg reads (ISO BMFF/MP4/MOV/3GP, Matroska/WebM,
 * AVI, FLV, MPEG program and transport streams, Ogg). Cheap and certain enough to choose between
 * the image and the video path for bytes that arrive without a trustworthy type; ffmpeg still
 * has the last word (a file that only looks like a video fails its decode, by name).
 */
export function looksLikeVideo(b: Uint8Array): boolean {
  const ascii = (at: number, s: string) => b.length >= at + s.length && [...s].every((c, i) => b[at + i] === c.charCodeAt(0));
  if (ascii(4, 'ftyp')) {
    // HEIF/AVIF images are ISO BMFF too: their brands say so.
    const brand = String.fromCharCode(...b.subarray(8, 12));
    return !['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis'].includes(brand);
  }
  if (b.length >= 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return true; // EBML: Matroska, WebM
  if (ascii(0, 'RIFF') && ascii(8, 'AVI ')) return true;
  if (ascii(0, 'FLV') || ascii(0, 'OggS')) return true;
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 1 && b[3] === 0xba) return true; // MPEG-PS pack header
  if (b.length >= 377 && b[0] === 0x47 && b[188] === 0x47 && b[376] === 0x47) return true; // MPEG-TS sync bytes
  return false;
}

export interface VideoHashes {
  vpdq: VpdqFeature[];
  /** python-threatexchange's vPDQ signal string. */
  vpdqJson: string;
  /** Frames hashed for vPDQ. */
  frames: number;
  durationSec: number | undefined;
  tmk?: TmkFeatures;
}

/** vPDQ (and TMK+PDQF when asked) of a video file. */
export async function hashVideoFile(
  path: string,
  opts: { secondsPerHash: number; limits: VideoLimits; tmk?: boolean },
): Promise<Result<VideoHashes, VideoError>> {
  const v = await hashVpdqFile(path, { secondsPerHash: opts.secondsPerHash, limits: opts.limits });
  if (!v.ok) return v;
  const out: VideoHashes = {
    vpdq: v.value.features,
    vpdqJson: vpdqToJson(v.value.features),
    frames: v.value.frames,
    durationSec: v.value.info.durationSec,
  };
  if (opts.tmk) {
    const t = await hashTmkFile(path, opts.limits);
    if (!t.ok) return t;
    out.tmk = t.value;
  }
  return ok(out);
}

/** The same for bytes in memory (through a private temporary file, removed afterwards). */
export const hashVideoBytes = (bytes: Uint8Array, opts: Parameters<typeof hashVideoFile>[1]) =>
  withVideoFile(bytes, (path) => hashVideoFile(path, opts));
