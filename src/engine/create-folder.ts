import type { Logger } from 'pino';
import type { Alert, AlertDraft } from '../alerts/alert-schema.js';
import { packedUtcDate } from '../core/age-band.js';
import type { Clock } from '../core/clock.js';
import { newId } from '../core/ids.js';
import type { ValidEvent } from '../events/validate-event.js';
import { applyEvent } from '../facts/apply-event.js';
import { FLAG, type FlagName } from '../facts/facts.js';
import { hideDecoys } from './hide-decoys.js';
import { alertRow, pushEvent, type WriteSet } from '../store/write-set.js';
import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { clearFloodUploads, countFloodUpload } from '../media/bank-store.js';
import type { EngineState } from './engine-state.js';
import type { IngestItem, IngestStatus } from './ingest-item.js';

/**
 * Folds a batch into memory, in order: each accepted event updates the facts, the contact
 * tracker and the detectors; new alerts (at most one per dedupe key, ever), flags and audit
 * entries become rows of the batch's write set. Synchronous: batches never interleave.
 */
export function createFolder(getState: () => EngineState, clock: Clock, logger: Logger, db: Kysely<Database>) {
  let dayStart = 0;
  let dayEnd = -1;
  let dayPacked = 0;
  const datePackedFor = (ms: number) => {
    if (ms < dayStart || ms >= dayEnd) {
      dayStart = ms - (ms % 86_400_000);
      dayEnd = dayStart + 86_400_000;
      dayPacked = packedUtcDate(ms);
    }
    return dayPacked;
  };

  function materialise(draft: AlertDraft, detector: string, ev: ValidEvent, nowMs: number): Alert {
    const alert: Alert = {
      id: newId('alr', nowMs),
      ts: new Date(ev.tsMs).toISOString(),
      category: draft.category,
      severity: draft.severity,
      score: Math.round(draft.score * 1000) / 1000,
      subject: { accountId: draft.subjectAccountId },
      triggerEventId: ev.event.id,
      evidence: draft.evidence,
      reasons: draft.reasons,
      detector,
      detectedAt: new Date(nowMs).toISOString(),
    };
    if (draft.conversationId !== undefined) alert.conversationId = draft.conversationId;
    if (draft.relatedAccountIds !== undefined) alert.relatedAccountIds = draft.relatedAccountIds;
    if (draft.media !== undefined) alert.media = draft.media;
    return alert;
  }

  function fold(items: readonly IngestItem[], statuses: IngestStatus[], ws: WriteSet, alerts: Alert[], alertJson: string[]): void {
    const { facts, tracker, detectors: registry, alertKeys, audit } = getState();
    const detectors = registry.all;
    const nowMs = clock.now();
    // One effects object per batch, not per event (a million closures is a lot of garbage).
    let currentEventId = '';
    const effects = {
      quarantineEntry: (entryId: number, detail: string) => {
        ws.quarantines.push({ entryId, tsMs: nowMs });
        ws.statements.push(clearFloodUploads(db, entryId));
        ws.audit.push(
          audit.next(
            {
              actor: 'detector:csam_hash_match',
              action: 'bank_entry.quarantined',
              target: { type: 'bank_entry', id: String(entryId) },
              detail: { triggerEventId: currentEventId },
            },
            nowMs,
          ),
        );
        ws.notices.push({ id: newId('ntc', nowMs), tsMs: nowMs, kind: 'bank_entry_quarantined', detail });
        logger.warn({ entryId, eventId: currentEventId }, 'bank entry quarantined after a flood of matches');
      },
      countUpload: (entryId: number, uploadKey: string, tsMs: number) => {
        for (const st of countFloodUpload(db, { entryId, uploadKey, tsMs })) ws.statements.push(st);
      },
    };
    const raised: AlertDraft[] = []; // reused per event
    for (let i = 0; i < items.length; i++) {
      if (statuses[i] !== 'accepted') continue;
      const item = items[i]!;
      const ev = item;
      const datePacked = datePackedFor(ev.tsMs);
      pushEvent(ws.events, {
        id: ev.event.id,
        type: ev.event.type,
        tsMs: ev.tsMs,
        receivedMs: nowMs,
        body: item.body ?? JSON.stringify(ev.event),
      });
      applyEvent(facts, ev, datePacked, ws);
      const unconnected = tracker.record(ev, facts, datePacked, ws);
      currentEventId = ev.event.id;
      raised.length = 0;
      const input = { ev, facts, datePacked, unconnected, mediaHashes: item.mediaHashes, external: item.external, effects, raised };
      // Indexed loops: this runs per event and detector, and an array iterator the optimiser
      // does not remove is an object per step (a sixth of a simulated run's garbage, measured).
      for (let di = 0; di < detectors.length; di++) {
        const detector = detectors[di]!;
        const drafts = hideDecoys(detector.name, detector.evaluate(input), facts);
        for (let k = 0; k < drafts.length; k++) raised.push(drafts[k]!);
        for (let k = 0; k < drafts.length; k++) {
          const draft = drafts[k]!;
          if (alertKeys.has(draft.dedupeKey)) continue;
          alertKeys.add(draft.dedupeKey);
          const alert = materialise(draft, detector.name, ev, nowMs);
          const json = JSON.stringify(alert);
          ws.alerts.push(alertRow(alert, draft.dedupeKey, json));
          alerts.push(alert);
          alertJson.push(json);
          // "Who knew what, when": Warden learned this at detectedAt.
          ws.audit.push(
            audit.next(
              {
                actor: `detector:${detector.name}`,
                action: 'alert.raised',
                subjectAccountId: alert.subject.accountId,
                target: { type: 'alert', id: alert.id },
                detail: {
                  category: alert.category,
                  severity: alert.severity,
                  triggerEventId: alert.triggerEventId,
                  reasons: alert.reasons.map((r) => r.code),
                },
              },
              nowMs,
            ),
          );
          for (const f of draft.flags ?? []) {
            const idx = facts.ensure(f.accountId);
            facts.setFlag(idx, FLAG[f.flag as FlagName]);
            ws.flags.push({ accountId: f.accountId, flag: f.flag, source: `detector:${detector.name}`, reason: f.reason, tsMs: ev.tsMs });
            ws.audit.push(
              audit.next(
                {
                  actor: `detector:${detector.name}`,
                  action: 'account.flagged',
                  subjectAccountId: f.accountId,
                  detail: { flag: f.flag, reason: f.reason, alertId: alert.id },
                },
                nowMs,
              ),
            );
          }
        }
      }
    }
  }

  return { fold };
}
