import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_VIDEO_LIMITS, ffmpegAvailable, ffmpegMultiArgs } from './ffmpeg-decoder.js';
import { hashTmkFile, tmkDecodeRequest } from './tmk.js';
import { writeTmkFile } from './tmk-file.js';
import { hashVideoFile } from './video-hashing.js';
import { hashVpdqFile, vpdqDecodeRequest, vpdqToJson } from './vpdq.js';

const skip = ffmpegAvailable() ? false : 'ffmpeg is not installed (Debian: apt-get install -y ffmpeg); video hashing is not tested';
const REF = new URL('../../../testdata/video-reference/videos/', import.meta.url).pathname;

describe('vPDQ and TMK+PDQF from one decode', { skip }, () => {
  it('runs one ffmpeg with an output for each, the first on stdout and the next on fd 3', () => {
    const args = ffmpegMultiArgs('/tmp/x.mp4', [vpdqDecodeRequest(30, {}), tmkDecodeRequest()], 100);
    assert.equal(args.filter((a) => a === '-i').length, 1, 'one input, decoded once');
    assert.deepEqual(
      args.filter((a) => a.startsWith('pipe:')),
      ['pipe:1', 'pipe:3'],
    );
    assert.deepEqual(args.slice(-7), ['-pix_fmt', 'rgb24', '-r', '15', '-frames:v', '101', 'pipe:3']);
  });

  for (const [name, secondsPerHash] of [
    ['pattern-sd-with-small-logo-bar', 1],
    ['doorknob-hd-no-bar', 0],
  ] as const)
    it(`gives the hashes of two separate decodes: ${name}, ${secondsPerHash === 0 ? 'every frame' : 'a frame a second'}`, async () => {
      const path = `${REF}${name}.mp4`;
      const both = await hashVideoFile(path, { secondsPerHash, limits: DEFAULT_VIDEO_LIMITS, tmk: true });
      const vpdq = await hashVpdqFile(path, { secondsPerHash, limits: DEFAULT_VIDEO_LIMITS });
      const tmk = await hashTmkFile(path, DEFAULT_VIDEO_LIMITS);
      assert.ok(both.ok && vpdq.ok && tmk.ok);
      assert.equal(both.value.vpdqJson, vpdqToJson(vpdq.value.features));
      assert.equal(both.value.frames, vpdq.value.frames);
      assert.ok(both.value.frames > 0);
      assert.equal(both.value.tmk!.frameFeatureCount, tmk.value.frameFeatureCount);
      assert.deepEqual(writeTmkFile(both.value.tmk!), writeTmkFile(tmk.value));
    });

  it('names a file that is not a video, and a frame limit, as a single decode does', async () => {
    const limits = { ...DEFAULT_VIDEO_LIMITS, maxFrames: 5 };
    const over = await hashVideoFile(`${REF}doorknob-hd-no-bar.mp4`, { secondsPerHash: 0, limits, tmk: true });
    assert.equal(!over.ok && over.error.code, 'too_many_frames');
  });
});
