import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { decodeImage } from '../media/decode-image.js';
import { distanceAt, parseHash256 } from '../media/hamming.js';
import { pdqOfDecoded } from '../media/pdq-hasher.js';
import { prng } from './synthetic.js';

/**
 * JPEG shrink-on-load before PDQ (decode-image.ts, `jpegShrinkToSide`): decode-and-hash time
 * at full size and shrunk to a shorter side of 512, 256 and 128 pixels, in the same process,
 * with the PDQ distance each shrink costs against the full-size hash. On every JPEG of the
 * reference set (Meta's pdq test data; at most 1600×1004, so only the smaller sides apply)
 * and on generated photo-like JPEGs of 12 and 24 megapixels (smooth fields, edges, grain:
 * abstract, no content). Prints one JSON line. argv: referenceRoot [repetitions] [quick]
 * (quick: six reference files and one 2-megapixel photo, for the test suite's smoke run)
 */
const root = process.argv[2]!;
const reps = Number(process.argv[3] ?? 3);
const quick = process.argv[4] === 'quick';
const SIDES = [512, 256, 128] as const;

function jpegsUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...jpegsUnder(p));
    else if (/\.jpe?g$/i.test(name)) out.push(p);
  }
  return out.sort();
}

/** A photo-like image: overlapping soft blobs, a few hard edges and sensor-like grain. */
async function generatedPhoto(width: number, height: number, seed: number): Promise<Buffer> {
  const rnd = prng(seed);
  const blobs = Array.from({ length: 24 }, () => ({
    x: rnd() * width,
    y: rnd() * height,
    r: (0.05 + rnd() * 0.3) * width,
    c: [rnd(), rnd(), rnd()].map((v) => v * 255),
  }));
  const edges = Array.from({ length: 6 }, () => ({ a: rnd() * 2 - 1, b: rnd() * height, shade: rnd() * 90 - 45 }));
  const px = Buffer.alloc(width * height * 3);
  // Computed on a coarse grid and interpolated: 24 MP of exact blob sums would take minutes.
  const step = 16;
  const gw = Math.ceil(width / step) + 1;
  const gh = Math.ceil(height / step) + 1;
  const grid = new Float32Array(gw * gh * 3);
  for (let gy = 0; gy < gh; gy++)
    for (let gx = 0; gx < gw; gx++) {
      let r = 60;
      let g = 60;
      let b = 60;
      for (const k of blobs) {
        const d2 = ((gx * step - k.x) ** 2 + (gy * step - k.y) ** 2) / (k.r * k.r);
        const w = Math.exp(-d2);
        r += (k.c[0]! - 60) * w * 0.6;
        g += (k.c[1]! - 60) * w * 0.6;
        b += (k.c[2]! - 60) * w * 0.6;
      }
      grid.set([r, g, b], (gy * gw + gx) * 3);
    }
  for (let y = 0; y < height; y++) {
    const gy = Math.floor(y / step);
    const fy = (y % step) / step;
    for (let x = 0; x < width; x++) {
      const gx = Math.floor(x / step);
      const fx = (x % step) / step;
      let shade = 0;
      for (const e of edges) if (y > e.a * x + e.b) shade += e.shade;
      const grain = (rnd() - 0.5) * 12;
      for (let c = 0; c < 3; c++) {
        const i00 = grid[(gy * gw + gx) * 3 + c]!;
        const i10 = grid[(gy * gw + gx + 1) * 3 + c]!;
        const i01 = grid[((gy + 1) * gw + gx) * 3 + c]!;
        const i11 = grid[((gy + 1) * gw + gx + 1) * 3 + c]!;
        const v = (i00 * (1 - fx) + i10 * fx) * (1 - fy) + (i01 * (1 - fx) + i11 * fx) * fy;
        px[(y * width + x) * 3 + c] = Math.max(0, Math.min(255, v + shade + grain));
      }
    }
  }
  return sharp(px, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

async function timedHash(bytes: Uint8Array, side: number | undefined) {
  let ms = 0;
  let hash = '';
  let decoded = '';
  for (let r = 0; r < reps + 1; r++) {
    const t = performance.now();
    const d = await decodeImage(bytes, 200_000_000, { jpegShrinkToSide: side });
    if (!d.ok) throw new Error(d.error.detail);
    hash = pdqOfDecoded(d.value).hash;
    // The first round warms the decoder and the hash's memory for this size; it is not timed.
    if (r > 0) ms += performance.now() - t;
    decoded = `${d.value.width}x${d.value.height}`;
  }
  return { ms: ms / reps, hash, decoded };
}

interface Row {
  name: string;
  size: string;
  fullMs: number;
  sides: Record<number, { decoded: string; ms: number; speedup: number; distance: number } | null>;
}

async function measure(name: string, bytes: Uint8Array): Promise<Row> {
  const meta = await sharp(bytes).metadata();
  const full = await timedHash(bytes, undefined);
  const row: Row = { name, size: `${meta.width}x${meta.height}`, fullMs: full.ms, sides: {} };
  for (const side of SIDES) {
    if (Math.min(meta.width ?? 0, meta.height ?? 0) < 2 * side) {
      row.sides[side] = null; // not shrunk: the same as full size
      continue;
    }
    const s = await timedHash(bytes, side);
    row.sides[side] = {
      decoded: s.decoded,
      ms: s.ms,
      speedup: full.ms / s.ms,
      distance: distanceAt(parseHash256(full.hash)!, 0, parseHash256(s.hash)!, 0, 256),
    };
  }
  return row;
}

function summary(rows: Row[]) {
  const out: Record<number, { images: number; medianSpeedup: number; meanDistance: number; maxDistance: number; over31: number }> = {};
  for (const side of SIDES) {
    const hit = rows.map((r) => r.sides[side]).filter((x): x is NonNullable<typeof x> => x !== null && x !== undefined);
    if (hit.length === 0) continue;
    const speedups = hit.map((h) => h.speedup).sort((a, b) => a - b);
    out[side] = {
      images: hit.length,
      medianSpeedup: speedups[Math.floor(speedups.length / 2)]!,
      meanDistance: hit.reduce((a, h) => a + h.distance, 0) / hit.length,
      maxDistance: Math.max(...hit.map((h) => h.distance)),
      over31: hit.filter((h) => h.distance > 31).length,
    };
  }
  return out;
}

const reference: Row[] = [];
for (const f of jpegsUnder(join(root, 'pdq/data')).slice(0, quick ? 6 : undefined))
  reference.push(await measure(f.slice(root.length), readFileSync(f)));
const generated: Row[] = [];
const photos: (readonly [number, number, number])[] = quick
  ? [[1600, 1200, 1]]
  : [
      [4000, 3000, 1],
      [4000, 3000, 2],
      [3000, 4000, 3],
      [6000, 4000, 4],
    ];
for (const [w, h, seed] of photos) generated.push(await measure(`generated-${w}x${h}-${seed}.jpg`, await generatedPhoto(w, h, seed)));
process.stdout.write(
  JSON.stringify({
    reps,
    reference: { summary: summary(reference), rows: reference },
    generated: { summary: summary(generated), rows: generated },
  }) + '\n',
);
