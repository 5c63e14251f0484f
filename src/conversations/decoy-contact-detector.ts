import type { AlertDraft, Severity } from '../alerts/alert-schema.js';
import { BAND, packedUtcDate } from '../core/age-band.js';
import { NO_DRAFTS, type Detector } from '../detection/detector.js';
import { FLAG, type Facts } from '../facts/facts.js';
import type { Cue } from './detect-cues.js';
import { detectCues } from './detect-cues.js';

/**
 * The stages of a decoy contact that exposure counts (issue 19), after the first message
 * (`contact`). Read off the cue detector's output, never a lexicon of its own: `age_question`
 * is the cue of that code, the others are the lexicon's stages.
 */
export const DECOY_STAGES = ['age_question', 'app_move', 'image_request', 'meeting'] as const;
export type DecoyStage = (typeof DECOY_STAGES)[number];

export function decoyStagesOf(cues: readonly Cue[]): Set<DecoyStage> {
  const out = new Set<DecoyStage>();
  for (const c of cues) {
    if (c.code === 'age_question') out.add('age_question');
    if (c.stage === 'isolation_platform_move') out.add('app_move');
    if (c.stage === 'image_request') out.add('image_request');
    if (c.stage === 'meeting_request') out.add('meeting');
  }
  return out;
}

/** The dedupe key of one stage reached by one adult with one decoy; exposure reads the stage back from it. */
export const decoyDedupeKey = (stage: DecoyStage, sender: string, decoy: string) =>
  `decoy_contact:${stage}:${JSON.stringify([sender, decoy])}`;

/** Image and meeting requests put a child in front of the adult: the highest level. */
const SEVERITY: Record<DecoyStage, Severity> = { age_question: 'high', app_move: 'high', image_request: 'critical', meeting: 'critical' };
const SCORE: Record<DecoyStage, number> = { age_question: 0.95, app_move: 0.95, image_request: 0.99, meeting: 0.99 };
const WHAT: Record<DecoyStage, string> = {
  age_question: 'asked its age',
  app_move: 'asked it to move to another app',
  image_request: 'asked it for images',
  meeting: 'proposed to meet',
};

interface PairState {
  /** The first messages and the latest (bounded): the full context a reviewer needs. */
  evidence: string[];
  reached: Set<DecoyStage>;
  cueReasons: { code: string; detail: string }[];
}

const MAX_EVIDENCE = 24;
const KEEP_FIRST = 4;
const MAX_CUE_REASONS = 16;

export interface DecoyContactOptions {
  treatUnknownAgeAsAdult: boolean;
  /** Pairs kept in memory, least recently active forgotten first. */
  maxPairs?: number | undefined;
}

/**
 * `decoy_contact`: an adult with no connection to a decoy account (flag `decoy`, set through
 * the admin API) writes to it and keeps going: asks its age, asks to move apps, asks for
 * images, proposes to meet. Nobody real is harmed and nothing innocent explains an adult
 * doing that to a child account that never connected with them, so each stage reached raises
 * one high-confidence alert with every message of the pair so far, and flags the sender
 * suspicious so that the gate protects real children at once.
 *
 * SECURITY: the category is restricted (core/restricted.ts): alerts, cases and actions it
 * causes exist only for child_safety and admin.
 */
export function createDecoyContactDetector(opts: DecoyContactOptions): Detector {
  const pairs = new Map<string, PairState>();
  const maxPairs = opts.maxPairs ?? 100_000;
  const nonMinor = (b: number) => b === BAND.adult || (b === BAND.unknown && opts.treatUnknownAgeAsAdult);

  function evaluate(
    facts: Facts,
    datePacked: number,
    m: { id: string; from: string; to: string[]; text?: string | undefined; conversationId: string },
    eventId: string,
  ): AlertDraft[] {
    const senderIdx = facts.indexOf(m.from);
    if (senderIdx < 0 || !nonMinor(facts.bandAt(senderIdx, datePacked))) return [];
    // Decoys only (a flag test per recipient): the common message costs one array scan.
    const decoys = m.to.filter((t) => {
      const idx = facts.indexOf(t);
      return idx >= 0 && (facts.flags(idx) & FLAG.decoy) !== 0 && !facts.isConnected(idx, senderIdx);
    });
    if (decoys.length === 0) return [];
    const cues = m.text ? detectCues(m.text).cues : [];
    const stages = decoyStagesOf(cues);
    const drafts: AlertDraft[] = [];
    for (const decoy of decoys) {
      const key = `${m.from}\u0000${decoy}`;
      let st = pairs.get(key);
      if (st) pairs.delete(key);
      else st = { evidence: [], reached: new Set(), cueReasons: [] };
      pairs.set(key, st); // Map order is recency order
      if (pairs.size > maxPairs) pairs.delete(pairs.keys().next().value!);
      if (!st.evidence.includes(eventId)) {
        st.evidence.push(eventId);
        if (st.evidence.length > MAX_EVIDENCE) st.evidence.splice(KEEP_FIRST, 1);
      }
      for (const c of cues)
        if (st.cueReasons.length < MAX_CUE_REASONS)
          st.cueReasons.push({ code: c.code, detail: `${c.detail} (event ${eventId}, ${c.lang})` });
      for (const stage of stages) {
        if (st.reached.has(stage)) continue;
        st.reached.add(stage);
        drafts.push({
          category: 'decoy_contact',
          severity: SEVERITY[stage],
          score: SCORE[stage],
          subjectAccountId: m.from,
          conversationId: m.conversationId,
          evidence: [...st.evidence],
          reasons: [
            {
              code: 'decoy_contact',
              detail: `an adult with no connection to a decoy account run by the child-safety team wrote to it and ${WHAT[stage]}`,
            },
            { code: `decoy_stage_${stage}`, detail: `stages reached with this decoy so far: contact, ${[...st.reached].join(', ')}` },
            ...st.cueReasons,
          ],
          relatedAccountIds: [decoy],
          dedupeKey: decoyDedupeKey(stage, m.from, decoy),
          flags: [{ accountId: m.from, flag: 'suspicious', reason: 'decoy_contact' }],
        });
      }
    }
    return drafts;
  }

  return {
    name: 'decoy_contact',
    /** A stored message is folded back as if it had just arrived; what it raises was raised before (its key is restored). */
    restore(row, facts) {
      if (row.kind !== 'message' || row.ev.event.type !== 'message.sent') return;
      evaluate(facts, packedUtcDate(row.ev.tsMs), row.ev.event.message, row.ev.event.id);
    },
    evaluate({ ev, facts, datePacked }) {
      if (ev.event.type !== 'message.sent') return NO_DRAFTS;
      const drafts = evaluate(facts, datePacked, ev.event.message, ev.event.id);
      return drafts.length === 0 ? NO_DRAFTS : drafts;
    },
  };
}
