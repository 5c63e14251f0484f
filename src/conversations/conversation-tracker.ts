import type { Cue } from './detect-cues.js';

export interface CueEvidence {
  eventId: string;
  tsMs: number;
  cues: readonly Cue[];
}

/** What Warden remembers of one adult's side of one conversation with minors: stages, not messages. */
export interface ConversationState {
  mask: number;
  /** The cue messages, oldest first, at most `MAX_EVIDENCE` (the first few and the latest). */
  evidence: CueEvidence[];
  messages: number;
  firstMs: number;
  lastMs: number;
  /** Highest severity rank already alerted, per category. */
  alerted: Record<string, number>;
}

const MAX_EVIDENCE = 16;
const KEEP_FIRST = 4;

export interface ConversationTracker {
  get(conversationId: string, sender: string): ConversationState | undefined;
  /** Records a message's cues (none is fine: it still counts as a message) and returns the state. */
  record(conversationId: string, sender: string, eventId: string, tsMs: number, cues: readonly Cue[], mask: number): ConversationState;
  readonly size: number;
}

/**
 * Bounded memory: a window of cue evidence per conversation (never whole histories), and
 * at most `maxConversations` conversations, the least recently active forgotten first. A
 * million-message conversation costs the same as a ten-message one. Out-of-order messages
 * only widen first/last times; stages are a set, so order of arrival does not matter.
 */
export function createConversationTracker(maxConversations = 200_000): ConversationTracker {
  const states = new Map<string, ConversationState>();
  const key = (c: string, s: string) => `${c}\u0000${s}`;
  return {
    get: (c, s) => states.get(key(c, s)),
    record(c, s, eventId, tsMs, cues, mask) {
      const k = key(c, s);
      let st = states.get(k);
      if (st) states.delete(k); // re-inserted below: Map order is recency order
      else st = { mask: 0, evidence: [], messages: 0, firstMs: tsMs, lastMs: tsMs, alerted: {} };
      st.messages++;
      st.mask |= mask;
      st.firstMs = Math.min(st.firstMs, tsMs);
      st.lastMs = Math.max(st.lastMs, tsMs);
      if (cues.length > 0) {
        st.evidence.push({ eventId, tsMs, cues });
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
