/** Hashes as 8 x uint32 words (word 0 = hex chars 56..63, the least significant). */
export const WORDS = 8;

export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Distance between the hash at `a[ai*8..]` and the one at `b[bi*8..]`, giving up past `limit`. */
export function distanceAt(a: Uint32Array, ai: number, b: Uint32Array, bi: number, limit: number): number {
  const ao = ai * WORDS;
  const bo = bi * WORDS;
  let d = 0;
  for (let w = 0; w < WORDS; w++) {
    d += popcount32(a[ao + w]! ^ b[bo + w]!);
    if (d > limit) return d;
  }
  return d;
}

export const HEX256 = /^[0-9a-f]{64}$/;

/** Parses 64 hex characters (any case) into words; undefined if malformed. */
export function parseHash256(hex: string, out: Uint32Array = new Uint32Array(WORDS), at = 0): Uint32Array | undefined {
  if (hex.length !== 64) return undefined;
  for (let w = 0; w < WORDS; w++) {
    const chunk = hex.slice(64 - 8 * (w + 1), 64 - 8 * w);
    if (!/^[0-9a-fA-F]{8}$/.test(chunk)) return undefined;
    out[at * WORDS + w] = parseInt(chunk, 16) >>> 0;
  }
  return out;
}

export function formatHash256(words: Uint32Array, at = 0): string {
  let s = '';
  for (let w = WORDS - 1; w >= 0; w--) s += (words[at * WORDS + w]! >>> 0).toString(16).padStart(8, '0');
  return s;
}
