import { loadWasmFilter } from '../media/pdq/wasm-filter.js';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { decodeImage } from '../media/decode-image.js';
import { pdqOfDecoded } from '../media/pdq-hasher.js';

/**
 * PDQ hashing time, split into decode and hash, on the reference images and on a generated
 * 12-megapixel JPEG (abstract gradients and stripes). The baseline for hash-only time is a
 * loop that reads the same decoded pixels once: the memory-bandwidth floor. Prints JSON.
 * argv: referenceRoot
 */
const root = process.argv[2]!;
const files = [
  'pdq/data/bridge-mods/aaa-orig.jpg',
  'pdq/data/misc-images/c.png',
  'pdq/data/reg-test-input/pen-and-coaster.png',
  'pdq/data/reg-test-input/labelme-subset/q0122.jpg',
];

async function twelveMegapixelJpeg(): Promise<Buffer> {
  const w = 4000;
  const h = 3000;
  const px = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      px[i] = (x * 255) / w;
      px[i + 1] = (y * 255) / h;
      px[i + 2] = Math.floor(x / 97 + y / 61) % 2 ? 200 : 40;
    }
  }
  return sharp(px, { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function measure(bytes: Uint8Array, reps: number) {
  let decodeMs = 0;
  let hashMs = 0;
  let floorMs = 0;
  let pixels = 0;
  let sink = 0;
  // The first hash at a new size grows the WebAssembly memory (a one-time cost per process
  // and size); it is reported apart from the steady state a running server sees.
  const first = await decodeImage(bytes, 100_000_000);
  if (!first.ok) throw new Error(first.error.detail);
  const t0 = performance.now();
  sink += pdqOfDecoded(first.value).quality;
  const firstHashMs = performance.now() - t0;
  for (let r = 0; r < reps; r++) {
    let t = performance.now();
    const d = await decodeImage(bytes, 100_000_000);
    decodeMs += performance.now() - t;
    if (!d.ok) throw new Error(d.error.detail);
    pixels = d.value.width * d.value.height;
    // Hashed straight after decoding, as a server does; the floor after it, so that its copy
    // of the pixels into WebAssembly memory does not evict what the hash would find cached.
    t = performance.now();
    sink += pdqOfDecoded(d.value).quality;
    hashMs += performance.now() - t;
    // The floor: the same pixels read once with SIMD loads from WebAssembly memory (a
    // JavaScript byte loop measured the loop, not the memory).
    floorMs += loadWasmFilter()!.readOnceMs(d.value.pixels);
  }
  void t0;
  return { pixels, decodeMs: decodeMs / reps, hashMs: hashMs / reps, firstHashMs, readPixelsOnceMs: floorMs / reps, sink: sink % 7 };
}

const results: Record<string, unknown> = {};
for (const f of files) results[f.split('/').pop()!] = await measure(readFileSync(root + f), 5);
results['generated-12MP.jpg'] = await measure(await twelveMegapixelJpeg(), 5);
process.stdout.write(JSON.stringify(results) + '\n');
