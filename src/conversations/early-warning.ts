import { STAGE_BIT } from './cue-lexicon.js';
import type { ConversationState } from './conversation-tracker.js';
import type { Cue } from './detect-cues.js';

/**
 * A message the model alone scores this high is a move of its own (an image request, a gift,
 * a private place in words the lexicon does not read): it releases an early warning held
 * after a bare age question. Everyday chat after the question ("ok cool, i play after 6",
 * "el jueves seguimos con las fracciones") scores far lower; on conversations-a/b at seed 8110
 * the groomers' next moves that the lexicon misses score 0.8 or more (0.7 to 0.8 kept the same
 * conversations, 0.9 lost one).
 */
export const RELEASE_P = 0.8;

/*
 * Issue 16, eighth round. An unconnected adult's age, grade or school question scores high in
 * the message model, and after praise the model also reads as risky ("ur cracked", "tienes
 * talento": groomers praise a child's skill before asking, and so do teammates after a match
 * and tutors before choosing the material) it was an early warning by itself. Nothing in the
 * question tells them apart; what comes next does: a later move the lexicon reads, or one the
 * model scores high for its words. The warning waits for it. From an adult the child followed
 * or befriended after the adult wrote first (a follow-back asked for), the link is that move.
 */

/** Every cue the adult has made is an age, grade or school question (no parents-home question, no other stage). */
function ageOnly(st: ConversationState): boolean {
  return st.mask === STAGE_BIT.risk_assessment && st.evidence.every((e) => e.cues.every((c) => c.code === 'age_question'));
}

/**
 * Whether this message may raise the early warning (the model's low-severity alert on an
 * adult who approached; the caller checks the risk level): a message with a cue, as before;
 * but after praise the model alone lifted (a message with no cue it put at 0.5 or more) and a
 * bare age question, only a later message with a cue or one the model scores `RELEASE_P` or
 * more, unless the child linked to the adult after the adult wrote first.
 */
export function earlyWarningReady(
  st: ConversationState,
  message: { eventId: string; cues: readonly Cue[]; p: number },
  linkedAfter: boolean,
): boolean {
  if (linkedAfter || !ageOnly(st)) return message.cues.length > 0;
  const asked = st.evidence.findIndex((e) => e.cues.length > 0);
  const praised = asked > 0 && st.evidence.slice(0, asked).some((e) => e.cues.length === 0);
  if (!praised) return message.cues.length > 0;
  if (st.evidence[asked]!.eventId === message.eventId) return false;
  return message.cues.length > 0 || message.p >= RELEASE_P;
}
