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

/** A word's character: the complement of the split `[^a-z0-9$']+` (a-z, 0-9, `$`, `'`). */
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 36 || c === 39;

/**
 * `fnv` of characters from..to of the word text[start, start + len) padded with a space each
 * side (` ${word} `), read in place: the same value without building the padded string.
 */
function fnvPadded(text: string, start: number, len: number, from: number, to: number, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = from; i < to; i++) {
    h ^= i === 0 || i === len + 1 ? 32 : text.charCodeAt(start + i - 1);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & MASK;
}

/** `fnv` of `${a} ${b}` for the words text[a0, a1) and text[b0, b1), read in place. */
function fnvPair(text: string, a0: number, a1: number, b0: number, b1: number, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = a0; i < a1; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ 32, 0x01000193);
  for (let i = b0; i < b1; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) & MASK;
}

/**
 * Calls `visit` once per n-gram of the text. With `withText`, the word (or word pair) each gram
 * belongs to is passed too (only for explaining an alert: the hot path allocates no strings
 * but the words, which the function-word check needs).
 */
export function forEachGram(normalized: string, visit: (bucket: number, text?: string) => void, withText = false): void {
  if (withText) return forEachGramWithText(normalized, visit);
  // The words of `forEachGramWithText`, found in place, visited in the same order with the same
  // buckets (the model's sum is order-sensitive in floating point): it runs on every message.
  const end = Math.min(normalized.length, MAX_CHARS);
  let prevStart = -1;
  let prevEnd = -1;
  let i = 0;
  while (i < end) {
    if (!isWordChar(normalized.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < end && isWordChar(normalized.charCodeAt(i))) i++;
    if (FUNCTION_WORDS.has(normalized.slice(start, i))) continue;
    const len = i - start;
    const padded = len + 2;
    for (let n = 3; n <= 5; n++) for (let k = 0; k + n <= padded; k++) visit(fnvPadded(normalized, start, len, k, k + n, n));
    if (prevStart >= 0) visit(fnvPair(normalized, prevStart, prevEnd, start, i, 7));
    prevStart = start;
    prevEnd = i;
  }
}

/** The reference walk (and the one that names each gram's word): split, filter, padded strings. */
function forEachGramWithText(normalized: string, visit: (bucket: number, text?: string) => void): void {
  const words = normalized
    .slice(0, MAX_CHARS)
    .split(/[^a-z0-9$']+/)
    .filter((w) => w && !FUNCTION_WORDS.has(w));
  let prev = '';
  for (const w of words) {
    const p = ` ${w} `;
    for (let n = 3; n <= 5; n++) {
      for (let i = 0; i + n <= p.length; i++) visit(fnv(p, i, i + n, n), w);
    }
    if (prev) {
      const pair = `${prev} ${w}`;
      visit(fnv(pair, 0, pair.length, 7), pair);
    }
    prev = w;
  }
}

/** Every gram's bucket by the reference walk (tests only: the in-place walk must give the same, in order). */
export function referenceGrams(normalized: string): number[] {
  const out: number[] = [];
  forEachGramWithText(normalized, (b) => out.push(b));
  return out;
}

/** The distinct buckets of a message, for training (repeats count once: presence, not frequency). */
export function gramBuckets(normalized: string): Int32Array {
  const seen = new Set<number>();
  forEachGram(normalized, (b) => seen.add(b));
  return Int32Array.from(seen);
}
