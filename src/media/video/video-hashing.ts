import { ok, type Result } from '../../core/result.js';
import type { WardenConfig } from '../../config/config-schema.js';
import { decodeOutputs, probeVideo, withVideoFile, type VideoError, type VideoLimits } from './ffmpeg-decoder.js';
import { createTmkAccumulator, pdqfOfFrame, tmkDecodeRequest, TMK_FRAME_SIZE, type TmkFeatures } from './tmk.js';
import { frameStride, hashVpdqFile, vpdqDecodeRequest, vpdqFeatureOf, vpdqToJson, type VpdqFeature } from './vpdq.js';

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

/**
 * vPDQ (and TMK+PDQF when asked) of a video file. Both from one decode: one ffmpeg run with
 * an output for each (decodeOutputs), giving each the frames its own run would.
 */
export async function hashVideoFile(
  path: string,
  opts: { secondsPerHash: number; limits: VideoLimits; tmk?: boolean; threads?: number },
): Promise<Result<VideoHashes, VideoError>> {
  const threads = opts.threads ? { threads: opts.threads } : {};
  if (!opts.tmk) {
    const v = await hashVpdqFile(path, { secondsPerHash: opts.secondsPerHash, limits: opts.limits, ...threads });
    if (!v.ok) return v;
    const { features, frames, info } = v.value;
    return ok({ vpdq: features, vpdqJson: vpdqToJson(features), frames, durationSec: info.durationSec });
  }
  const probed = await probeVideo(path, opts.limits);
  if (!probed.ok) return probed;
  const info = probed.value;
  const every = frameStride(opts.secondsPerHash, info.frameRate);
  const features: VpdqFeature[] = [];
  const acc = createTmkAccumulator();
  const luma = new Float32Array(TMK_FRAME_SIZE * TMK_FRAME_SIZE);
  const decoded = await decodeOutputs(
    path,
    info,
    [
      { req: vpdqDecodeRequest(every, threads), onFrame: (f) => void features.push(vpdqFeatureOf(f, every, info.frameRate)) },
      { req: tmkDecodeRequest(opts.threads), onFrame: (f) => acc.ingest(pdqfOfFrame(f.pixels, luma)) },
    ],
    opts.limits,
  );
  if (!decoded.ok) return decoded;
  return ok({
    vpdq: features,
    vpdqJson: vpdqToJson(features),
    frames: decoded.value.frames[0]!,
    durationSec: info.durationSec,
    tmk: acc.finish(),
  });
}

/** The same for bytes in memory (through a private temporary file, removed afterwards). */
export const hashVideoBytes = (bytes: Uint8Array, opts: Parameters<typeof hashVideoFile>[1]) =>
  withVideoFile(bytes, (path) => hashVideoFile(path, opts));
