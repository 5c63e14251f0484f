import type { ValidEvent } from '../events/validate-event.js';
import { EDGE, type Facts } from '../facts/facts.js';
import type { ConversationState, ConversationTracker } from './conversation-tracker.js';
import { STAGE_BIT } from './cue-lexicon.js';
import type { Cue } from './detect-cues.js';
import { adultFamilyVoice, familyAudience, kinAddress, parentAudience, saysNewAccount } from './family-voice.js';
import { detectReplyCues } from './reply-cues.js';
import { isLogistics, isOccasion } from './speech-acts.js';
import { notePartyMessage } from './surprise-party.js';

/**
 * What one adult's side of a conversation has said that the rules read across messages (eleventh
 * round): the parents kept out of the contact (`keepsParentsOut`), and requests for the child's
 * own image or to meet (not a pick-up, not a family occasion). Kept beside the conversation's
 * state, so it goes when the state does.
 */
export interface KeptOut {
  parentsOut?: { eventId: string };
  /** The adult, writing as kin, said the account or number is new: the impostor's opening. */
  newAccount?: boolean;
  ownImage?: boolean;
  meeting?: boolean;
  /** A move to another app that is not a place a group shares (twelfth round). */
  move?: boolean;
}

/** The requests `parentsKeptOut` weighs, remembered from the adult's own cues of one message. */
export function noteRequests(kept: KeptOut, cues: readonly Readonly<Cue>[], imageHere: boolean): void {
  if (imageHere) kept.ownImage = true;
  if (cues.some((c) => c.code === 'meeting_request' && !isOccasion(c) && !isLogistics(c))) kept.meeting = true;
  if (cues.some((c) => c.code === 'platform_move' && c.acts?.includes('shared_place') !== true)) kept.move = true;
}

/** What the conversation-risk detector remembers of the family from both sides (family-voice.ts, reply-cues.ts). */
export interface FamilyNotes {
  keptOf(st: ConversationState): KeptOut;
  /** A child's reply to an adult: a refusal, an age or a family word, remembered on the adult's side of the conversation. */
  noteReply(m: { conversationId: string; to: string[]; text?: string | undefined }, facts: Facts, datePacked: number, ev: ValidEvent): void;
  /** An adult's message: the parent informed or kept out, the adult writing as kin or naming a tie, whether or not it has a cue. */
  noteAdult(m: { conversationId: string; from: string }, normalized: string, cues: readonly Readonly<Cue>[], ev: ValidEvent): void;
}

export function createFamilyNotes(tracker: ConversationTracker, nonMinor: (band: number) => boolean): FamilyNotes {
  const keptOut = new WeakMap<ConversationState, KeptOut>();
  const keptOf = (st: ConversationState): KeptOut => {
    let k = keptOut.get(st);
    if (!k) keptOut.set(st, (k = {}));
    return k;
  };
  return {
    keptOf,
    noteReply(m, facts, datePacked, ev) {
      const adults = m.to.filter((t) => nonMinor(facts.bandAt(facts.indexOf(t), datePacked)));
      if (adults.length === 0 || !m.text) return;
      const reply = detectReplyCues(m.text);
      // Only a one-to-one reply names its adult: "thanks mum" in a group is to someone else.
      const kin = adults.length === 1 && m.to.length === 1 ? kinAddress(reply.normalized) : undefined;
      if (!reply.refusal && reply.age === undefined && kin === undefined) return;
      for (const a of adults) {
        const st = tracker.note(m.conversationId, a, ev.tsMs);
        if (kin !== undefined && !st.kin) st.kin = { word: kin, eventId: ev.event.id };
        if (reply.refusal && !st.refusal) st.refusal = { eventId: ev.event.id, tsMs: ev.tsMs };
        if (reply.age !== undefined && !st.ageGiven) st.ageGiven = { age: reply.age, eventId: ev.event.id };
      }
    },
    noteAdult(m, normalized, cues, ev) {
      // A party named for a third person, and how this message's secret or meeting reads beside it (surprise-party.ts).
      notePartyMessage(tracker.get(m.conversationId, m.from) ?? {}, normalized, cues, ev.event.id, () =>
        tracker.note(m.conversationId, m.from, ev.tsMs),
      );
      const heard = adultFamilyVoice(normalized);
      // A kin claim said with the adult's own secret is the story the child is told to give ("if
      // anyone asks, say I'm your cousin"): a cover story, not a relative's voice.
      const kinSelf = heard.kinSelf && !cues.some((c) => c.stage === 'exclusivity_secrecy' && !c.notOwn);
      if (!(heard.guardian || kinSelf || heard.kinTie || heard.parentsOut)) return;
      const g = tracker.note(m.conversationId, m.from, ev.tsMs);
      const k = keptOf(g);
      if (heard.parentsOut && !k.parentsOut) k.parentsOut = { eventId: ev.event.id };
      if (kinSelf && saysNewAccount(normalized)) k.newAccount = true;
      if (heard.guardian && !g.guardianAware) g.guardianAware = { eventId: ev.event.id };
      if (kinSelf && !g.kinSelf) g.kinSelf = { eventId: ev.event.id };
      if (heard.kinTie && !g.kinTie) g.kinTie = { eventId: ev.event.id };
    },
  };
}

/** A threat, a money demand or a countdown: what a relative's tease to the family is read without. */
const TEASE_STAGES = STAGE_BIT.sextortion_threat | STAGE_BIT.payment_demand | STAGE_BIT.countdown;

/**
 * A relative's tease whose only audience is the family ("pay me 5 or the whole family sees the
 * video of you singing", family-voice.ts) is no threat, demand or countdown, in any of the six
 * languages; the image it names beside a money demand is the tease's object, not a request. A
 * threat to show school, followers or friends, with nudes or what the child sent, or for more
 * than a tease's amount is read as before, whatever the link. A tease whose audience is the
 * child's parent ("or i show your mom the video") is one only from an adult the platform links
 * as family (`family`, asked only then): from anyone else it is what sextortion says (twelfth
 * round). `normalized` is the message, or the sender's message before and this one read as one.
 */
export function withoutFamilyTease(cues: Readonly<Cue>[], normalized: string, family: () => boolean): Readonly<Cue>[] {
  if (!cues.some((c) => (STAGE_BIT[c.stage] & TEASE_STAGES) !== 0)) return cues;
  if (!familyAudience(normalized) && !(parentAudience(normalized) && family())) return cues;
  const paid = cues.some((c) => c.stage === 'payment_demand');
  return cues.filter((c) => (STAGE_BIT[c.stage] & TEASE_STAGES) === 0 && !(paid && c.code === 'image_request'));
}

const FAMILY_EDGES = EDGE.family | EDGE.guardian | EDGE.household;
/** Whether the platform links any of the minors to the sender as family (a relative, a guardian, the household). */
export function linkedAsFamily(facts: Facts, minors: readonly string[], sender: number): boolean {
  for (const to of minors) if ((facts.edges.get(facts.indexOf(to), sender) & FAMILY_EDGES) !== 0) return true;
  return false;
}

/**
 * Who may tease with the child's parent as the audience: an adult the platform links as family,
 * or a relative linked only as a friend or a follow, known by the conversation's words (the child
 * calls the adult family, or the adult names their tie) over a link made before its first
 * message (thirteenth round). The detector weighs the same evidence as family (`kinVoice`); an
 * impostor's link is made during the conversation, or not at all.
 */
export function familyForTease(
  facts: Facts,
  minors: readonly string[],
  sender: number,
  st: ConversationState | undefined,
  firstMs: number,
): boolean {
  if (linkedAsFamily(facts, minors, sender)) return true;
  if (st === undefined || (st.kin ?? st.kinSelf ?? st.kinTie) === undefined) return false;
  for (const to of minors) {
    const since = facts.edges.linkSince(facts.indexOf(to), sender);
    if (since > 0 && since <= firstMs) return true;
  }
  return false;
}
