import { connectedStageMask, type Cue } from './detect-cues.js';
import { addMessage, emptyModelState, type ModelState } from './model/conversation-features.js';
import { partyRecord, type PartyPlan } from './surprise-party.js';
import type { LanguageSample } from './unsupported-language.js';

export interface CueEvidence {
  eventId: string;
  tsMs: number;
  cues: readonly Cue[];
  /** The message model's probability for this message, when a model is loaded. */
  p?: number | undefined;
  /** The words the message model weighed most (only for messages it put at 0.5 or more). */
  grams?: readonly string[] | undefined;
}

/** What Warden remembers of one adult's side of one conversation with minors: stages and scores, not messages. */
export interface ConversationState extends ModelState, LanguageSample {
  /** The cue messages, oldest first, at most `MAX_EVIDENCE` (the first few and the latest). */
  evidence: CueEvidence[];
  firstMs: number;
  lastMs: number;
  /** The stages seen through cues that count even from an adult the child is connected to. */
  connectedMask: number;
  /** Highest severity rank already alerted, per category. */
  alerted: Record<string, number>;
  /** The child's first refusal in this conversation ("leave me alone", "who is this"). */
  refusal?: { eventId: string; tsMs: number } | undefined;
  /** The age the child first gave the adult here. */
  ageGiven?: { age: number; eventId: string } | undefined;
  /** The child addressed the adult as family here (`family-voice.ts`): the word and the event. */
  kin?: { word: string; eventId: string } | undefined;
  /** The adult wrote here as the child's relative (`family-voice.ts`). */
  kinSelf?: { eventId: string } | undefined;
  /** The adult named here their tie to the child's family, "your mom's sister" (`family-voice.ts`). */
  kinTie?: { eventId: string } | undefined;
  /** The adult said here that the child's parent knows, asked or is told (`family-voice.ts`). */
  guardianAware?: { eventId: string } | undefined;
  /** The adult's last message here asked for the child's own image (`hiddenImageRequest`, assess-risk.ts). */
  imageAsked?: boolean | undefined;
  /** A secret said with a request for the child's own image, or in the adult's very next message: the event. */
  hiddenImage?: { eventId: string } | undefined;
  /** Mutual connections of the adult and the child, counted once (from both neighbour lists) when first needed. */
  mutuals?: number | undefined;
  /** A party the adult named for a third person, and the secrets it holds back (`surprise-party.ts`). */
  party?: PartyPlan | undefined;
}

/** When a conversation began and who began it: the relationship is judged at its first message, not now. */
export interface Opener {
  firstMs: number;
  firstFrom: string;
  firstFromMinor: boolean;
  /** Messages the minors in it wrote. */
  minorMessages: number;
}

const MAX_EVIDENCE = 16;
/** Minors remembered per fanning-out account: enough to count past any threshold, bounded. */
const MAX_REACH = 64;
const KEEP_FIRST = 4;

export interface ConversationTracker {
  get(conversationId: string, sender: string): ConversationState | undefined;
  /** Records a message (no cues is fine: it still counts as a message) and returns the state. */
  record(conversationId: string, sender: string, evidence: CueEvidence, mask: number): ConversationState;
  /** The adult's state in this conversation, created if new, without counting a message (for the child's replies). */
  note(conversationId: string, adult: string, tsMs: number): ConversationState;
  /**
   * Notes any message between an adult and a minor (cue or not) and returns when the
   * conversation began and who wrote first. Bounded like the states: the oldest conversations
   * are forgotten first, so a conversation idle for longer than the window starts again.
   */
  opened(conversationId: string, from: string, fromMinor: boolean, tsMs: number): Opener;
  /**
   * Notes (with `minor`) that `sender` opened a one-to-one conversation with a minor, with no
   * link between them, and returns how many distinct minors it has so approached since
   * `sinceMs`. Kept only for accounts whose declared minor age is not verified: fan-out is
   * what an adult does.
   */
  approached(sender: string, minor: string | undefined, tsMs: number, sinceMs: number): number;
  readonly size: number;
}

/** Whether a message starts (or continues) tracking: a cue, a high message-model score, or a conversation already tracked. */
export const worthTracking = (existing: boolean, cues: number, p: number) => existing || cues > 0 || p >= 0.5;

/**
 * Bounded memory: a window of cue evidence per conversation (never whole histories), and
 * at most `maxConversations` conversations, the least recently active forgotten first. A
 * million-message conversation costs the same as a ten-message one. Out-of-order messages
 * only widen first/last times; stages are a set, so order of arrival does not matter.
 */
const fresh = (tsMs: number): ConversationState => ({
  ...emptyModelState(),
  evidence: [],
  connectedMask: 0,
  firstMs: tsMs,
  lastMs: tsMs,
  alerted: {},
});

/** Gives back what a party plan held: its secrecy stages and its messages' model scores (not counted again as messages). */
function restoreHeld(st: ConversationState, held: PartyPlan): void {
  st.mask |= held.held;
  st.connectedMask |= held.heldConnected;
  for (const p of held.heldScores) {
    addMessage(st, 0, p);
    st.messages--;
  }
}

export function createConversationTracker(maxConversations = 200_000): ConversationTracker {
  const states = new Map<string, ConversationState>();
  const openers = new Map<string, Opener>();
  // The detector asks `get` then `record` of the same pair for each message: the key is built
  // (and hashed by the Map) once, not twice. Strings compare by value, so a hit is always right.
  let lastC = '';
  let lastS = '';
  let lastK = '\u0000';
  const key = (c: string, s: string) => {
    if (c !== lastC || s !== lastS) {
      lastC = c;
      lastS = s;
      lastK = `${c}\u0000${s}`;
    }
    return lastK;
  };
  const reach = new Map<string, Map<string, number>>();
  return {
    approached(sender, minor, tsMs, sinceMs) {
      let minors = reach.get(sender);
      if (minor === undefined && !minors) return 0;
      if (!minors) {
        minors = new Map();
        reach.set(sender, minors);
        if (reach.size > maxConversations / 4) reach.delete(reach.keys().next().value!);
      }
      if (minor !== undefined) {
        minors.delete(minor);
        minors.set(minor, tsMs);
        if (minors.size > MAX_REACH) minors.delete(minors.keys().next().value!);
      }
      let n = 0;
      for (const t of minors.values()) if (t >= sinceMs) n++;
      return n;
    },
    get: (c, s) => states.get(key(c, s)),
    opened(c, from, fromMinor, tsMs) {
      let o = openers.get(c);
      if (!o) {
        o = { firstMs: tsMs, firstFrom: from, firstFromMinor: fromMinor, minorMessages: 0 };
        openers.set(c, o);
        // Insertion order, not recency: one Map write per new conversation keeps the per-message cost to a lookup.
        if (openers.size > maxConversations * 2) openers.delete(openers.keys().next().value!);
      } else if (tsMs < o.firstMs) {
        // Out of order: an earlier message arrived late, so it is the first.
        o.firstMs = tsMs;
        o.firstFrom = from;
        o.firstFromMinor = fromMinor;
      }
      if (fromMinor) o.minorMessages++;
      return o;
    },
    note(c, s, tsMs) {
      const k = key(c, s);
      let st = states.get(k);
      if (!st) {
        st = fresh(tsMs);
        states.set(k, st);
        if (states.size > maxConversations) states.delete(states.keys().next().value!);
      }
      return st;
    },
    record(c, s, e, mask) {
      const k = key(c, s);
      let st = states.get(k);
      if (st)
        states.delete(k); // re-inserted below: Map order is recency order
      else st = fresh(e.tsMs);
      // A secret kept from a party's subject waits until the adult makes another move (surprise-party.ts).
      const r = partyRecord(st.party, e, mask);
      addMessage(st, r.mask, r.p ?? 0);
      if (r.restore) restoreHeld(st, r.restore);
      if (r.cues.length > 0) st.connectedMask |= connectedStageMask(r.cues) & ~r.held;
      st.firstMs = Math.min(st.firstMs, e.tsMs);
      st.lastMs = Math.max(st.lastMs, e.tsMs);
      if (e.cues.length > 0 || (e.grams?.length ?? 0) > 0) {
        st.evidence.push(r.cues === e.cues ? e : { ...e, cues: r.cues });
        if (st.evidence.length > MAX_EVIDENCE) st.evidence.splice(KEEP_FIRST, 1);
      }
      states.set(k, st);
      if (states.size > maxConversations) states.delete(states.keys().next().value!);
      return st;
    },
    get size() {
      return states.size;
    },
  };
}
