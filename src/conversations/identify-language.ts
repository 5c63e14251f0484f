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
import { LANGUAGES, LEXICON } from './cue-lexicon.js';

export interface LanguageGuess {
  /** ISO 639-1 code as ELD gives it. */
  code: string;
  /** Whether `lexicon/<code>.yaml` exists. */
  supported: boolean;
}

const SUPPORTED = new Set(LANGUAGES);
/** Fewer letters than this and ELD's guesses are noise ("ok", "lol", a name). */
export const MIN_LETTERS = 16;

/** The language of a message when ELD is confident of it, or undefined. */
export function identifyLanguage(text: string): LanguageGuess | undefined {
  const sample = text.length > 512 ? text.slice(0, 512) : text;
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return undefined;
  const r = eld.detect(sample);
  if (!r.language || !r.isReliable()) return undefined;
  return { code: r.language, supported: SUPPORTED.has(r.language) };
}

const COMMON = LEXICON.languages.map((l) => new RegExp(`(?:^|[^a-z'])(?:${l.common.join('|')})(?![a-z'])`, 'g'));

/** Whether a normalised message holds two everyday words of one supported language (cheap; ELD is not). */
export function looksSupported(normalized: string): boolean {
  for (const re of COMMON) if ((normalized.match(re)?.length ?? 0) >= 2) return true;
  return false;
}
