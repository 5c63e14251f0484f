/*
 * Which supported languages a message is written in, so that a cue is read in the message's
 * language and not only in the language of the pattern that found it (issue 16). Two kinds
 * of evidence, both already kept: ELD's scores (identify-language.ts), which see the whole
 * message's letters, and each lexicon's everyday words, which see a code-switch inside one
 * message ("ok but schick mir ein foto": English words in a German sentence).
 *
 * The model is deliberately one-sided. A language is ruled out of a message only when ELD is
 * reliable, the message has enough letters, ELD's best language is one the lexicon covers and
 * leads the other language by a clear margin, and the message holds fewer than two of the
 * other language's everyday words. Everything else is undetermined, and a pattern of any
 * language counts fully there: short messages ("pic?", "ok lol") are where chat borrows words
 * most, and ELD's guesses between near languages (Spanish and Italian on "mandame una foto
 * tuya": 0.687 against 0.686) are a coin toss.
 */
import { eld } from 'eld/small';
import { LANGUAGES, LEXICON, type CueLang } from './cue-lexicon.js';
import { MIN_LETTERS } from './identify-language.js';

/**
 * How far ELD's best supported language must lead another for that one to be ruled out. On
 * the shared corpora (seeds 7301, a and b), messages with a cue of their own conversation's
 * language: 1 of 3,327 trails by 0.15 or more (a disguised "zeig niemandem unsere chats", read
 * as French); cues of another language on single-language text: 71 of 180.
 */
export const MARGIN = 0.15;

export interface MessageLanguage {
  /** Supported languages the message is read in: ELD's best when it is sure, and any with two everyday words. Empty: undetermined. */
  languages: readonly CueLang[];
  /** Whether a supported language is confidently not this message's (see the file's comment). */
  ruledOut(lang: CueLang): boolean;
}

const SUPPORTED = new Set(LANGUAGES);
const EVERYDAY = new Map(
  LEXICON.languages.map((l) => [l.language, new RegExp(`(?:^|[^a-z'])(?:${l.common.join('|')})(?![a-z'])`, 'g')] as const),
);
/** Whether a normalised message holds two everyday words of a language. */
const speaks = (normalized: string, lang: CueLang) => (normalized.match(EVERYDAY.get(lang)!)?.length ?? 0) >= 2;

const UNDETERMINED: MessageLanguage = Object.freeze({ languages: Object.freeze([]), ruledOut: () => false });

/**
 * The languages of a normalised message. ELD reads the normalised text too: lookalike letters,
 * leetspeak and separators undone ("zeig n13m4nd3m un5er3 chats" reads as French as written,
 * as German normalised); lower case and stripped accents cost it little on chat-length text.
 */
export function messageLanguage(normalized: string): MessageLanguage {
  const spoken = LANGUAGES.filter((l) => speaks(normalized, l));
  const sample = normalized.length > 512 ? normalized.slice(0, 512) : normalized;
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS)
    return spoken.length ? { languages: spoken, ruledOut: () => false } : UNDETERMINED;
  const r = eld.detect(sample);
  if (!r.language || !r.isReliable() || !SUPPORTED.has(r.language))
    return spoken.length ? { languages: spoken, ruledOut: () => false } : UNDETERMINED;
  const scores = r.getScores();
  const top = scores[r.language] ?? 0;
  const languages = spoken.includes(r.language) ? spoken : [r.language, ...spoken];
  return {
    languages,
    ruledOut: (lang) => !languages.includes(lang) && top - (scores[lang] ?? 0) >= MARGIN,
  };
}
