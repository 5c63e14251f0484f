import type { AlertDraft } from '../alerts/alert-schema.js';
import { BAND, isMinorCode } from '../core/age-band.js';
import { NO_DRAFTS, type Detector } from '../detection/detector.js';

/**
 * Turns an external classifier's verdict on a message (attached before the fold, like media
 * hashes) into an alert when it is at or above `threshold` and the message goes from an adult
 * (or unknown age) to a minor. One alert per conversation and category.
 */
export function createExternalClassifierDetector(opts: { threshold: number; treatUnknownAgeAsAdult: boolean }): Detector {
  return {
    name: 'external_classifier',
    evaluate({ ev, facts, datePacked, external }) {
      if (ev.event.type !== 'message.sent' || !external) return NO_DRAFTS;
      const v = external[ev.event.id];
      if (!v || v.score < opts.threshold) return NO_DRAFTS;
      const m = ev.event.message;
      const band = facts.bandAt(facts.indexOf(m.from), datePacked);
      if (!(band === BAND.adult || (band === BAND.unknown && opts.treatUnknownAgeAsAdult))) return NO_DRAFTS;
      const minors = m.to.filter((t) => isMinorCode(facts.bandAt(facts.indexOf(t), datePacked)));
      if (minors.length === 0) return NO_DRAFTS;
      const category = v.category ?? 'grooming';
      const draft: AlertDraft = {
        category,
        severity: v.score >= 0.97 ? 'high' : 'medium',
        score: v.score,
        subjectAccountId: m.from,
        conversationId: m.conversationId,
        evidence: [ev.event.id],
        reasons: [
          { code: 'external_classifier', detail: `the platform's classifier scored this message ${v.score.toFixed(2)} for ${category}` },
        ],
        relatedAccountIds: minors,
        dedupeKey: `external:${category}:${JSON.stringify([m.conversationId, m.from])}`,
      };
      return [draft];
    },
  };
}
