import { STAGE_BIT } from './cue-lexicon.js';
import type { ConversationState } from './conversation-tracker.js';
import type { Cue } from './detect-cues.js';
import { isLogistics, sharedDestination } from './speech-acts.js';

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

/*
 * Issue 16, ninth round. A move to another app is a groomer's first move as often as a team's:
 * "add me on snap" and "add me on discord, we all use it for voice" are the same stage. Where the
 * move goes tells them apart: a place a group shares (the team's voice channel, the tournament's
 * server, teammates named as there), or a move said to a whole group chat, is not the adult
 * getting the child alone. Such a move still counts as a stage, but alone it does not warn: the
 * warning waits for a second stage (an age question, a secret, a gift, a photo request, a move
 * to a private place). A move to a private place, or one with no place named, in a conversation
 * between the adult and the child, warns at once as before.
 */

/** A message with this many recipients or more is said to a group (the adult and two children or more). */
export const GROUP_RECIPIENTS = 2;
/** An @-mention (`@kai`, `@Ethan_22`) in a group message: it is said to that one child, not to the group. */
const MENTION = /(?:^|[\s(,;:])@[\p{L}\p{N}_.]/u;

/**
 * Whether a message is said to a group: several recipients, and no one of them singled out by an
 * @-mention ("@Kai move to discord, easier there" in a squad's chat is a move to get Kai alone).
 * Read from the raw text: normalising reads "@" as the letter "a".
 */
export const saidToGroup = (text: string, recipients: number): boolean => recipients >= GROUP_RECIPIENTS && !MENTION.test(text);

/** Every cue the adult has made is a move to another app that goes somewhere shared (`sharedDestination`). */
function sharedMoveOnly(st: ConversationState, toGroup: boolean): boolean {
  return st.mask === STAGE_BIT.isolation_platform_move && st.evidence.every((e) => e.cues.every((c) => sharedDestination(c, toGroup)));
}

/*
 * Issue 16, sixteenth session. A pick-up announced for a set time or place, or because the bus
 * failed ("le bus est annulé, je viens te chercher"), is logistics (`isLogistics`): the rules
 * count it only beside another move, from an adult who approached too. The model's words
 * ("bus", "annulé") lifted it to an early warning by itself; it now waits for another move, as
 * a move to a shared place does.
 */

/** Every cue the adult has made is a pick-up announced as logistics. */
function logisticsOnly(st: ConversationState): boolean {
  return st.evidence.some((e) => e.cues.length > 0) && st.evidence.every((e) => e.cues.every(isLogistics));
}

/**
 * Whether this message may raise the early warning (the model's low-severity alert on an
 * adult who approached; the caller checks the risk level): a message with a cue, as before;
 * but after praise the model alone lifted (a message with no cue it put at 0.5 or more) and a
 * bare age question, only a later message with a cue or one the model scores `RELEASE_P` or
 * more, unless the child linked to the adult after the adult wrote first; and while every move
 * so far goes somewhere shared, or is a pick-up announced as logistics, not at all (`toGroup`: the message is said to a group, `saidToGroup`).
 */
export function earlyWarningReady(
  st: ConversationState,
  message: { eventId: string; cues: readonly Cue[]; p: number; toGroup?: boolean },
  linkedAfter: boolean,
): boolean {
  if (sharedMoveOnly(st, message.toGroup ?? false) || logisticsOnly(st)) return false;
  if (linkedAfter || !ageOnly(st)) return message.cues.length > 0;
  const asked = st.evidence.findIndex((e) => e.cues.length > 0);
  const praised = asked > 0 && st.evidence.slice(0, asked).some((e) => e.cues.length === 0);
  if (!praised) return message.cues.length > 0;
  if (st.evidence[asked]!.eventId === message.eventId) return false;
  return message.cues.length > 0 || message.p >= RELEASE_P;
}
