import type { AlertDraft } from '../alerts/alert-schema.js';
import { BAND, bandName } from '../core/age-band.js';
import { NO_DRAFTS, type Detector } from '../detection/detector.js';

/**
 * `unwanted_contact`: an adult (or an account of unknown age) messaged a minor who does
 * not follow, befriend or hold them as a contact. One alert per adult–minor pair, not one
 * per message: the dedupe key names the pair and the engine raises each key once, ever.
 */
export function createUnwantedContactDetector(): Detector {
  return {
    name: 'unwanted_contact',
    evaluate({ ev, facts, datePacked, unconnected }) {
      if (unconnected.length === 0 || ev.event.type !== 'message.sent') return NO_DRAFTS;
      const m = ev.event.message;
      const senderIdx = facts.indexOf(m.from);
      const senderBand = facts.bandAt(senderIdx, datePacked);
      const unknownAge = senderBand === BAND.unknown;
      const drafts: AlertDraft[] = [];
      for (const c of unconnected) {
        const under16 = c.minorBand === BAND.under13 || c.minorBand === BAND['13-15'];
        const reasons = [
          unknownAge
            ? {
                code: 'unknown_age_contact',
                detail: `an account of unknown age messaged a ${bandName(c.minorBand)} account that does not follow, befriend or hold it as a contact, and shares no family link with it`,
              }
            : {
                code: 'unconnected_adult_contact',
                detail: `an adult account${assuranceNote(facts.assurance(senderIdx))} messaged a ${bandName(c.minorBand)} account that does not follow, befriend or hold it as a contact, and shares no family link with it`,
              },
        ];
        if (c.minorBand === BAND.under13) {
          reasons.push({ code: 'under13_account', detail: 'the recipient is under 13, which most platforms do not allow' });
        }
        drafts.push({
          category: 'unwanted_contact',
          severity: under16 ? 'medium' : 'low',
          score: (under16 ? 0.6 : 0.4) - (unknownAge ? 0.1 : 0),
          subjectAccountId: m.from,
          conversationId: m.conversationId,
          evidence: [ev.event.id],
          reasons,
          relatedAccountIds: [c.minorId],
          dedupeKey: `unwanted_contact:${JSON.stringify([m.from, c.minorId])}`,
        });
      }
      return drafts;
    },
  };
}

function assuranceNote(level: number): string {
  return level === 3 ? ' (age verified)' : level === 2 ? ' (age estimated)' : level === 1 ? ' (age self-declared)' : '';
}
