import { LEXICON } from './cue-lexicon.js';
import { normalizeText } from './normalize-text.js';

/*
 * What a child's reply to an adult says about the contact: a refusal ("leave me alone",
 * "who is this", "I'll tell my mom") or their age ("I'm 13"). The words are each language's
 * `reply` section in `lexicon/<language>.yaml`, written against `normalizeText` output. An
 * adult who goes on after a refusal, or after being told the child's age, is doing so knowingly.
 */
const REFUSAL = new RegExp(`(?<![a-z])(?:${LEXICON.languages.flatMap((l) => l.reply.refusal.map((p) => p.expanded)).join('|')})(?![a-z])`);

/** An age from 5 to 17 given by the child, in a form that is about them; each pattern captures the age in its one group. */
const AGE = LEXICON.languages.flatMap((l) => l.reply.age.map((p) => new RegExp(`(?<![a-z])(?:${p.expanded})`)));

export interface ReplyCues {
  refusal: boolean;
  age?: number | undefined;
  /** The reply as `normalizeText` made it, for the caller's other readings of the same message. */
  normalized: string;
}

export function detectReplyCues(text: string): ReplyCues {
  const t = normalizeText(text);
  let age: number | undefined;
  for (const re of AGE) {
    const m = re.exec(t);
    if (m?.[1]) {
      age = Number(m[1]);
      break;
    }
  }
  return { refusal: REFUSAL.test(t), age, normalized: t };
}
