import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_VIDEO_LIMITS, ffmpegArgs, probeVideo, type DecodeRequest } from '../media/video/ffmpeg-decoder.js';
import { hashTmkFile, TMK_FPS, TMK_FRAME_SIZE } from '../media/video/tmk.js';
import { hashVideoFile } from '../media/video/video-hashing.js';
import { frameStride, hashVpdqFile } from '../media/video/vpdq.js';

/**
 * Video hashing speed on a synthetic 720p clip (ffmpeg's testsrc2 pattern, H.264, 30 fps),
 * generated here at bench time. Every figure sits beside ffmpeg's own decode of the same file
 * to the same raw frames, the floor hashing cannot go under. ffmpeg runs with one thread
 * and CPU time is counted for Node and ffmpeg together (children's CPU from /proc), so
 * "CPU seconds per second of video" says whether one core keeps up with playback.
 * argv: benchDir seconds. Prints JSON.
 */
const [dir, secondsArg] = process.argv.slice(2) as [string, string];
const seconds = Number(secondsArg);
const clip = join(dir, `testsrc2-720p-${seconds}s.mp4`);

const gen = spawnSync('ffmpeg', [
  '-y',
  '-v',
  'error',
  '-f',
  'lavfi',
  '-i',
  `testsrc2=size=1280x720:rate=30:duration=${seconds}`,
  '-c:v',
  'libx264',
  '-preset',
  'veryfast',
  '-pix_fmt',
  'yuv420p',
  clip,
]);
if (gen.status !== 0) throw new Error(`cannot generate the clip: ${gen.stderr.toString()}`);

/** CPU seconds of this process and of its reaped children (ffmpeg), from /proc/self/stat. */
function cpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 (1-based, counting pid and comm) are cutime and cstime, in clock ticks (100 a second on Linux).
  const children = (Number(fields[13]) + Number(fields[14])) / 100;
  const self = process.cpuUsage();
  return (self.user + self.system) / 1e6 + children;
}

async function timed<T>(fn: () => Promise<T> | T): Promise<{ wall: number; cpu: number; value: T }> {
  const c0 = cpuSeconds();
  const t0 = performance.now();
  const value = await fn();
  return { wall: (performance.now() - t0) / 1000, cpu: cpuSeconds() - c0, value };
}

/** ffmpeg alone: the same command the hasher runs, writing the raw frames to nothing. */
function decodeOnly(req: DecodeRequest): void {
  const args = ffmpegArgs(clip, { ...req, threads: 1 }, 10_000_000).slice(0, -1);
  const r = spawnSync('ffmpeg', [...args, '-y', '/dev/null'], { maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`ffmpeg decode failed: ${r.stderr.toString()}`);
}

const info = await probeVideo(clip, DEFAULT_VIDEO_LIMITS);
if (!info.ok) throw new Error(info.error.detail);
const frames = Math.round(seconds * info.value.frameRate);

const floorAll = await timed(() => decodeOnly({ pixelFormat: 'rgb24' }));
const vpdqAll = await timed(() => hashVpdqFile(clip, { secondsPerHash: 0, limits: DEFAULT_VIDEO_LIMITS, threads: 1 }));
const floorSampled = await timed(() => decodeOnly({ pixelFormat: 'rgb24', every: frameStride(1, info.value.frameRate) }));
const vpdqSampled = await timed(() => hashVpdqFile(clip, { secondsPerHash: 1, limits: DEFAULT_VIDEO_LIMITS, threads: 1 }));
const floorTmk = await timed(() =>
  decodeOnly({ pixelFormat: 'rgb24', size: { width: TMK_FRAME_SIZE, height: TMK_FRAME_SIZE }, fps: TMK_FPS }),
);
const tmk = await timed(() => hashTmkFile(clip, DEFAULT_VIDEO_LIMITS, 1));
// vPDQ (a frame a second) and TMK as an upload with media.videoTmk gets them: one ffmpeg decode feeding both.
const oneDecode = await timed(() => hashVideoFile(clip, { secondsPerHash: 1, limits: DEFAULT_VIDEO_LIMITS, tmk: true, threads: 1 }));
if (!vpdqAll.value.ok || !vpdqSampled.value.ok || !tmk.value.ok || !oneDecode.value.ok) throw new Error('hashing failed');

const perVideoSecond = (cpu: number) => cpu / seconds;
process.stdout.write(
  JSON.stringify({
    clip: { width: 1280, height: 720, fps: info.value.frameRate, seconds, frames },
    vpdqEveryFrame: {
      framesHashed: vpdqAll.value.value.frames,
      framesPerSecond: vpdqAll.value.value.frames / vpdqAll.wall,
      decodeOnlyFramesPerSecond: frames / floorAll.wall,
      wallSeconds: vpdqAll.wall,
      cpuSeconds: vpdqAll.cpu,
      decodeOnlyWallSeconds: floorAll.wall,
      decodeOnlyCpuSeconds: floorAll.cpu,
    },
    vpdqOneASecond: {
      framesHashed: vpdqSampled.value.value.frames,
      wallSeconds: vpdqSampled.wall,
      cpuSeconds: vpdqSampled.cpu,
      decodeOnlyWallSeconds: floorSampled.wall,
      decodeOnlyCpuSeconds: floorSampled.cpu,
    },
    tmk: {
      framesHashed: tmk.value.value.frameFeatureCount,
      wallSeconds: tmk.wall,
      cpuSeconds: tmk.cpu,
      decodeOnlyWallSeconds: floorTmk.wall,
      decodeOnlyCpuSeconds: floorTmk.cpu,
    },
    vpdqAndTmk: {
      twoDecodesCpuSeconds: vpdqSampled.cpu + tmk.cpu,
      twoDecodesWallSeconds: vpdqSampled.wall + tmk.wall,
      oneDecodeCpuSeconds: oneDecode.cpu,
      oneDecodeWallSeconds: oneDecode.wall,
      cpuRatioTwoOverOne: (vpdqSampled.cpu + tmk.cpu) / oneDecode.cpu,
    },
    // What a 10-minute 720p video costs on one core (vPDQ at python-threatexchange's default of one frame a second, plus TMK),
    // from the CPU time per second of video measured here.
    tenMinute720p: {
      cpuSecondsVpdq: perVideoSecond(vpdqSampled.cpu) * 600,
      cpuSecondsVpdqAndTmk: perVideoSecond(vpdqSampled.cpu + tmk.cpu) * 600,
      cpuSecondsVpdqEveryFrame: perVideoSecond(vpdqAll.cpu) * 600,
      playingSeconds: 600,
    },
  }),
);
