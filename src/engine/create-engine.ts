import type { Logger } from 'pino';
import type { Alert, AlertDraft } from '../alerts/alert-schema.js';
import { createContactTracker, type ContactTracker } from '../behaviour/contact-tracker.js';
import { createSuspiciousAdultDetector } from '../behaviour/suspicious-adult.js';
import { createUnwantedContactDetector } from '../behaviour/unwanted-contact.js';
import type { WardenConfig } from '../config/config-schema.js';
import { packedUtcDate } from '../core/age-band.js';
import { AppError } from '../core/app-error.js';
import { systemClock, type Clock } from '../core/clock.js';
import type { Detector } from '../core/detector.js';
import { newId } from '../core/ids.js';
import type { ValidEvent } from '../events/validate-event.js';
import { applyEvent } from '../facts/apply-event.js';
import { createFacts, FLAG, type Facts, type FlagName } from '../facts/facts.js';
import { createGate, type Decision, type DecisionRequest, type Gate } from '../gate/gate.js';
import type { Store } from '../store/store.js';
import { createHashMatchDetector } from '../media/hash-match-detector.js';
import { createMediaMatcher, type MediaMatcher, type MediaSignals } from '../media/media-matcher.js';
import { hashMediaFiles } from '../media/hash-media-files.js';
import { createDeferredAuditChain, type AuditChain, type AuditInput } from '../audit/audit-chain.js';
import { alertRow, pushEvent, WriteSet } from '../store/write-set.js';
import { createCommitQueue } from './commit-queue.js';
import { restoreState } from './restore-state.js';

export interface IngestItem extends ValidEvent {
  /** The event as stored; the validated event re-serialised when absent. */
  body?: string;
  /** Hashes Warden computed from the bytes of this event's media, by media id. */
  mediaHashes?: Record<string, MediaSignals>;
}

export type IngestStatus = 'accepted' | 'duplicate';

export interface IngestOutcome {
  statuses: IngestStatus[];
  alerts: Alert[];
}

export interface EngineState {
  facts: Facts;
  tracker: ContactTracker;
  detectors: Detector[];
  gate: Gate;
  alertKeys: Set<string>;
  matcher: MediaMatcher;
  /** The audit chain's head; every append goes through it, in commit order. */
  audit: AuditChain;
}

export interface Submitted extends IngestOutcome {
  /** Settles when the batch is durable (and its alerts have been passed to `onAlerts`). */
  committed: Promise<void>;
}

export interface Engine {
  /** Validated events in, durable before the promise resolves; duplicates by `id` are acknowledged and ignored. */
  ingest(items: readonly IngestItem[]): Promise<IngestOutcome>;
  /**
   * Folds a batch into memory now and commits it in the background: batches submitted one
   * after another are folded in that order, and the next can be prepared while this one
   * commits (replay uses this). Nothing is acknowledged to anyone until `committed`.
   */
  submit(items: readonly IngestItem[]): Promise<Submitted>;
  decide(req: DecisionRequest): Decision;
  /** Appends to the audit log (views, configuration changes), durably, in order with ingest. */
  audit(entries: AuditInput[]): Promise<void>;
  readonly state: EngineState;
  readonly ready: boolean;
  /** Waits for every accepted batch to be committed. */
  drain(): Promise<void>;
}

export interface EngineOptions {
  store: Store;
  config: WardenConfig;
  logger: Logger;
  clock?: Clock;
  /** Called with alerts (and each serialised, as stored) after they are committed, in the order they fired. */
  onAlerts?: (alerts: Alert[], json: string[]) => void;
}

export function buildState(config: WardenConfig, clock: Clock): EngineState {
  const facts = createFacts();
  const tracker = createContactTracker({
    windowMs: config.behaviour.suspiciousAdult.fanOutWindowHours * 3600_000,
    treatUnknownAgeAsAdult: config.behaviour.treatUnknownAgeAsAdult,
  });
  const matcher = createMediaMatcher({ floodLimitPerHour: config.media.floodLimitPerHour });
  const detectors: Detector[] = [
    createUnwantedContactDetector(),
    createSuspiciousAdultDetector(config.behaviour, tracker),
    createHashMatchDetector(matcher),
  ];
  return { facts, tracker, detectors, gate: createGate(facts, config.gate, clock), alertKeys: new Set(), matcher, audit: createDeferredAuditChain({ seq: 0 }) };
}

/**
 * The ingest pipeline and the state it keeps warm. One batch at a time is folded into
 * memory (synchronously, so batches never interleave), then its rows join the group
 * commit; the caller hears back only once they are durable.
 */
export async function createEngine(opts: EngineOptions): Promise<Engine> {
  const { store, config, logger } = opts;
  const clock = opts.clock ?? systemClock;
  let state = buildState(config, clock);
  await restoreState(store, state, config);
  let ready = true;
  let reloading: Promise<void> | null = null;
  /**
   * Ids folded into memory whose commit has not finished, one set per batch in flight: a
   * retry must not apply them twice. Each batch's own id set is reused, so the hot path
   * adds and removes one set per batch instead of every id.
   */
  const inFlight = new Set<Set<string>>();
  const isPending = (id: string) => {
    for (const ids of inFlight) if (ids.has(id)) return true;
    return false;
  };

  const queue = createCommitQueue(
    (ws) => store.write(ws),
    (e) => {
      // Memory is now ahead of the store. Rebuild it from what was committed before the
      // next batch, so the rejected events can be retried and applied exactly once.
      logger.error({ err: e }, 'commit failed; reloading state from the store');
      ready = false;
      reloading ??= (async () => {
        await queue.drain();
        const fresh = buildState(config, clock);
        await restoreState(store, fresh, config);
        state = fresh;
        ready = true;
      })()
        .catch((err: unknown) => logger.error({ err }, 'state reload failed'))
        .finally(() => {
          reloading = null;
        });
    },
  );

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
    const { facts, tracker, detectors, alertKeys, audit } = state;
    const nowMs = clock.now();
    // One effects object per batch, not per event (a million closures is a lot of garbage).
    let currentEventId = '';
    const effects = {
      quarantineEntry: (entryId: number, detail: string) => {
        ws.quarantines.push({ entryId, tsMs: nowMs });
        ws.audit.push(audit.next({ actor: 'detector:csam_hash_match', action: 'bank_entry.quarantined', target: { type: 'bank_entry', id: String(entryId) }, detail: { triggerEventId: currentEventId } }, nowMs));
        ws.notices.push({ id: newId('ntc', nowMs), tsMs: nowMs, kind: 'bank_entry_quarantined', detail });
        logger.warn({ entryId, eventId: currentEventId }, 'bank entry quarantined after a flood of matches');
      },
    };
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
      const input = { ev, facts, datePacked, unconnected, mediaHashes: item.mediaHashes, effects };
      for (const detector of detectors) {
        const drafts = detector.evaluate(input);
        for (const draft of drafts) {
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
                detail: { category: alert.category, severity: alert.severity, triggerEventId: alert.triggerEventId, reasons: alert.reasons.map((r) => r.code) },
              },
              nowMs,
            ),
          );
          for (const f of draft.flags ?? []) {
            const idx = facts.ensure(f.accountId);
            facts.setFlag(idx, FLAG[f.flag as FlagName]);
            ws.flags.push({ accountId: f.accountId, flag: f.flag, source: `detector:${detector.name}`, reason: f.reason, tsMs: ev.tsMs });
            ws.audit.push(audit.next({ actor: `detector:${detector.name}`, action: 'account.flagged', subjectAccountId: f.accountId, detail: { flag: f.flag, reason: f.reason, alertId: alert.id } }, nowMs));
          }
        }
      }
    }
  }

  async function submit(items: readonly IngestItem[]): Promise<Submitted> {
    if (reloading) await reloading;
    // Media bytes are read and hashed before the (synchronous) fold; only events naming a
    // path under the media root or a URL on an allowed host cost anything here.
    if (config.media.root || config.media.allowedHosts.length > 0) await hashMediaFiles(items, config.media, logger);
    if (!ready) throw new AppError('not_ready', 'Warden is rebuilding its state after a storage failure; retry shortly');
    const statuses: IngestStatus[] = new Array(items.length);
    const seen = new Set<string>();
    const candidates: string[] = [];
    for (let i = 0; i < items.length; i++) {
      const id = items[i]!.event.id;
      if (seen.has(id)) statuses[i] = 'duplicate';
      else {
        seen.add(id);
        statuses[i] = 'accepted';
        candidates.push(id);
      }
    }
    const existing = candidates.length > 0 ? await store.existingEventIds(candidates) : new Set<string>();
    // From here to enqueue nothing awaits: the pending check and the fold are one step.
    for (let i = 0; i < items.length; i++) {
      if (statuses[i] !== 'accepted') continue;
      const id = items[i]!.event.id;
      if (existing.has(id) || (inFlight.size > 0 && isPending(id))) {
        statuses[i] = 'duplicate';
        seen.delete(id);
      }
    }
    const ws = new WriteSet();
    const alerts: Alert[] = [];
    const alertJson: string[] = [];
    fold(items, statuses, ws, alerts, alertJson);
    if (ws.isEmpty && ws.audit.length === 0) return { statuses, alerts, committed: Promise.resolve() };
    // `seen` now holds exactly the ids this batch folded.
    inFlight.add(seen);
    const committed = queue.enqueue(ws).then(
      () => {
        inFlight.delete(seen);
        if (alerts.length > 0) opts.onAlerts?.(alerts, alertJson);
      },
      (e: unknown) => {
        inFlight.delete(seen);
        throw e;
      },
    );
    return { statuses, alerts, committed };
  }

  return {
    submit,
    async ingest(items) {
      const { statuses, alerts, committed } = await submit(items);
      await committed;
      return { statuses, alerts };
    },
    decide: (req) => state.gate.decide(req),
    async audit(entries) {
      if (reloading) await reloading;
      if (!ready) throw new AppError('not_ready', 'Warden is rebuilding its state after a storage failure; retry shortly');
      const ws = new WriteSet();
      const nowMs = clock.now();
      for (const e of entries) ws.audit.push(state.audit.next(e, nowMs));
      // The rows join the group commit: chain order is commit order, also across ingest.
      await queue.enqueue(ws);
    },
    get state() {
      return state;
    },
    get ready() {
      return ready;
    },
    drain: () => queue.drain(),
  };
}
