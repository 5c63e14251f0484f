import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { md5Hasher, sha1Hasher, sha256Hasher, videoMd5Hasher } from './digest-hashers.js';
import { SIGNAL_TYPES, type Hasher } from './hasher.js';
import { createPdqHasher } from './pdq-hasher.js';
import { DEFAULT_VIDEO_LIMITS, ffmpegAvailable } from './video/ffmpeg-decoder.js';
import { createTmkHasher, createVpdqHasher } from './video/video-hashers.js';

/** What each signal's value looks like: lowercase hex of a fixed length, or the video signals' strings. */
const FORMAT: Record<string, RegExp> = {
  pdq: /^[0-9a-f]{64}$/,
  md5: /^[0-9a-f]{32}$/,
  sha1: /^[0-9a-f]{40}$/,
  sha256: /^[0-9a-f]{64}$/,
  video_md5: /^[0-9a-f]{32}$/,
  vpdq: /^\[("[0-9a-f]{64},\d{1,3},[0-9.e+-]+"(, )?)*\]$/,
  tmk_pdqf: /^[A-Za-z0-9+/]+={0,2}$/,
};
const videos = ffmpegAvailable();
const HASHERS: Hasher[] = [
  createPdqHasher({ maxPixels: 50_000_000 }),
  md5Hasher,
  sha1Hasher,
  sha256Hasher,
  videoMd5Hasher,
  // Without ffmpeg a video hasher refuses everything (decoder_missing): its contract is not run, and says so.
  ...(videos
    ? [createVpdqHasher({ secondsPerHash: 1, limits: DEFAULT_VIDEO_LIMITS }), createTmkHasher({ limits: DEFAULT_VIDEO_LIMITS })]
    : []),
];
if (!videos) describe('Hasher contract: vpdq, tmk_pdqf', { skip: 'ffmpeg is not installed (Debian: apt-get install -y ffmpeg)' }, () => {});

/** The shared contract every Hasher meets (docs/architecture.md, plug-in contracts). */
for (const hasher of HASHERS) {
  describe(`Hasher contract: ${hasher.name}`, () => {
    it('has a persisted signal-type name and at least one example', () => {
      assert.ok((SIGNAL_TYPES as readonly string[]).includes(hasher.name));
      assert.ok(hasher.examples.length > 0);
      assert.ok(hasher.contentKinds.length > 0);
    });

    for (const ex of hasher.examples) {
      it(`example: ${ex.title}`, async () => {
        const r = await hasher.hash(ex.bytes());
        if (ex.hex === null) {
          assert.equal(r.ok, false, 'must be refused');
          assert.ok(!r.ok && r.error.detail.length > 0 && r.error.code.length > 0);
        } else {
          assert.ok(r.ok, !r.ok ? r.error.detail : '');
          if (ex.same) assert.ok(ex.same(r.value.hex, ex.hex), 'the same content by the signal’s match rule');
          else assert.equal(r.value.hex, ex.hex);
          assert.match(r.value.hex, FORMAT[hasher.name]!);
          assert.equal(r.value.signalType, hasher.name);
        }
      });
    }

    it('answers any bytes with a value of its format or a refusal, never an exception (property)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
          const r = await hasher.hash(bytes);
          if (r.ok) assert.match(r.value.hex, FORMAT[hasher.name]!);
          else assert.ok(r.error.detail.length > 0);
        }),
        // A video hasher starts ffmpeg for each input: fewer runs.
        { numRuns: hasher.contentKinds.includes('image') ? 60 : 6 },
      );
    });

    it('is deterministic', async () => {
      const ex = hasher.examples.find((e) => e.hex !== null)!;
      const [a, b] = await Promise.all([hasher.hash(ex.bytes()), hasher.hash(ex.bytes())]);
      assert.deepEqual(a, b);
    });
  });
}
