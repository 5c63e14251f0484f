import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { createPdqHasher } from './pdq-hasher.js';

const ROOT = new URL('../../testdata/pdq-reference/', import.meta.url).pathname;
const hasher = createPdqHasher({ maxPixels: 50_000_000 });

/** Generated abstract images: stripes and gradients, nothing else. */
function stripes(width: number, height: number, period: number, vertical: boolean): Buffer {
  const px = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const on = Math.floor((vertical ? x : y) / period) % 2 === 0;
      px.fill(on ? 230 : 20, (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  return px;
}

/** A PNG whose header declares width x height but which holds almost no data: a decompression bomb's header. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const t = Buffer.concat([Buffer.from(type), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(t));
    return Buffer.concat([len, t, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(16))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('decoding bad and unusual images', () => {
  it('refuses zero bytes', async () => {
    const r = await hasher.hash(new Uint8Array(0));
    assert.deepEqual(r, { ok: false, error: { code: 'empty', detail: 'the file is empty (0 bytes)' } });
  });

  it('refuses a truncated JPEG with a clear error', async () => {
    const whole = readFileSync(ROOT + 'pdq/data/bridge-mods/aaa-orig.jpg');
    const r = await hasher.hash(whole.subarray(0, Math.floor(whole.length / 2)));
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.error.code === 'corrupt', JSON.stringify(r));
  });

  it('refuses a 100,000 x 100,000 declared image before decoding it', async () => {
    const r = await hasher.hash(pngHeaderOnly(100_000, 100_000));
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.error.code === 'too_many_pixels');
    assert.match(!r.ok ? r.error.detail : '', /100000x100000 is 10000000000 pixels, above the limit of 50000000/);
  });

  it('refuses formats it does not decode', async () => {
    const bmp = Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)]);
    for (const bytes of [bmp, Buffer.from('%PDF-1.7\n'), Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')]) {
      const r = await hasher.hash(bytes);
      assert.equal(r.ok, false);
      assert.ok(!r.ok && ['unsupported_format', 'corrupt'].includes(r.error.code), JSON.stringify(r));
    }
  });

  it('hashes a 1x1 image as the reference does: zero hash, quality 0', async () => {
    const png = await sharp(Buffer.from([200, 100, 50]), { raw: { width: 1, height: 1, channels: 3 } })
      .png()
      .toBuffer();
    const r = await hasher.hash(png);
    assert.ok(r.ok);
    assert.deepEqual([r.value.hex, r.value.quality], ['0'.repeat(64), 0]);
  });

  it('hashes the first frame of an animated GIF', async () => {
    const w = 64;
    const h = 64;
    const frame1 = stripes(w, h, 8, true);
    const frame2 = stripes(w, h, 8, false);
    const animated = await sharp(Buffer.concat([frame1, frame2]), { raw: { width: w, height: h * 2, channels: 3, pageHeight: h } as never })
      .gif({ loop: 0 })
      .toBuffer();
    assert.equal((await sharp(animated).metadata()).pages, 2);
    const one = await sharp(frame1, { raw: { width: w, height: h, channels: 3 } })
      .png()
      .toBuffer();
    const two = await sharp(frame2, { raw: { width: w, height: h, channels: 3 } })
      .png()
      .toBuffer();
    const [g, a, b] = await Promise.all([hasher.hash(animated), hasher.hash(one), hasher.hash(two)]);
    assert.ok(g.ok && a.ok && b.ok);
    assert.equal(g.value.hex, a.value.hex);
    assert.notEqual(g.value.hex, b.value.hex);
  });

  it('ignores EXIF orientation: pixels are hashed as stored, not as a viewer would turn them', async () => {
    const raw = stripes(96, 48, 12, true);
    const plain = await sharp(raw, { raw: { width: 96, height: 48, channels: 3 } })
      .png()
      .toBuffer();
    const tagged = await sharp(plain).withMetadata({ orientation: 6 }).png().toBuffer();
    assert.equal((await sharp(tagged).metadata()).orientation, 6);
    const turned = await sharp(plain).rotate(90).png().toBuffer();
    const [a, b, c] = await Promise.all([hasher.hash(plain), hasher.hash(tagged), hasher.hash(turned)]);
    assert.ok(a.ok && b.ok && c.ok);
    assert.equal(b.value.hex, a.value.hex);
    assert.notEqual(c.value.hex, a.value.hex);
  });
});
