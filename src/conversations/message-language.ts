/*
 * Which supported languages a message is written in, so that a cue is read in the message's
 * language and not only in the language of the pattern that found it (issue 16). Two kinds
 * of evidence, both already kept: ELD's scores (identify-language.ts), which see the whole
 * message's letters, and each lexicon's everyday words, which see a code-switch inside one
 * message ("ok but schick mir ein foto": English words in a German sentence).
 *
 * The model is deliberately one-sided. A language is ruled out of a message only when the
 * message holds two everyday words of another supported language and fewer than two of its
 * own, ELD is reliable on the message's letters, and ELD's best language is that other one
 * and leads the ruled-out language by a clear margin. Two everyday words of a language keep
 * it in, whatever ELD says of the whole: that is a code-switch. Everything else is undetermined, and a pattern of any
 * language counts fully there: short messages ("pic?", "ok lol") are where chat borrows words
 * most, and ELD's guesses between near languages (Spanish and Italian on "mandame una foto
 * tuya": 0.687 against 0.686) are a coin toss.
 */
import { LANGUAGES, type CueLang } from './cue-lexicon.js';
import { readLanguage, speaksEveryday } from './identify-language.js';

/**
 * How far ELD's best supported language must lead another for that one to be ruled out. On
 * the shared corpora (seeds 7301, a and b), messages with a cue of their own conversation's
 * language: 1 of 3,327 trails by 0.15 or more (a disguised "zeig niemandem unsere chats", read
 * as French); cues of another language on single-language text: 71 of 180.
 */
export const MARGIN = 0.15;
/**
 * A message with no two everyday words of any language is ruled on by ELD alone only from
 * this many characters, and with a wider margin: long enough that ELD has letters to go on,
 * rare enough (a message with a matched pattern, and no everyday words) to stay off the hot path.
 */
const LONG = 40;
const MARGIN_ALONE = 0.2;

export interface MessageLanguage {
  /** Whether the message holds two everyday words of the language. */
  speaks(lang: CueLang): boolean;
  /** Supported languages the message holds two everyday words of. Empty: undetermined. */
  readonly languages: readonly CueLang[];
  /** Whether a supported language is confidently not this message's (see the file's comment). */
  ruledOut(lang: CueLang): boolean;
}

const SUPPORTED = new Set<string>(LANGUAGES);

interface Guess {
  top: CueLang;
  scores: Record<string, number>;
}

/** ELD's reading of a normalised message when it is sure and its best language is supported. */
function guess(normalized: string): Guess | undefined {
  const r = readLanguage(normalized);
  return r && SUPPORTED.has(r.code) ? { top: r.code as CueLang, scores: r.scores() } : undefined;
}

/**
 * The languages of a normalised message. ELD reads the normalised text too: lookalike letters,
 * leetspeak and separators undone ("zeig n13m4nd3m un5er3 chats" reads as French as written,
 * as German normalised); lower case and stripped accents cost it little on chat-length text.
 * ELD (~44 µs) is asked only to rule a language out, and only when the message's everyday
 * words name another language and not the one asked about: a message whose words name no
 * language is undetermined (most short messages with a cue), one whose words name the
 * language asked about keeps it.
 */
export function messageLanguage(normalized: string): MessageLanguage {
  // Everything is asked lazily: most messages with a cue speak the cue's own language, and one
  // expression answers that (every language's, and ELD, only for a cue foreign to its message).
  const known = new Map<CueLang, boolean>();
  const says = (l: CueLang) => known.get(l) ?? (known.set(l, speaksEveryday(normalized, l)), known.get(l)!);
  let spoken: readonly CueLang[] | undefined;
  const all = () => (spoken ??= LANGUAGES.filter(says));
  let eldGuess: Guess | undefined | null = null;
  return {
    speaks: says,
    get languages() {
      return all();
    },
    ruledOut(lang) {
      if (says(lang)) return false;
      const s = all();
      // No everyday words: undetermined, unless the message is long enough for ELD alone to be sure.
      if (s.length === 0 && normalized.length < LONG) return false;
      const g = eldGuess === null ? (eldGuess = guess(normalized)) : eldGuess;
      if (g === undefined || (s.length > 0 && !s.includes(g.top))) return false;
      return g.top !== lang && g.scores[g.top]! - (g.scores[lang] ?? 0) >= (s.length > 0 ? MARGIN : MARGIN_ALONE);
    },
  };
}
