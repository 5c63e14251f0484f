import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createPdqHasher } from '../pdq-hasher.js';
import { decodeImage } from '../decode-image.js';
import { DIHEDRAL, hammingHex, lumaFromGrey, lumaFromRgb, pdqFromLuma, pdqScratch } from './pdq-hash.js';
import { loadWasmFilter } from './wasm-filter.js';

const ROOT = new URL('../../../testdata/pdq-reference/', import.meta.url).pathname;
const rows = readFileSync(ROOT + 'expected/pdq-fullres-dihedral.csv', 'utf8')
  .trim()
  .split('\n')
  .map((l) => l.split(','));
const hasher = createPdqHasher({ maxPixels: 100_000_000 });

/*
 * Conformance with Meta's reference at full resolution (expected/pdq-fullres-dihedral.csv:
 * the reference C++ core on ImageMagick-decoded pixels, what HMA computes). Measured on this
 * set: every hash, every quality and every dihedral variant is identical — JPEG, PNG, WebP,
 * 16-bit, palette, grey, alpha and CMYK alike — so the test asks for exact equality.
 */
describe('PDQ conformance with the reference (full resolution)', () => {
  it('covers the whole reference set', () => assert.equal(rows.length, 49));
  for (const row of rows) {
    const path = row[9]!;
    it(path, async () => {
      const r = await hasher.hash(readFileSync(ROOT + path), { dihedral: true });
      assert.ok(r.ok, !r.ok ? r.error.detail : '');
      assert.equal(r.value.hex, row[0], `hash differs by ${hammingHex(r.value.hex, row[0]!)} bits`);
      assert.equal(r.value.quality, Number(row[8]));
      DIHEDRAL.forEach((name, i) =>
        assert.equal(r.value.dihedral![name], row[i], `${name} differs by ${hammingHex(r.value.dihedral![name]!, row[i]!)} bits`),
      );
    });
  }

  it('runs on the WebAssembly kernel in this build', () => assert.ok(loadWasmFilter(), 'dist/media/pdq/pdq-filter.wasm should load'));

  it('gives the same hashes on the JavaScript fallback path, image by image', async () => {
    for (const row of rows) {
      const d = await decodeImage(readFileSync(ROOT + row[9]!), 100_000_000);
      assert.ok(d.ok);
      const img = d.value;
      const scratch = pdqScratch(img.width * img.height);
      if (img.channels === 3) lumaFromRgb(img.pixels, img.width, img.height, 3, scratch.luma);
      else lumaFromGrey(img.pixels, img.width * img.height, scratch.luma);
      const r = pdqFromLuma(scratch, img.height, img.width, true);
      assert.equal(r.quality, Number(row[8]), row[9]);
      DIHEDRAL.forEach((name, i) => assert.equal(r.dihedral![name], row[i], `${row[9]} ${name}`));
    }
  });

  it('agrees with every exact full-resolution value asserted upstream', async () => {
    const lines = readFileSync(ROOT + 'expected/upstream-asserted.csv', 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    let checked = 0;
    for (const line of lines) {
      const [source, image, expected, , rule, , distFullres] = line.split(',');
      // Only assertions about full-resolution hashing of images present here (dist_to_fullres 0).
      if (rule !== 'exact' || distFullres !== '0' || !image || source?.includes('wasm')) continue;
      const r = await hasher.hash(readFileSync(ROOT + image));
      assert.ok(r.ok);
      assert.equal(r.value.hex, expected, `${image} (${source})`);
      checked++;
    }
    assert.ok(checked >= 3, `checked ${checked}`);
  });

  it("finds the transformed bridge photos among the original's dihedral variants", async () => {
    const orig = await hasher.hash(readFileSync(ROOT + 'pdq/data/reg-test-input/dih/bridge-1-original.jpg'), { dihedral: true });
    assert.ok(orig.ok);
    const files = [
      'bridge-2-rotate-90',
      'bridge-3-rotate-180',
      'bridge-4-rotate-270',
      'bridge-5-flipx',
      'bridge-6-flipy',
      'bridge-7-flip-plus-1',
      'bridge-8-flip-minus-1',
    ];
    const variants = ['rot90', 'rot180', 'rot270', 'flipx', 'flipy', 'flipplus1', 'flipminus1'] as const;
    for (const [i, f] of files.entries()) {
      const t = await hasher.hash(readFileSync(ROOT + `pdq/data/reg-test-input/dih/${f}.jpg`));
      assert.ok(t.ok);
      const d = hammingHex(orig.value.dihedral![variants[i]!]!, t.value.hex);
      assert.ok(d <= 8, `${f}: ${d} bits`);
      assert.ok(hammingHex(orig.value.hex, t.value.hex) > 31, `${f} is far from the unrotated hash`);
    }
  });

  it("tells unrelated images apart (pen-and-coaster vs bridge: 138 bits in the reference's Java test)", async () => {
    const a = await hasher.hash(readFileSync(ROOT + 'pdq/data/reg-test-input/pen-and-coaster.png'));
    const b = await hasher.hash(readFileSync(ROOT + 'pdq/data/bridge-mods/aaa-orig.jpg'));
    assert.ok(a.ok && b.ok);
    assert.equal(hammingHex(a.value.hex, b.value.hex), 138);
  });
});
