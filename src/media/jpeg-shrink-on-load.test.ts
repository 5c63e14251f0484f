import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import sharp from 'sharp';
import { decodeImage } from './decode-image.js';
import { distanceAt, parseHash256 } from './hamming.js';
import { createPdqHasher } from './pdq-hasher.js';

const ROOT = new URL('../../testdata/pdq-reference/', import.meta.url).pathname;
const distance = (a: string, b: string) => distanceAt(parseHash256(a)!, 0, parseHash256(b)!, 0, 256);

/** An abstract generated image: gradients and stripes, as the bench's. */
async function generated(width: number, height: number, format: 'jpeg' | 'png'): Promise<Buffer> {
  const px = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      px[i] = (x * 255) / width;
      px[i + 1] = (y * 255) / height;
      px[i + 2] = Math.floor(x / 97 + y / 61) % 2 ? 200 : 40;
    }
  const img = sharp(px, { raw: { width, height, channels: 3 } });
  return format === 'jpeg' ? img.jpeg({ quality: 90 }).toBuffer() : img.png().toBuffer();
}

describe('JPEG shrink-on-load before PDQ (media.jpegShrinkToSide)', () => {
  let jpeg: Buffer;
  before(async () => {
    jpeg = await generated(2048, 1536, 'jpeg');
  });

  it('decodes a large JPEG at a reduced size with the shorter side asked for, and leaves others whole', async () => {
    const shrunk = await decodeImage(jpeg, 50_000_000, { jpegShrinkToSide: 256 });
    assert.ok(shrunk.ok);
    assert.deepEqual([shrunk.value.width, shrunk.value.height], [341, 256]);
    const full = await decodeImage(jpeg, 50_000_000);
    assert.ok(full.ok);
    assert.deepEqual([full.value.width, full.value.height], [2048, 1536]);
    // Not twice the side: decoded whole.
    const near = await decodeImage(jpeg, 50_000_000, { jpegShrinkToSide: 1024 });
    assert.ok(near.ok && near.value.width === 2048);
    // Only JPEG has DCT scaling: a PNG is decoded whole.
    const png = await decodeImage(await generated(1024, 768, 'png'), 50_000_000, { jpegShrinkToSide: 128 });
    assert.ok(png.ok && png.value.width === 1024);
  });

  it('keeps a photo’s PDQ hash within matching distance of the full-size one', async () => {
    const full = createPdqHasher({ maxPixels: 50_000_000 });
    const shrink = createPdqHasher({ maxPixels: 50_000_000, jpegShrinkToSide: 256 });
    const bytes = readFileSync(ROOT + 'pdq/data/bridge-mods/aaa-orig.jpg');
    const a = await full.hash(bytes);
    const b = await shrink.hash(bytes);
    assert.ok(a.ok && b.ok);
    assert.equal(a.value.hex, 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22', 'bit-exact at full size');
    const d = distance(a.value.hex, b.value.hex);
    assert.ok(d > 0 && d <= 31, `distance ${d}`);
  });

  it('is off by default because a fine periodic pattern moves the hash past the threshold when shrunk', async () => {
    // Stripes about 36 px apart: downscaling aliases them, whatever the resampler (measured: 38 bits at 512 px, 64 at 256).
    const full = createPdqHasher({ maxPixels: 50_000_000 });
    const shrink = createPdqHasher({ maxPixels: 50_000_000, jpegShrinkToSide: 256 });
    const a = await full.hash(jpeg);
    const b = await shrink.hash(jpeg);
    assert.ok(a.ok && b.ok);
    assert.ok(distance(a.value.hex, b.value.hex) > 31);
  });
});
