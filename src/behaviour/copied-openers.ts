import type { AlertDraft } from '../alerts/alert-schema.js';
import { BAND } from '../core/age-band.js';
import { NO_DRAFTS, type Detector } from '../detection/detector.js';

interface OpenerState {
  words: Set<string>;
  firstMs: number;
  minors: Set<string>;
  events: string[];
}

/**
 * The shape of an opener: lower case, words that name someone (handles, ids with digits or
 * underscores, @mentions) dropped, punctuation at word ends ignored, first 12 words; so
 * "Hey u_17!" and "hey u_18" are one shape. Copy-paste is literal, so no disguise-undoing
 * here: this runs on the first message of every adult-to-minor conversation during ingest
 * (about a microsecond; full normalisation measured 4.5 µs).
 */
export function openerShape(text: string): string {
  const out: string[] = [];
  for (const w of text.slice(0, 2000).toLowerCase().split(/\s+/)) {
    if (!w || /[\d_@]/.test(w)) continue;
    const t = w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    if (t) out.push(t);
    if (out.length === 12) break;
  }
  return out.join(' ');
}

/** Openers of at least this many words also match one that shares this share of the shorter one's words. */
const NEAR_MIN_WORDS = 5;
const NEAR_SIMILARITY = 0.7;

/**
 * The adult's earlier opener that this one nearly copies: a name swapped, a word added or
 * dropped ("hey emma love your drawings…" / "hi olivia love your drawings…"). Only for
 * openers of five words or more, so that "hey how are you" does not gather every greeting;
 * at most 50 openers per adult are compared, each a small word set.
 */
function nearest(openers: Map<string, OpenerState>, shape: string): OpenerState | undefined {
  const words = new Set(shape.split(' '));
  if (words.size < NEAR_MIN_WORDS) return undefined;
  let best: OpenerState | undefined;
  let bestScore = NEAR_SIMILARITY;
  for (const st of openers.values()) {
    if (st.words.size < NEAR_MIN_WORDS) continue;
    let shared = 0;
    for (const w of words) if (st.words.has(w)) shared++;
    // Overlap (shared over the shorter): an added greeting word or emoji does not dilute it.
    const score = shared / Math.min(words.size, st.words.size);
    if (score >= bestScore) {
      best = st;
      bestScore = score;
    }
  }
  return best;
}

/**
 * `suspicious_adult` for an adult (or unknown age) who opens conversations with several
 * unconnected minors with the same message: the copy-paste of someone working through a list. One alert
 * per account. Bounded: the first message of at most `maxConversations` conversations is
 * remembered, and at most `maxAdults` adults' openers, least recent forgotten first.
 */
export function createCopiedOpenersDetector(opts: {
  minMinors: number;
  windowMs: number;
  treatUnknownAgeAsAdult: boolean;
  maxConversations?: number;
  maxAdults?: number;
}): Detector {
  // Who has opened each conversation: the one sender as the string, a set once there are two.
  // Keyed by the conversation alone: a key joined from two ids per message was a new string to
  // hash every time (two thirds of this detector's time in the simulator's profile).
  const seenConversations = new Map<string, string | Set<string>>();
  const byAdult = new Map<string, Map<string, OpenerState>>();
  const maxConversations = opts.maxConversations ?? 500_000;
  const maxAdults = opts.maxAdults ?? 100_000;
  return {
    name: 'copied_openers',
    evaluate({ ev, facts, datePacked, unconnected }) {
      if (ev.event.type !== 'message.sent' || !ev.event.message.text) return NO_DRAFTS;
      const m = ev.event.message;
      const band = facts.bandAt(facts.indexOf(m.from), datePacked);
      if (!(band === BAND.adult || (band === BAND.unknown && opts.treatUnknownAgeAsAdult))) return NO_DRAFTS;
      const openedBy = seenConversations.get(m.conversationId);
      if (openedBy === m.from || (typeof openedBy === 'object' && openedBy.has(m.from))) return NO_DRAFTS;
      if (openedBy === undefined) {
        seenConversations.set(m.conversationId, m.from);
        if (seenConversations.size > maxConversations) seenConversations.delete(seenConversations.keys().next().value!);
      } else if (typeof openedBy === 'string') seenConversations.set(m.conversationId, new Set([openedBy, m.from]));
      else openedBy.add(m.from);
      // Only minors with no connection to the sender: a coach's one message to the whole team is not this.
      const minors = unconnected.map((c) => c.minorId);
      if (minors.length === 0) return NO_DRAFTS;
      const shape = openerShape(m.text ?? '');
      if (shape.split(' ').length < 3) return NO_DRAFTS; // "hi" is everyone's opener
      let openers = byAdult.get(m.from);
      if (openers) byAdult.delete(m.from);
      else openers = new Map();
      byAdult.set(m.from, openers);
      if (byAdult.size > maxAdults) byAdult.delete(byAdult.keys().next().value!);
      let st = openers.get(shape) ?? nearest(openers, shape);
      if (!st || ev.tsMs - st.firstMs > opts.windowMs) {
        st = { words: new Set(shape.split(' ')), firstMs: ev.tsMs, minors: new Set(), events: [] };
        openers.set(shape, st);
        if (openers.size > 50) openers.delete(openers.keys().next().value!);
      }
      for (const k of minors) st.minors.add(k);
      if (st.events.length < 20) st.events.push(ev.event.id);
      if (st.minors.size < opts.minMinors) return NO_DRAFTS;
      const draft: AlertDraft = {
        category: 'suspicious_adult',
        severity: 'medium',
        score: Math.min(0.95, 0.6 + 0.05 * st.minors.size),
        subjectAccountId: m.from,
        evidence: [...st.events],
        reasons: [
          {
            code: 'copied_openers',
            detail: `opened conversations with ${st.minors.size} minors with the same or nearly the same message within ${Math.round(opts.windowMs / 3_600_000)} h`,
          },
        ],
        relatedAccountIds: [...st.minors].slice(0, 50),
        dedupeKey: `copied_openers:${JSON.stringify(m.from)}`,
      };
      return [draft];
    },
  };
}
