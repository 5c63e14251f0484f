import sharp from 'sharp';

/** Decoding bound: a preview of a crafted huge image must not take the server's memory. */
const MAX_PIXELS = 40_000_000;

/**
 * Wellness (issue 17): the first look at an image is a small, greyscale, heavily blurred copy
 * made here, so the full picture never reaches the browser until the reviewer asks for it a
 * second time (a CSS blur would still send it). Undefined: not an image sharp can read (a
 * video, a broken file), which has no preview.
 */
export async function blurredPreview(bytes: Buffer): Promise<Buffer | undefined> {
  try {
    return await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error', pages: 1 })
      .rotate()
      .resize({ width: 320, height: 320, fit: 'inside', withoutEnlargement: true })
      .greyscale()
      .blur(18)
      .jpeg({ quality: 60 })
      .toBuffer();
  } catch {
    return undefined;
  }
}
