import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { md5Hasher, sha1Hasher, sha256Hasher, videoMd5Hasher } from './digest-hashers.js';
import { SIGNAL_TYPES, type Hasher } from './hasher.js';
import { createPdqHasher } from './pdq-hasher.js';

const HEX_LENGTH = { pdq: 64, md5: 32, sha1: 40, sha256: 64, video_md5: 32 } as const;
const HASHERS: Hasher[] = [createPdqHasher({ maxPixels: 50_000_000 }), md5Hasher, sha1Hasher, sha256Hasher, videoMd5Hasher];

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
          assert.equal(r.value.hex, ex.hex);
          assert.equal(r.value.signalType, hasher.name);
        }
      });
    }

    it('answers any bytes with lowercase hex of the right length or a refusal, never an exception (property)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
          const r = await hasher.hash(bytes);
          if (r.ok) assert.match(r.value.hex, new RegExp(`^[0-9a-f]{${HEX_LENGTH[hasher.name as keyof typeof HEX_LENGTH]}}$`));
          else assert.ok(r.error.detail.length > 0);
        }),
        { numRuns: 60 },
      );
    });

    it('is deterministic', async () => {
      const ex = hasher.examples.find((e) => e.hex !== null)!;
      const [a, b] = await Promise.all([hasher.hash(ex.bytes()), hasher.hash(ex.bytes())]);
      assert.deepEqual(a, b);
    });
  });
}
