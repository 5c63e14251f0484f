import type { AlertDraft } from '../alerts/alert-schema.js';
import { NO_DRAFTS, type Detector } from '../detection/detector.js';
import type { MediaRef } from '../events/event-schema.js';
import type { HashMatch, MediaMatcher, MediaSignals } from './media-matcher.js';
import type { TmkFeatures } from './video/tmk.js';

/**
 * `csam_hash_match`: media on `media.uploaded` or `message.sent` whose hashes (computed by
 * Warden from the bytes where it could read them, else those the event carries) match a
 * positive bank entry. One critical alert per media item per event, naming the bank entries
 * and distances; the uploader is the subject. Each match counts towards the entry's flood
 * limit; an entry past it is quarantined instead of alerting on every upload.
 */
export function createHashMatchDetector(matcher: MediaMatcher): Detector {
  return {
    name: 'csam_hash_match',
    evaluate({ ev, mediaHashes, effects }) {
      const event = ev.event;
      let refs: readonly MediaRef[];
      let uploader: string;
      let recipients: string[] | undefined;
      let conversationId: string | undefined;
      if (event.type === 'media.uploaded') {
        refs = [event.media];
        uploader = event.media.owner;
      } else if (event.type === 'message.sent' && event.message.media?.length) {
        refs = event.message.media;
        uploader = event.message.from;
        recipients = event.message.to;
        conversationId = event.message.conversationId;
      } else return NO_DRAFTS;
      const drafts: AlertDraft[] = [];
      for (const ref of refs) {
        const computed = mediaHashes?.[ref.id];
        const signals: MediaSignals = {
          pdq: computed?.pdq ?? ref.pdq,
          md5: computed?.md5 ?? ref.md5,
          sha1: computed?.sha1,
          sha256: computed?.sha256 ?? ref.sha256,
          dihedral: computed?.dihedral,
          vpdq: computed?.vpdq,
          tmk: computed?.tmk as TmkFeatures | undefined,
        };
        if (!signals.pdq && !signals.md5 && !signals.sha1 && !signals.sha256 && !signals.vpdq?.length && !signals.tmk) continue;
        let matches = matcher.match(signals);
        if (matches.length === 0) continue;
        const uploadKey = signals.sha256 ?? signals.md5 ?? `${event.id}/${ref.id}`;
        const flooded = matcher.noteUpload(
          matches.map((m) => m.entryId),
          uploadKey,
          ev.tsMs,
        );
        for (const id of flooded)
          effects.quarantineEntry(
            id,
            `bank entry ${id} matched more distinct uploads within an hour than the flood limit; it was taken out of matching for review`,
          );
        matches = matches.filter((m) => !flooded.includes(m.entryId));
        // The count lives in the store too: in memory alone, a restart would reset it (issue 15, item 10).
        for (const m of matches) effects.countUpload(m.entryId, uploadKey, ev.tsMs);
        if (matches.length === 0) continue;
        const nearest = matches[0]!;
        drafts.push({
          category: 'csam_hash_match',
          severity: 'critical',
          score:
            nearest.signalType === 'pdq'
              ? Math.max(0.5, 1 - nearest.distance / 64)
              : nearest.signalType === 'vpdq' || nearest.signalType === 'tmk_pdqf'
                ? Math.max(0.5, 1 - nearest.distance / 100)
                : 1,
          subjectAccountId: uploader,
          conversationId,
          evidence: [event.id],
          reasons: matches.slice(0, 10).map(reasonOf),
          relatedAccountIds: recipients,
          media: [
            {
              id: ref.id,
              matches: matches.slice(0, 50).map(({ bankId, bankName, entryId, signalType, distance, threshold }) => ({
                bankId,
                bankName,
                entryId,
                signalType,
                distance,
                threshold,
              })),
            },
          ],
          dedupeKey: `csam_hash_match:${JSON.stringify([event.id, ref.id])}`,
        });
      }
      return drafts;
    },
  };
}

function reasonOf(m: HashMatch): { code: string; detail: string } {
  if (m.signalType === 'tmk_pdqf')
    return {
      code: 'tmk_pdqf_match',
      detail: `TMK+PDQF level-2 score ${(1 - m.distance / 100).toFixed(2)} (at least 0.70 needed) to entry ${m.entryId} of bank "${m.bankName}"`,
    };
  if (m.signalType === 'vpdq')
    return {
      code: 'vpdq_match',
      detail: `vPDQ: ${100 - m.distance}% of the video's frames found in entry ${m.entryId} of bank "${m.bankName}" (at least ${100 - m.threshold}% needed)`,
    };
  return m.signalType === 'pdq'
    ? {
        code: 'pdq_match',
        detail: `PDQ distance ${m.distance} (bank threshold ${m.threshold}) to entry ${m.entryId} of bank "${m.bankName}"`,
      }
    : { code: `${m.signalType}_match`, detail: `${m.signalType.toUpperCase()} identical to entry ${m.entryId} of bank "${m.bankName}"` };
}
