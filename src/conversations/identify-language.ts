/*
 * Which language a message is written in, so that text in a language the lexicon has no file
 * for is reported as unsupported rather than silently scored as "no cue". ELD (the eld
 * package, n-gram tables shipped inside it, nothing downloaded) was chosen over tinyld and
 * franc-min: maintained, ISO 639-1 codes, a reliability flag for short texts, and about
 * 44 µs a message on this loaded machine against tinyld's 950 µs (measured, 50,000 calls).
 * That is still too much for every message at 20,000 a second, so detectCues asks only for
 * messages long enough to tell and in which no lexicon's words were found.
 */
import { eld } from 'eld/small';
import { LANGUAGES, LEXICON, type CueLang } from './cue-lexicon.js';

export interface LanguageGuess {
  /** ISO 639-1 code as ELD gives it. */
  code: string;
  /** Whether `lexicon/<code>.yaml` exists. */
  supported: boolean;
}

const SUPPORTED = new Set(LANGUAGES);
/** Fewer letters than this and ELD's guesses are noise ("ok", "lol", a name). */
export const MIN_LETTERS = 16;
/** At least MIN_LETTERS letters, counted from the start without building an array of them (anchored: linear). */
const ENOUGH_LETTERS = new RegExp(`^(?:[^\\p{L}]*\\p{L}){${MIN_LETTERS}}`, 'u');

/** ELD's reading of a message when it has letters enough and is reliable: its best language, and every score on demand. */
export function readLanguage(text: string): { code: string; scores: () => Record<string, number> } | undefined {
  const sample = text.length > 512 ? text.slice(0, 512) : text;
  if (!ENOUGH_LETTERS.test(sample)) return undefined;
  const r = eld.detect(sample);
  if (!r.language || !r.isReliable()) return undefined;
  return { code: r.language, scores: () => r.getScores() };
}

/** The language of a message when ELD is confident of it, or undefined. */
export function identifyLanguage(text: string): LanguageGuess | undefined {
  const r = readLanguage(text);
  return r && { code: r.code, supported: SUPPORTED.has(r.code as CueLang) };
}

const EVERYDAY = new Map(
  LEXICON.languages.map((l) => [l.language, new RegExp(`(?:^|[^a-z'])(?:${l.common.join('|')})(?![a-z'])`, 'g')] as const),
);

/** Whether a normalised message holds two everyday words of a language (stops at the second: no match array). */
export function speaksEveryday(normalized: string, lang: CueLang): boolean {
  const re = EVERYDAY.get(lang)!;
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(normalized) !== null) if (++n >= 2) return true;
  return false;
}

/** Whether a normalised message holds two everyday words of one supported language (cheap; ELD is not). */
export function looksSupported(normalized: string): boolean {
  return LANGUAGES.some((l) => speaksEveryday(normalized, l));
}
