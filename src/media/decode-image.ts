import sharp, { type Metadata } from 'sharp';
import { err, ok, type Result } from '../core/result.js';

/** An image decoded to 8-bit samples: 3 channels (RGB) or 1 (grey, read as R = G = B). */
export interface DecodedImage {
  width: number;
  height: number;
  channels: 1 | 3;
  pixels: Uint8Array;
  format: string;
}

export type DecodeErrorCode = 'empty' | 'unsupported_format' | 'too_many_pixels' | 'corrupt';
export interface DecodeError {
  code: DecodeErrorCode;
  detail: string;
}

export const SUPPORTED_FORMATS = ['jpeg', 'png', 'webp', 'gif', 'tiff', 'heif', 'avif'] as const;

// libvips decodes on its own threads; two are plenty on small machines and keep memory bounded.
sharp.concurrency(2);
sharp.cache(false);

/**
 * Decodes an image as the PDQ reference's test data was decoded (ImageMagick 6 writing
 * 8-bit PPM), so hashes match the reference. Each rule was checked pixel for pixel against
 * ImageMagick on the reference set:
 * - embedded ICC profiles and gamma are ignored (ImageMagick's PPM path does not apply them);
 * - EXIF orientation is ignored (the pixels are hashed as stored, like HMA);
 * - alpha is dropped, not composited;
 * - 16-bit samples become floor(v / 257);
 * - CMYK becomes RGB by ImageMagick's formula R = QR - (C (QR - K) / QR + K), not an ICC transform;
 * - palette and grey images are expanded by libvips as ImageMagick does;
 * - animated images: the first frame.
 * The pixel limit is checked from the header, before any pixel is decoded (decompression bombs).
 */
export interface DecodeOptions {
  /**
   * JPEG shrink-on-load: a JPEG whose shorter side is at least twice this is decoded at a
   * reduced size by libjpeg's DCT scaling (1/2, 1/4 or 1/8) and resampled so that its shorter
   * side is this many pixels. Faster, at the cost of a small PDQ distance from the full-size
   * hash (`npm run bench -- --only=shrink` measures both). Off (undefined) by default: full-size
   * decoding is what makes Warden's PDQ bit-exact with the reference.
   */
  jpegShrinkToSide?: number | undefined;
}

export async function decodeImage(
  bytes: Uint8Array,
  maxPixels: number,
  opts: DecodeOptions = {},
): Promise<Result<DecodedImage, DecodeError>> {
  if (bytes.length === 0) return err({ code: 'empty', detail: 'the file is empty (0 bytes)' });
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let meta: Metadata;
  try {
    meta = await sharp(input, { ignoreIcc: true, limitInputPixels: false }).metadata();
  } catch (e) {
    const message = (e as Error).message;
    if (/unsupported image format/i.test(message))
      return err({ code: 'unsupported_format', detail: 'not an image format Warden decodes (JPEG, PNG, WebP, GIF, TIFF, HEIF, AVIF)' });
    return err({ code: 'corrupt', detail: `cannot read the image header: ${message.slice(0, 200)}` });
  }
  if (!(SUPPORTED_FORMATS as readonly string[]).includes(meta.format ?? '')) {
    return err({ code: 'unsupported_format', detail: `format ${meta.format ?? 'unknown'} is not supported` });
  }
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (width * height > maxPixels) {
    return err({ code: 'too_many_pixels', detail: `${width}x${height} is ${width * height} pixels, above the limit of ${maxPixels}` });
  }
  try {
    const base = () => sharp(input, { ignoreIcc: true, limitInputPixels: maxPixels, failOn: 'error', pages: 1 });
    if (meta.space === 'cmyk') {
      const { data, info } = await base().pipelineColourspace('cmyk').toColourspace('cmyk').raw().toBuffer({ resolveWithObject: true });
      return ok({
        width: info.width,
        height: info.height,
        channels: 3,
        pixels: cmykToRgb(data, info.width * info.height, info.channels),
        format: meta.format!,
      });
    }
    if (meta.depth === 'ushort') {
      const grey = (meta.channels ?? 3) <= 2;
      const space = grey ? 'grey16' : 'rgb16';
      const { data, info } = await base()
        .removeAlpha()
        .pipelineColourspace(space)
        .toColourspace(space)
        .raw({ depth: 'ushort' })
        .toBuffer({ resolveWithObject: true });
      const samples = new Uint16Array(data.buffer, data.byteOffset, data.byteLength / 2);
      const channels = grey ? 1 : 3;
      const out = new Uint8Array(info.width * info.height * channels);
      for (let p = 0, o = 0; o < out.length; p += info.channels)
        for (let c = 0; c < channels; c++) out[o++] = Math.floor(samples[p + c]! / 257);
      return ok({ width: info.width, height: info.height, channels, pixels: out, format: meta.format! });
    }
    let pipeline = base();
    const side = opts.jpegShrinkToSide;
    if (side !== undefined && meta.format === 'jpeg' && Math.min(width, height) >= 2 * side) {
      const scale = side / Math.min(width, height);
      // sharp picks the DCT shrink (fastShrinkOnLoad) and resamples the rest of the way.
      pipeline = pipeline.resize(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)), {
        fit: 'fill',
        fastShrinkOnLoad: true,
      });
    }
    const { data, info } = await pipeline.removeAlpha().toColourspace('srgb').raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) return err({ code: 'corrupt', detail: `decoded to ${info.channels} channels, expected 3` });
    return ok({
      width: info.width,
      height: info.height,
      channels: 3,
      pixels: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      format: meta.format!,
    });
  } catch (e) {
    const message = (e as Error).message;
    if (/pixel limit/i.test(message)) return err({ code: 'too_many_pixels', detail: message.slice(0, 200) });
    return err({ code: 'corrupt', detail: `cannot decode the image: ${message.slice(0, 200)}` });
  }
}

const QR = 65535;

function cmykToRgb(cmyk: Buffer, pixels: number, channels: number): Uint8Array {
  const out = new Uint8Array(pixels * 3);
  for (let p = 0, i = 0, o = 0; p < pixels; p++, i += channels) {
    const k = cmyk[i + 3]! * 257;
    for (let c = 0; c < 3; c++) {
      const q = Math.min(QR, Math.max(0, Math.floor(QR - ((cmyk[i + c]! * 257) / QR) * (QR - k) - k + 0.5)));
      out[o++] = (q + 128 - ((q + 128) >> 8)) >> 8;
    }
  }
  return out;
}
