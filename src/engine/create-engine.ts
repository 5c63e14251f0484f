import type { Logger } from 'pino';
import type { Alert } from '../alerts/alert-schema.js';
import { createContactTracker, type ContactTracker } from '../behaviour/contact-tracker.js';
import { createSuspiciousAdultDetector } from '../behaviour/suspicious-adult.js';
import { createAccountRiskDetector } from '../behaviour/account-risk.js';
import { createCopiedOpenersDetector } from '../behaviour/copied-openers.js';
import { createUnwantedContactDetector } from '../behaviour/unwanted-contact.js';
import type { WardenConfig } from '../config/config-schema.js';
import { AppError } from '../core/app-error.js';
import { systemClock, type Clock } from '../core/clock.js';
import type { Detector } from '../core/detector.js';
import type { ValidEvent } from '../events/validate-event.js';
import { createFacts, type Facts } from '../facts/facts.js';
import { createGate, type Decision, type DecisionRequest, type Gate } from '../gate/gate.js';
import { deleteFlag } from '../store/delete-flag.js';
import type { Store } from '../store/store.js';
import { createHashMatchDetector } from '../media/hash-match-detector.js';
import { createConversationRiskDetector } from '../conversations/conversation-risk-detector.js';
import { createConversationTracker } from '../conversations/conversation-tracker.js';
import { BUILTIN_MODEL_PATH, loadRiskModel, type RiskModel } from '../conversations/model/risk-model.js';
import { createExternalClassifierDetector } from '../conversations/external-classifier-detector.js';
import { createHttpClassifier, type ExternalClassifier, type ExternalVerdict } from '../conversations/external-classifier.js';
import { createMediaMatcher, type MediaMatcher, type MediaSignals } from '../media/media-matcher.js';
import { hashMediaFiles } from '../media/hash-media-files.js';
import { createDeferredAuditChain, type AuditChain, type AuditInput } from '../audit/audit-chain.js';
import { WriteSet, type Statement } from '../store/write-set.js';
import { FLAG, type FlagName } from '../facts/facts.js';
import { createCommitQueue } from './commit-queue.js';
import { createFolder } from './fold-batch.js';
import { restoreState } from './restore-state.js';

export interface IngestItem extends ValidEvent {
  /** The event as stored; the validated event re-serialised when absent. */
  body?: string;
  /** Hashes Warden computed from the bytes of this event's media, by media id. */
  mediaHashes?: Record<string, MediaSignals>;
  /** An external classifier's verdicts, attached before the fold (the same for every item of a batch). */
  external?: Record<string, ExternalVerdict>;
}

export type IngestStatus = 'accepted' | 'duplicate';

export interface IngestOutcome {
  statuses: IngestStatus[];
  alerts: Alert[];
}

/** A flag set or lifted by an action; the gate honours it from the moment `apply` is called. */
export interface FlagChange {
  accountId: string;
  flag: FlagName;
  set: boolean;
  source: string;
  reason: string;
}

/** A change from above ingest (cases, rules, actions): statements, flags and their audit entries, one commit. */
export interface Change {
  statements?: Statement[];
  audit?: AuditInput[];
  flags?: FlagChange[];
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
  /** Commits a change atomically, in order with ingest and the audit chain. */
  apply(change: Change): Promise<void>;
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
  /** An external classifier to use instead of the HTTP one the config names (tests). */
  classifier?: ExternalClassifier;
  /** Called with alerts (and each serialised, as stored) after they are committed, in the order they fired. */
  onAlerts?: (alerts: Alert[], json: string[]) => void;
}

const models = new Map<string, RiskModel>();
/** The configured conversation model, loaded once per file (a reload after a storage failure reuses it). */
function riskModelFor(setting: string): RiskModel | undefined {
  if (setting === 'off') return undefined;
  const path = setting === 'builtin' ? BUILTIN_MODEL_PATH : setting;
  let m = models.get(path);
  if (!m) {
    m = loadRiskModel(path);
    models.set(path, m);
  }
  return m;
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
    createConversationRiskDetector(createConversationTracker(), {
      treatUnknownAgeAsAdult: config.behaviour.treatUnknownAgeAsAdult,
      model: riskModelFor(config.conversations.model),
      otherMinors: (senderIdx, nowMs) => tracker.countRecentMinors(senderIdx, nowMs - config.behaviour.suspiciousAdult.fanOutWindowHours * 3_600_000),
    }),
    createCopiedOpenersDetector({ minMinors: 3, windowMs: config.behaviour.suspiciousAdult.fanOutWindowHours * 3_600_000, treatUnknownAgeAsAdult: config.behaviour.treatUnknownAgeAsAdult }),
    ...(config.conversations.externalClassifier.url
      ? [createExternalClassifierDetector({ threshold: config.conversations.externalClassifier.threshold, treatUnknownAgeAsAdult: config.behaviour.treatUnknownAgeAsAdult })]
      : []),
    // Last: it reads what the detectors before it raised on the same event.
    createAccountRiskDetector(
      {
        treatUnknownAgeAsAdult: config.behaviour.treatUnknownAgeAsAdult,
        fanOutWindowMs: config.behaviour.suspiciousAdult.fanOutWindowHours * 3_600_000,
        ignoredAfterMs: config.behaviour.accountRisk.ignoredAfterHours * 3_600_000,
        alertAt: config.behaviour.accountRisk.alertAt,
      },
      tracker,
    ),
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

  const { fold } = createFolder(() => state, clock, logger);
  const ec = config.conversations.externalClassifier;
  const classifier = ec.url
    ? (opts.classifier ??
      createHttpClassifier({ url: ec.url, timeoutMs: ec.timeoutMs, failureThreshold: ec.failureThreshold, resetAfterMs: ec.resetAfterMs, onStateChange: (s) => logger.warn({ circuit: s }, 'external classifier circuit changed') }))
    : undefined;

  async function submit(items: readonly IngestItem[]): Promise<Submitted> {
    if (reloading) await reloading;
    // Media bytes are read and hashed before the (synchronous) fold; only events naming a
    // path under the media root or a URL on an allowed host cost anything here.
    if (config.media.root || config.media.allowedHosts.length > 0) await hashMediaFiles(items, config.media, logger);
    if (classifier) {
      // One call per batch, bounded by the classifier's timeout; nothing attached when it fails.
      const messages: { id: string; text: string }[] = [];
      for (const it of items) if (it.event.type === 'message.sent' && it.event.message.text) messages.push({ id: it.event.id, text: it.event.message.text });
      const verdicts = await classifier.classify(messages);
      if (verdicts.size > 0) {
        const external = Object.fromEntries(verdicts);
        for (const it of items) if (it.event.type === 'message.sent') it.external = external;
      }
    }
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

  async function apply(change: Change): Promise<void> {
    if (reloading) await reloading;
    if (!ready) throw new AppError('not_ready', 'Warden is rebuilding its state after a storage failure; retry shortly');
    const ws = new WriteSet();
    const nowMs = clock.now();
    for (const f of change.flags ?? []) {
      // Memory first: the gate honours a restriction at the next decision, not after the
      // commit. A failed commit rebuilds memory from the store (see the queue above).
      const idx = state.facts.ensure(f.accountId);
      if (f.set) {
        state.facts.setFlag(idx, FLAG[f.flag]);
        ws.flags.push({ accountId: f.accountId, flag: f.flag, source: f.source, reason: f.reason, tsMs: nowMs });
      } else {
        state.facts.clearFlag(idx, FLAG[f.flag]);
        ws.statements.push(deleteFlag(store.db, f.accountId, f.flag));
      }
    }
    for (const st of change.statements ?? []) ws.statements.push(st);
    for (const e of change.audit ?? []) ws.audit.push(state.audit.next(e, nowMs));
    // The rows join the group commit: chain order is commit order, also across ingest.
    await queue.enqueue(ws);
  }

  return {
    submit,
    async ingest(items) {
      const { statuses, alerts, committed } = await submit(items);
      await committed;
      return { statuses, alerts };
    },
    decide: (req) => state.gate.decide(req),
    audit: (entries) => apply({ audit: entries }),
    apply,
    get state() {
      return state;
    },
    get ready() {
      return ready;
    },
    drain: () => queue.drain(),
  };
}
