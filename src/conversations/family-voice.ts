/*
 * What a conversation says of the relationship that the platform's links may not: the child
 * addresses the adult as family ("thanks auntie", "ok grandma"), or the adult says the child's
 * parent knows, asked or is told ("your mum asked", "let your parents know", "I'll leave the
 * key with your mum"). Relatives linked only as friends or follows, or not at all, and
 * neighbours who pay for pet-sitting write like this; a groomer keeps the parents out. An
 * adult who writes as the child's relative ("it's grandma") is believed only where the platform
 * also holds a link made before the conversation: an impostor ("it's your uncle, new number") has none. The
 * words are the `kin` and `guardian` keys of each language's `speech` section.
 */
import { LEXICON } from './cue-lexicon.js';

/** One expression for every language: a pattern of several parts must match them all. */
function union(key: 'kin' | 'kin_self' | 'guardian'): RegExp {
  const alternatives = LEXICON.languages.flatMap((l) =>
    (l.speech.get(key) ?? []).map((p) =>
      p.expanded.length === 1 ? `(?:${p.expanded[0]!})` : `^${p.expanded.map((r) => `(?=[\\s\\S]*?(?:${r}))`).join('')}`,
    ),
  );
  // A language with neither key contributes nothing; an empty union never matches.
  return alternatives.length > 0 ? new RegExp(alternatives.join('|')) : /(?!)/;
}

const KIN = union('kin');
const GUARDIAN = union('guardian');
const KIN_SELF = union('kin_self');

/** The family word a child's normalised message addresses the adult with, if any. */
export function kinAddress(normalized: string): string | undefined {
  const m = KIN.exec(normalized.trim());
  return m ? m[0].replace(/[^a-z]+$/, '').trim() : undefined;
}

/** Whether an adult's normalised message says the child's parent knows, asked or is told. */
export const mentionsGuardian = (normalized: string): boolean => GUARDIAN.test(normalized);

/** Whether an adult's normalised message speaks as the child's relative ("it's grandma"); weighed only with a link made before the conversation. */
export const speaksAsKin = (normalized: string): boolean => KIN_SELF.test(normalized);
