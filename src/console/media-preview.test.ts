import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { blurredPreview } from './media-preview.js';

describe('the blurred preview a reviewer sees first (issue 17, wellness)', () => {
  it('is made on the server: smaller, greyscale and blurred, never the original bytes', async () => {
    // A generated abstract image: sharp edges between coloured stripes, which a blur must soften.
    const width = 640;
    const height = 400;
    const raw = Buffer.alloc(width * height * 3);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const on = Math.floor(x / 8) % 2 === 0;
        raw.set(on ? [220, 40, 40] : [20, 60, 200], (y * width + x) * 3);
      }
    const png = await sharp(raw, { raw: { width, height, channels: 3 } })
      .png()
      .toBuffer();
    const preview = await blurredPreview(png);
    assert.ok(preview);
    assert.notDeepEqual(preview, png);
    const meta = await sharp(preview).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.ok(meta.width! <= 320 && meta.height! <= 320, `${meta.width}x${meta.height}`);
    const { data, info } = await sharp(preview).raw().toBuffer({ resolveWithObject: true });
    // Greyscale: one channel, or three equal ones.
    if (info.channels >= 3) for (let i = 0; i < data.length; i += info.channels) assert.ok(Math.abs(data[i]! - data[i + 1]!) <= 2);
    // Blurred: neighbouring pixels of the stripes differ little (the source jumps by ~100 every 4 preview pixels).
    let maxStep = 0;
    for (let x = 1; x < info.width; x++) maxStep = Math.max(maxStep, Math.abs(data[x * info.channels]! - data[(x - 1) * info.channels]!));
    assert.ok(maxStep < 10, `largest step between neighbours ${maxStep}`);
  });

  it('has none for bytes that are not an image (a video, a broken file)', async () => {
    assert.equal(await blurredPreview(Buffer.from('not an image at all')), undefined);
  });
});
