import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { decodeFrames, DEFAULT_VIDEO_LIMITS, ffmpegAvailable, probeVideo, withVideoFile, type VideoLimits } from './ffmpeg-decoder.js';

const skip = ffmpegAvailable() ? false : 'ffmpeg is not installed (Debian: apt-get install -y ffmpeg); the decoder is not tested';
const LOCAL = new URL('../../../testdata/video-reference/videos/', import.meta.url).pathname;

describe('ffmpeg decoding with limits', { skip }, () => {
  let dir = '';
  let clip = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'warden-decoder-test-'));
    clip = join(dir, 'testsrc.mp4');
    // Two seconds of ffmpeg's synthetic test pattern at 10 fps, 160x120: 20 frames.
    const r = spawnSync('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=160x120:rate=10:duration=2',
      '-pix_fmt',
      'yuv420p',
      clip,
    ]);
    assert.equal(r.status, 0, r.stderr?.toString());
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const limits = (over: Partial<VideoLimits> = {}): VideoLimits => ({ ...DEFAULT_VIDEO_LIMITS, ...over });

  it('reads the header and decodes every frame as RGB or grey', async () => {
    const info = await probeVideo(clip, limits());
    assert.ok(info.ok);
    assert.deepEqual({ w: info.value.width, h: info.value.height, fps: info.value.frameRate }, { w: 160, h: 120, fps: 10 });
    const sizes: number[] = [];
    const rgb = await decodeFrames(clip, info.value, { pixelFormat: 'rgb24' }, limits(), (f) => void sizes.push(f.pixels.length));
    assert.deepEqual(rgb, { ok: true, value: { frames: 20 } });
    assert.ok(sizes.every((s) => s === 160 * 120 * 3));
    const grey: number[] = [];
    const g = await decodeFrames(
      clip,
      info.value,
      { pixelFormat: 'gray', size: { width: 64, height: 64 } },
      limits(),
      (f) => void grey.push(f.pixels.length),
    );
    assert.ok(g.ok && g.value.frames === 20);
    assert.ok(grey.every((s) => s === 64 * 64));
  });

  it('samples one frame in N and resamples to a frame rate', async () => {
    const info = await probeVideo(clip, limits());
    assert.ok(info.ok);
    const every = await decodeFrames(clip, info.value, { pixelFormat: 'gray', every: 4 }, limits(), () => {});
    assert.deepEqual(every, { ok: true, value: { frames: 5 } });
    const fps = await decodeFrames(clip, info.value, { pixelFormat: 'gray', fps: 5, size: { width: 64, height: 64 } }, limits(), () => {});
    // ffmpeg's rate conversion (`-r`, as TMK's reference runs it) also fills up to the last
    // input frame's end time: 10 to 12 frames for 2 s at 5 fps, never the 20 decoded.
    assert.ok(fps.ok && fps.value.frames >= 10 && fps.value.frames <= 12, JSON.stringify(fps));
  });

  it('waits for an async frame consumer (the pipe applies back-pressure)', async () => {
    const info = await probeVideo(clip, limits());
    assert.ok(info.ok);
    let busy = false;
    const r = await decodeFrames(clip, info.value, { pixelFormat: 'rgb24' }, limits(), async () => {
      assert.ok(!busy, 'frames are handed over one at a time');
      busy = true;
      await new Promise((res) => setTimeout(res, 2));
      busy = false;
    });
    assert.ok(r.ok && r.value.frames === 20);
  });

  it('refuses, by name, what breaks a limit or is not a video', async () => {
    const text = join(dir, 'text.mp4');
    writeFileSync(text, 'this is not a video at all');
    const empty = join(dir, 'empty.mp4');
    writeFileSync(empty, '');
    // Playlists and concat lists name other files (or URLs): ffmpeg must not follow them.
    const hls = join(dir, 'list.m3u8');
    writeFileSync(hls, `#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\n${clip}\n#EXT-X-ENDLIST\n`);
    const concat = join(dir, 'list.txt');
    writeFileSync(concat, `ffconcat version 1.0\nfile ${clip}\n`);
    const cases: [string, VideoLimits, string][] = [
      [text, limits(), 'not_a_video'],
      [hls, limits(), 'not_a_video'],
      [concat, limits(), 'not_a_video'],
      [empty, limits(), 'empty'],
      [join(dir, 'missing.mp4'), limits(), 'corrupt'],
      [clip, limits({ maxBytes: 100 }), 'too_large'],
      [clip, limits({ maxPixels: 160 * 120 - 1 }), 'too_many_pixels'],
    ];
    for (const [path, l, code] of cases) {
      const r = await probeVideo(path, l);
      assert.ok(!r.ok, path);
      assert.equal(r.error.code, code, r.error.detail);
      assert.ok(r.error.detail.length > 10);
      assert.ok(!r.error.detail.includes(dir), 'no path in the message');
    }
  });

  it('stops at the frame limit, and at the time limit', async () => {
    const info = await probeVideo(clip, limits());
    assert.ok(info.ok);
    let seen = 0;
    const over = await decodeFrames(clip, info.value, { pixelFormat: 'gray' }, limits({ maxFrames: 7 }), () => void seen++);
    assert.ok(!over.ok && over.error.code === 'too_many_frames', JSON.stringify(over));
    assert.equal(seen, 7, 'the frames within the limit were handed over');
    const exact = await decodeFrames(clip, info.value, { pixelFormat: 'gray' }, limits({ maxFrames: 20 }), () => {});
    assert.ok(exact.ok, 'exactly at the limit is allowed');
    const slow = await decodeFrames(
      clip,
      info.value,
      { pixelFormat: 'rgb24' },
      limits({ timeoutMs: 200 }),
      () => new Promise((res) => setTimeout(res, 100)),
    );
    assert.ok(!slow.ok && slow.error.code === 'timeout', JSON.stringify(slow));
  });

  it(
    'fails a truncated file with a named error instead of stalling',
    { skip: existsSync(LOCAL) ? false : 'no reference clips' },
    async () => {
      const whole = readFileSync(`${LOCAL}pattern-sd-grey-bar.mp4`);
      for (const cut of [whole.subarray(0, 4096), whole.subarray(0, whole.length >> 1), whole.subarray(whole.length >> 1)]) {
        const r = await withVideoFile(cut, async (path) => {
          const info = await probeVideo(path, limits());
          if (!info.ok) return info;
          return decodeFrames(path, info.value, { pixelFormat: 'gray' }, limits(), () => {});
        });
        // Half a file may still decode in part; what matters is a clear answer, never a hang.
        if (!r.ok) assert.ok(['not_a_video', 'corrupt'].includes(r.error.code), r.error.code);
      }
    },
  );

  it('removes the temporary copy of in-memory bytes', async () => {
    let seen = '';
    await withVideoFile(new Uint8Array([1, 2, 3]), async (path) => {
      seen = path;
      assert.ok(existsSync(path));
    });
    assert.ok(!existsSync(seen));
  });
});
