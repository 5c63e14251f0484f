import { randomBytes } from 'node:crypto';

// Crockford base32: sortable, unambiguous when read aloud or copied by hand.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

let pool = Buffer.alloc(0);
let poolOffset = 0;

function random10(): Buffer {
  // One syscall per 4 KiB of ids instead of one per id: alerts are minted on the ingest path.
  if (poolOffset + 10 > pool.length) {
    pool = randomBytes(4096);
    poolOffset = 0;
  }
  const out = pool.subarray(poolOffset, poolOffset + 10);
  poolOffset += 10;
  return out;
}

let lastMs = -1;
let lastRand = '';

/** Adds one to a base32 string: ids minted in one millisecond still sort in mint order. */
function increment(s: string): string {
  const chars = s.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    const v = ALPHABET.indexOf(chars[i]!);
    if (v < 31) {
      chars[i] = ALPHABET[v + 1]!;
      return chars.join('');
    }
    chars[i] = '0';
  }
  return chars.join('');
}

/**
 * A ULID-shaped id (48-bit millisecond time + 80 random bits) with a type prefix, so ids
 * sort by creation time and say what they name: `alr_01J…`, `key_01J…`.
 */
export function newId(prefix: string, nowMs: number = Date.now()): string {
  // Never behind an id already minted or observed: alert ids order the rule runner's
  // cursor, so they must rise even when the clock steps back.
  if (nowMs < lastMs) nowMs = lastMs;
  let time = '';
  let t = nowMs;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  if (nowMs === lastMs) {
    lastRand = increment(lastRand);
    return `${prefix}_${time}${lastRand}`;
  }
  const bytes = random10();
  let rand = '';
  // 80 bits -> 16 base32 chars, 5 bits at a time.
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      rand += ALPHABET[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  lastMs = nowMs;
  lastRand = rand;
  return `${prefix}_${time}${rand}`;
}

/** The millisecond time in an id made by `newId`. */
export function idTimeMs(id: string): number {
  const time = id.slice(id.indexOf('_') + 1, id.indexOf('_') + 11);
  let t = 0;
  for (const ch of time) t = t * 32 + ALPHABET.indexOf(ch);
  return t;
}

/**
 * Ids minted from now on sort after `id` (one read from the store at start): a restart
 * with a clock behind the last run's still mints rising ids.
 */
export function observeId(id: string): void {
  const t = idTimeMs(id);
  if (t > lastMs) {
    lastMs = t;
    lastRand = id.slice(id.indexOf('_') + 11);
  } else if (t === lastMs && id.slice(id.indexOf('_') + 11) > lastRand) lastRand = id.slice(id.indexOf('_') + 11);
}
