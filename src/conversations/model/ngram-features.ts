import { FUNCTION_WORDS } from './function-words.js';

/*
 * Hashed n-gram features of a normalised message (the text `normalizeText` returns): the
 * character 3- to 5-grams of each word padded with spaces, and pairs of neighbouring words,
 * function words and chat fillers left out (data/function-words.json). With them, the model
 * trained on the project's text put "you", "ur", "what", "me" and "ok" at the top of its risk
 * words: the style of the text it was written in, not risk. Without them, "send me a pic of
 * you" and "can u send a pic" share the pair "send pic". Hashing keeps the
 * model a fixed size whatever the vocabulary, and character grams carry over to spellings
 * and inflections the training text never had (the held-out split is written in other words).
 */

/** Feature space of the message model: 2^18 hashed buckets. */
export const NGRAM_BUCKETS = 1 << 18;
const MASK = NGRAM_BUCKETS - 1;
const MAX_CHARS = 2000; // what a risky move needs; a 16 KiB paste is scored on its start

function fnv(s: string, from: number, to: number, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & MASK;
}

export interface Gram {
  bucket: number;
  text: string;
}

/**
 * Calls `visit` once per n-gram of the text. With `withText`, the word (or word pair) each gram
 * belongs to is passed too (only for explaining an alert: the hot path allocates no strings
 * but the words).
 */
export function forEachGram(normalized: string, visit: (bucket: number, text?: string) => void, withText = false): void {
  const words = normalized
    .slice(0, MAX_CHARS)
    .split(/[^a-z0-9$']+/)
    .filter((w) => w && !FUNCTION_WORDS.has(w));
  let prev = '';
  for (const w of words) {
    const p = ` ${w} `;
    for (let n = 3; n <= 5; n++) {
      for (let i = 0; i + n <= p.length; i++) visit(fnv(p, i, i + n, n), withText ? w : undefined);
    }
    if (prev) {
      const pair = `${prev} ${w}`;
      visit(fnv(pair, 0, pair.length, 7), withText ? pair : undefined);
    }
    prev = w;
  }
}

/** The distinct buckets of a message, for training (repeats count once: presence, not frequency). */
export function gramBuckets(normalized: string): Int32Array {
  const seen = new Set<number>();
  forEachGram(normalized, (b) => seen.add(b));
  return Int32Array.from(seen);
}
