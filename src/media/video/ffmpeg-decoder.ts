import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { err, ok, type Result } from '../../core/result.js';

/*
 * Video decoding through Debian's ffmpeg, run as a child process: the container and codec
 * parsers (the riskiest code that touches untrusted media) stay out of Warden's process, and
 * raw frames come back over a pipe. Every run is bounded in wall time, input bytes, pixels a
 * frame and frames in all; past any limit the child is killed and the caller gets a named
 * error, so one bad upload never stalls ingest.
 */

export type VideoErrorCode =
  'empty' | 'too_large' | 'not_a_video' | 'too_many_pixels' | 'too_many_frames' | 'timeout' | 'corrupt' | 'decoder_missing';

export interface VideoError {
  code: VideoErrorCode;
  detail: string;
}

export interface VideoLimits {
  /** Input file size. */
  maxBytes: number;
  /** Width x height of the video stream, checked from the header before any frame is decoded. */
  maxPixels: number;
  /** Frames handed to the caller (after sampling); one more and the decode fails. */
  maxFrames: number;
  /** Wall time of each ffmpeg/ffprobe run. */
  timeoutMs: number;
}

/** 2 GiB, 4K, an hour at 30 fps, ten minutes: generous for uploads, fatal for bombs. */
export const DEFAULT_VIDEO_LIMITS: VideoLimits = {
  maxBytes: 2 * 1024 ** 3,
  maxPixels: 3840 * 2160,
  maxFrames: 3600 * 30,
  timeoutMs: 600_000,
};

export interface VideoInfo {
  width: number;
  height: number;
  /** avg_frame_rate, else r_frame_rate (as the vPDQ reference reads it). */
  frameRate: number;
  durationSec: number | undefined;
}

export interface RawFrame {
  /** Index among the frames ffmpeg emitted (0-based). */
  index: number;
  width: number;
  height: number;
  /** Interleaved RGB (3 channels) or grey (1), row-major, tightly packed. */
  pixels: Uint8Array;
}

export interface DecodeRequest {
  /** Output size; the stream's own size when absent. */
  size?: { width: number; height: number };
  /** Resample to this constant frame rate (ffmpeg `-r`), as TMK does; otherwise every decoded frame is passed through. */
  fps?: number;
  /** Keep one frame in `every` (ffmpeg's select filter on the decoded frame number), as vPDQ's sampling does. */
  every?: number;
  pixelFormat: 'rgb24' | 'gray';
  /** ffmpeg's decoder and filter threads (its own choice when absent); the bench pins 1 to measure one core. */
  threads?: number;
}

let ffmpegPresent: boolean | undefined;

/** Whether `ffmpeg` and `ffprobe` run on this machine (tests skip without them). */
export function ffmpegAvailable(): boolean {
  if (ffmpegPresent === undefined) {
    const a = spawnSync('ffmpeg', ['-version'], { stdio: 'ignore', timeout: 10_000 });
    const b = spawnSync('ffprobe', ['-version'], { stdio: 'ignore', timeout: 10_000 });
    ffmpegPresent = a.status === 0 && b.status === 0;
  }
  return ffmpegPresent;
}

/**
 * SECURITY: what ffmpeg may open for an input. Only the local file, named with `file:` (a name
 * like `http:x` or `-y` is then just a name), and only container demuxers for ordinary video
 * files: playlists (HLS, DASH), `concat` lists and the like could make ffmpeg fetch URLs or read
 * other local files while "decoding" an upload. MP4's external data references stay off (the
 * mov demuxer's `enable_drefs` defaults to 0).
 */
const DEMUXERS = 'mov,matroska,avi,flv,mpegts,mpeg,ogg,h264,hevc,m4v';
const inputArgs = (path: string) => ['-protocol_whitelist', 'file', '-format_whitelist', DEMUXERS, '-i', `file:${resolve(path)}`];

const missing = (): VideoError => ({
  code: 'decoder_missing',
  detail: 'ffmpeg is not installed on this machine (Debian: apt-get install -y ffmpeg); videos cannot be decoded',
});

/** Runs a child to completion with a wall-time limit, collecting at most `cap` bytes of stdout. */
function runBounded(
  cmd: string,
  args: string[],
  timeoutMs: number,
  cap: number,
): Promise<{ code: number | null; out: string; errText: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let errText = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (c: Buffer) => {
      if (out.length < cap) out += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      errText = (errText + c.toString('utf8')).slice(-2000);
    });
    child.on('error', () => {
      clearTimeout(timer);
      resolve({ code: -1, out, errText: 'spawn failed', timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, errText, timedOut });
    });
  });
}

/** ffmpeg's messages name the input path; callers see `<input>` instead (paths are not for logs or clients). */
const scrub = (text: string, path: string) =>
  text
    .split(`file:${resolve(path)}`)
    .join('<input>')
    .split(path)
    .join('<input>')
    .trim()
    .split('\n')
    .slice(-3)
    .join(' / ')
    .slice(0, 300);

const rate = (r: string | undefined): number => {
  const [n, d] = (r ?? '0/0').split('/').map(Number);
  return n && d ? n / d : 0;
};

/** Reads the first video stream's header with ffprobe, and checks the limits it can before decoding. */
export async function probeVideo(path: string, limits: VideoLimits): Promise<Result<VideoInfo, VideoError>> {
  if (!ffmpegAvailable()) return err(missing());
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (e) {
    return err({ code: 'corrupt', detail: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
  }
  if (size === 0) return err({ code: 'empty', detail: 'the file is empty (0 bytes)' });
  if (size > limits.maxBytes) return err({ code: 'too_large', detail: `${size} bytes is above the limit of ${limits.maxBytes}` });
  const r = await runBounded(
    'ffprobe',
    [
      '-v',
      'error',
      ...inputArgs(path),
      '-select_streams',
      'v:0',
      '-show_entries',
      'stream=width,height,avg_frame_rate,r_frame_rate:format=duration',
      '-of',
      'json',
    ],
    Math.min(limits.timeoutMs, 60_000),
    1 << 16,
  );
  if (r.timedOut) return err({ code: 'timeout', detail: 'reading the video header took longer than the limit' });
  let parsed: {
    streams?: { width?: number; height?: number; avg_frame_rate?: string; r_frame_rate?: string }[];
    format?: { duration?: string };
  };
  try {
    parsed = JSON.parse(r.out || '{}') as typeof parsed;
  } catch {
    parsed = {};
  }
  const s = parsed.streams?.[0];
  if (r.code !== 0 || !s) {
    const why = r.code !== 0 ? scrub(r.errText, path) : 'no video stream';
    return err({ code: 'not_a_video', detail: `not a video Warden can decode: ${why || 'ffprobe failed'}` });
  }
  const width = s.width ?? 0;
  const height = s.height ?? 0;
  if (width <= 0 || height <= 0) return err({ code: 'corrupt', detail: `the video stream has no size (${width}x${height})` });
  if (width * height > limits.maxPixels)
    return err({
      code: 'too_many_pixels',
      detail: `${width}x${height} is ${width * height} pixels a frame, above the limit of ${limits.maxPixels}`,
    });
  const frameRate = rate(s.avg_frame_rate) || rate(s.r_frame_rate);
  if (!(frameRate > 0)) return err({ code: 'corrupt', detail: 'the video stream has no frame rate' });
  const duration = Number(parsed.format?.duration);
  return ok({ width, height, frameRate, durationSec: Number.isFinite(duration) ? duration : undefined });
}

/** The ffmpeg command line for a decode (exported for the bench, which times ffmpeg alone with it). */
export const ffmpegArgs = (path: string, req: DecodeRequest, maxFrames: number): string[] => ffmpegMultiArgs(path, [req], maxFrames);

/**
 * One ffmpeg run with an output per request: the input is read and decoded once, and each
 * output filters, scales and resamples the decoded frames for itself (the first to stdout,
 * the next to fd 3, and so on). Each output takes the options a run of its own would.
 */
export function ffmpegMultiArgs(path: string, reqs: readonly DecodeRequest[], maxFrames: number): string[] {
  const threads = reqs[0]?.threads;
  // `-noautorotate`: frames as stored, like the vPDQ reference (which reads them through libav directly).
  const args = [
    '-nostdin',
    '-hide_banner',
    '-loglevel',
    'error',
    ...(threads ? ['-threads', String(threads), '-filter_threads', String(threads)] : []),
    '-noautorotate',
    ...inputArgs(path),
  ];
  reqs.forEach((req, i) => {
    args.push('-map', '0:v:0', '-an', '-sn', '-dn');
    if (req.every && req.every > 1) args.push('-vf', `select=not(mod(n\\,${req.every}))`);
    if (req.size) args.push('-s', `${req.size.width}:${req.size.height}`);
    args.push('-f', 'rawvideo', '-c:v', 'rawvideo', '-pix_fmt', req.pixelFormat);
    if (req.fps) args.push('-r', String(req.fps));
    else args.push('-fps_mode', 'passthrough');
    // One frame past the limit tells "exactly at the limit" from "over it".
    args.push('-frames:v', String(maxFrames + 1), i === 0 ? 'pipe:1' : `pipe:${i + 2}`);
  });
  return args;
}

/**
 * Decodes `path` to raw frames, handing each to `onFrame` in order (it may be async: the pipe
 * waits, so memory stays at one frame plus the pipe's buffer). Fails with a named error on
 * any limit or decoder failure; frames already handed over stay handed over.
 */
export async function decodeFrames(
  path: string,
  info: VideoInfo,
  req: DecodeRequest,
  limits: VideoLimits,
  onFrame: (f: RawFrame) => void | Promise<void>,
): Promise<Result<{ frames: number }, VideoError>> {
  const r = await decodeOutputs(path, info, [{ req, onFrame }], limits);
  return r.ok ? ok({ frames: r.value.frames[0]! }) : r;
}

/**
 * The same for several outputs of one decode (vPDQ's frames and TMK's 64x64 at 15 fps): each
 * output's frames reach its own `onFrame` in order, the outputs read side by side so that
 * neither pipe stalls ffmpeg. The limits apply to the run (time) and to each output (frames).
 */
export async function decodeOutputs(
  path: string,
  info: VideoInfo,
  outputs: readonly { req: DecodeRequest; onFrame: (f: RawFrame) => void | Promise<void> }[],
  limits: VideoLimits,
): Promise<Result<{ frames: number[] }, VideoError>> {
  if (!ffmpegAvailable()) return err(missing());
  const args = ffmpegMultiArgs(
    path,
    outputs.map((o) => o.req),
    limits.maxFrames,
  );
  const extra = outputs.slice(1).map(() => 'pipe' as const);
  const child = spawn('ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe', ...extra] });
  let errText = '';
  child.stderr!.on('data', (c: Buffer) => {
    errText = (errText + c.toString('utf8')).slice(-4000);
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, limits.timeoutMs);
  const closed = new Promise<number | null>((resolve) => {
    child.on('close', (code) => resolve(code));
    child.on('error', () => resolve(-1));
  });
  let over = false;
  const read = async (stream: AsyncIterable<Buffer>, req: DecodeRequest, onFrame: (f: RawFrame) => void | Promise<void>) => {
    const width = req.size?.width ?? info.width;
    const height = req.size?.height ?? info.height;
    const frameBytes = width * height * (req.pixelFormat === 'rgb24' ? 3 : 1);
    let frame = new Uint8Array(frameBytes);
    let filled = 0;
    let index = 0;
    for await (const chunk of stream) {
      let at = 0;
      while (at < chunk.length && !over) {
        const n = Math.min(frameBytes - filled, chunk.length - at);
        frame.set(chunk.subarray(at, at + n), filled);
        filled += n;
        at += n;
        if (filled === frameBytes) {
          if (index >= limits.maxFrames) {
            over = true;
            child.kill('SIGKILL');
            break;
          }
          await onFrame({ index: index++, width, height, pixels: frame });
          frame = new Uint8Array(frameBytes);
          filled = 0;
        }
      }
      if (over) break;
    }
    return index;
  };
  const streams = [child.stdout!, ...outputs.slice(1).map((_, i) => child.stdio[i + 3] as NodeJS.ReadableStream)];
  let frames: number[];
  try {
    frames = await Promise.all(outputs.map((o, i) => read(streams[i] as AsyncIterable<Buffer>, o.req, o.onFrame)));
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  const code = await closed;
  clearTimeout(timer);
  if (over) return err({ code: 'too_many_frames', detail: `the video has more than ${limits.maxFrames} frames to hash, the limit` });
  if (timedOut) return err({ code: 'timeout', detail: `decoding took longer than the limit of ${limits.timeoutMs} ms` });
  if (code !== 0) return err({ code: 'corrupt', detail: `ffmpeg could not decode the video: ${scrub(errText, path) || `exit ${code}`}` });
  if (frames.some((n) => n === 0)) return err({ code: 'corrupt', detail: 'the video decoded to no frames' });
  return ok({ frames });
}

/**
 * Bytes in memory (an upload) become a private temporary file for ffmpeg, which needs to seek
 * (MP4's index is often at the end, so a pipe would not do); it is removed afterwards.
 */
export async function withVideoFile<T>(bytes: Uint8Array, fn: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'warden-video-'));
  const path = join(dir, 'input');
  try {
    await writeFile(path, bytes, { mode: 0o600 });
    return await fn(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
