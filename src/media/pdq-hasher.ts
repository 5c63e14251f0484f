import { readFileSync } from 'node:fs';
import { err, ok } from '../core/result.js';
import { decodeImage, type DecodedImage } from './decode-image.js';
import type { Hasher, HasherExample } from './hasher.js';
import { lumaFromGrey, lumaFromRgb, MIN_HASHABLE_DIM, pdqFromDecimated, pdqFromLuma, pdqScratch, pdqWindows } from './pdq/pdq-hash.js';
import { loadWasmFilter } from './pdq/wasm-filter.js';

export interface PdqHasherOptions {
  /** Refuse images with more pixels than this, before decoding (decompression bombs). */
  maxPixels: number;
  /** JPEG shrink-on-load before hashing (decode-image.ts, DecodeOptions); off by default. */
  jpegShrinkToSide?: number | undefined;
  /** Where the reference images live, for the contract suite's examples. */
  referenceRoot?: string;
}

/** PDQ of an already-decoded image: the hash-only step (benchmarks time it apart from decoding). */
export function pdqOfDecoded(img: DecodedImage, dihedral = false) {
  const wasm = loadWasmFilter();
  if (wasm && img.width >= MIN_HASHABLE_DIM && img.height >= MIN_HASHABLE_DIM) {
    const w = pdqWindows(img.height, img.width);
    // Both passes and the decimation streamed in WebAssembly: only the 64×64 samples come back.
    return pdqFromDecimated(wasm.pdq64(img.pixels, img.channels, img.height, img.width, w.alongRows, w.alongCols), dihedral);
  }
  const scratch = pdqScratch(img.width * img.height);
  if (img.channels === 3) lumaFromRgb(img.pixels, img.width, img.height, 3, scratch.luma);
  else lumaFromGrey(img.pixels, img.width * img.height, scratch.luma);
  return pdqFromLuma(scratch, img.height, img.width, dihedral);
}

export function createPdqHasher(opts: PdqHasherOptions): Hasher {
  const ref = opts.referenceRoot ?? new URL('../../testdata/pdq-reference/', import.meta.url).pathname;
  const file = (p: string) => () => readFileSync(ref + p);
  const examples: HasherExample[] = [
    // Expected values: testdata/pdq-reference/expected/pdq-fullres-dihedral.csv.
    {
      title: 'reference bridge photo (JPEG)',
      bytes: file('pdq/data/bridge-mods/aaa-orig.jpg'),
      hex: 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22',
    },
    { title: 'bytes that are not an image', bytes: () => new TextEncoder().encode('not an image'), hex: null },
    { title: 'zero bytes', bytes: () => new Uint8Array(0), hex: null },
  ];
  return {
    name: 'pdq',
    contentKinds: ['image'],
    async hash(bytes, hashOpts = {}) {
      const decoded = await decodeImage(bytes, opts.maxPixels, { jpegShrinkToSide: opts.jpegShrinkToSide });
      if (!decoded.ok) return err(decoded.error);
      const r = pdqOfDecoded(decoded.value, hashOpts.dihedral);
      return ok(
        r.dihedral
          ? { signalType: 'pdq', hex: r.hash, quality: r.quality, dihedral: r.dihedral }
          : { signalType: 'pdq', hex: r.hash, quality: r.quality },
      );
    },
    examples,
  };
}
