import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ffmpegAvailable } from '../media/video/ffmpeg-decoder.js';
import { compareTmk } from '../media/video/tmk.js';
import { readTmkFile } from '../media/video/tmk-file.js';
import { parseVpdqJson } from '../media/video/vpdq.js';

const CLI = fileURLToPath(new URL('./main.js', import.meta.url));
const REF = fileURLToPath(new URL('../../testdata/video-reference/', import.meta.url));
const CLIP = `${REF}videos/pattern-sd-grey-bar.mp4`;
const warden = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
const skip = ffmpegAvailable()
  ? false
  : 'ffmpeg is not installed (Debian: apt-get install -y ffmpeg); `warden hash` on videos is not tested';

describe('warden hash on videos', { skip }, () => {
  it('prints one CSV line a hashed frame: pdqhex,quality,path,frame,timestamp', () => {
    const r = warden('hash', CLIP);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 7, '206 frames at 30 fps, one a second');
    lines.forEach((l, i) => assert.match(l, new RegExp(`^[0-9a-f]{64},\\d+,${CLIP},${30 * i},${i}\\.000$`)));
    assert.equal(warden('hash', '--seconds-per-hash', '0', CLIP).stdout.trim().split('\n').length, 206);
  });

  it('prints the vPDQ signal string and digests in JSON, and writes the .tmk file with --tmk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-hash-video-'));
    try {
      const r = warden('hash', '--format', 'json', '--tmk', dir, CLIP);
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout) as { kind: string; vpdq: string; frames: number; md5: string; tmk: string };
      assert.equal(out.kind, 'video');
      assert.equal(out.frames, 7);
      assert.ok(parseVpdqJson(out.vpdq).ok);
      assert.match(out.md5, /^[0-9a-f]{32}$/);
      assert.equal(out.tmk, join(dir, 'pattern-sd-grey-bar.tmk'));
      const ours = readTmkFile(readFileSync(out.tmk));
      const ref = readTmkFile(readFileSync(`${REF}tmk-hashes/pattern-sd-grey-bar.tmk`));
      assert.ok(ours.ok && ref.ok);
      assert.ok(compareTmk(ours.value, ref.value).level1 > 0.999);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names a broken video on stderr, goes on with the others, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-hash-video-'));
    try {
      const broken = join(dir, 'broken.mp4');
      // An MP4 signature (ftyp box) and nothing a decoder can use.
      writeFileSync(broken, Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(64)]));
      const r = warden('hash', broken, CLIP);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /broken\.mp4: (not_a_video|corrupt): /);
      assert.equal(r.stdout.trim().split('\n').length, 7);
      assert.equal(warden('hash', '--seconds-per-hash', '-1', CLIP).status, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
