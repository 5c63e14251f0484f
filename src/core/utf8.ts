import { isUtf8 } from 'node:buffer';

/**
 * The offset of the first byte that does not begin a well-formed UTF-8 sequence (RFC 3629
 * section 4: no overlongs, no surrogates, nothing above U+10FFFF), or -1 when all are.
 * `isUtf8` answers the common case natively; the walk runs only to find where it failed.
 */
export function invalidUtf8Offset(buf: Uint8Array): number {
  if (isUtf8(buf)) return -1;
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0) return i;
    // The second byte's range is narrower after E0, ED, F0 and F4 (RFC 3629 section 4).
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    const b1 = buf[i + 1];
    if (b1 === undefined || b1 < lo || b1 > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return n;
}

/** The problem for a body or line that is not UTF-8: where, and which byte. */
export function utf8Problem(buf: Uint8Array, offset: number): string {
  return `is not valid UTF-8 at byte offset ${offset} (0x${buf[offset]?.toString(16).padStart(2, '0') ?? '??'})`;
}
