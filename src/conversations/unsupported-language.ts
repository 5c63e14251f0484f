import { LANGUAGES } from './cue-lexicon.js';
import { identifyLanguage, looksSupported } from './identify-language.js';

/** A language the lexicon has no file for, first seen in one of a conversation's messages. */
export interface UnsupportedLanguage {
  code: string;
  eventId: string;
}

/** What a tracked conversation keeps for the check: what was found, and how many messages were asked about. */
export interface LanguageSample {
  unsupported?: UnsupportedLanguage | undefined;
  languageChecks?: number | undefined;
}

/**
 * Messages of one conversation asked about, at most: enough to see an adult switch language
 * after a first move, while language identification (about 44 µs a message, see
 * identify-language.ts) stays off the hot path: it runs only in conversations that already
 * have a signal, on messages without cues, long enough to tell and not plainly in a supported
 * language.
 */
export const MAX_LANGUAGE_CHECKS = 4;
const MIN_LENGTH = 20;

/**
 * Notes, on a conversation that already has signals, whether one of its messages is in a
 * language no lexicon file covers: its cues cannot be read, and a reviewer must know that
 * the score stands on the other messages only.
 */
export function sampleLanguage(st: LanguageSample, text: string, normalized: string, eventId: string): void {
  if (st.unsupported || (st.languageChecks ?? 0) >= MAX_LANGUAGE_CHECKS) return;
  if (normalized.length < MIN_LENGTH || looksSupported(normalized)) return;
  st.languageChecks = (st.languageChecks ?? 0) + 1;
  const guess = identifyLanguage(text);
  if (guess && !guess.supported) st.unsupported = { code: guess.code, eventId };
}

const NAMES = new Intl.DisplayNames(['en'], { type: 'language' });
const nameOf = (code: string) => {
  try {
    return NAMES.of(code) ?? code;
  } catch {
    return code;
  }
};

/** The reason an alert carries: "language Polish (pl) is not supported; scored on …". */
export function describeUnsupported(u: UnsupportedLanguage): string {
  return `language ${nameOf(u.code)} (${u.code}) is not supported: its messages were not read for cues (event ${u.eventId}); this conversation was scored on its messages in ${LANGUAGES.map(nameOf).join(', ')} only`;
}
