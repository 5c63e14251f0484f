import { createGateTally } from './gate-tally.js';
import type { Logger } from 'pino';
import type { Alert } from '../alerts/alert-schema.js';
import type { WardenConfig } from '../config/config-schema.js';
import { systemClock, type Clock } from '../core/clock.js';
import type { Decision, DecisionRequest } from '../gate/gate.js';
import type { Store } from '../store/store.js';
import { createHttpClassifier, type ExternalClassifier } from '../conversations/external-classifier.js';
import { hashMediaFiles } from '../media/hash-media-files.js';
import { WriteSet, type FlagRow } from '../store/write-set.js';
import { createLedger } from '../ledger/create-ledger.js';
import type { FlagChange, Ledger } from '../ledger/ledger.js';
import type { BankChange } from '../media/media-matcher.js';
import type { ContactSeen } from '../behaviour/contact-tracker.js';
import { createFolder } from './create-folder.js';
import { engineSettings } from './engine-settings.js';
import { buildState, type EngineState } from './engine-state.js';
import type { IngestItem, IngestStatus } from './ingest-item.js';
import { restoreState } from './restore-state.js';

export interface IngestOutcome {
  statuses: IngestStatus[];
  alerts: Alert[];
  /** Flags the batch's alerts set on accounts (scale-out publishes them to every node's gate). */
  flags?: readonly FlagRow[];
  /** Messages from adults to unconnected minors the batch recorded (scale-out shares them, for fan-out counts). */
  contacts?: readonly ContactSeen[];
}

export interface Submitted extends IngestOutcome {
  /** Settles when the batch is durable (and its alerts have been passed to `onAlerts`). */
  committed: Promise<void>;
}

/** The engine's first job: events in, folded into the state it keeps warm, and the gate over that state. */
export interface Ingest {
  /** Validated events in, durable before the promise resolves; duplicates by `id` are acknowledged and ignored. */
  ingest(items: readonly IngestItem[]): Promise<IngestOutcome>;
  /**
   * Folds a batch into memory now and commits it in the background: batches submitted one
   * after another are folded in that order, and the next can be prepared while this one
   * commits (replay uses this). Nothing is acknowledged to anyone until `committed`.
   */
  submit(items: readonly IngestItem[]): Promise<Submitted>;
  decide(req: DecisionRequest): Decision;
  readonly state: EngineState;
  /** Commits the gate decisions counted since the last call (transparency reports read them). */
  flushGateCounts(): Promise<void>;
}

/**
 * Ingest and the ledger it commits through. Only the server, the CLI and tests hold the
 * whole engine; capabilities above it take the `Ledger` (or a narrower port).
 */
export interface Engine extends Ingest, Ledger {}

export interface EngineOptions {
  store: Store;
  config: WardenConfig;
  logger: Logger;
  clock?: Clock;
  /** An external classifier to use instead of the HTTP one the config names (tests). */
  classifier?: ExternalClassifier;
  /** Called with alerts (and each serialised, as stored) after they are committed, in the order they fired. */
  onAlerts?: (alerts: Alert[], json: string[]) => void;
  /** Leaves detectors out by name (benchmarks measure the pipeline without some); all configured ones run by default. */
  detectors?: (name: string) => boolean;
  /** Scale-out: each change to the hash banks in memory, to send to the other nodes (docs/scale-out.md). */
  onBankChange?: (change: BankChange) => void;
  /** Scale-out: flags the ledger committed (cases, actions, restrictions), to send to the other nodes' gates. */
  onLedgerFlags?: (flags: readonly FlagChange[]) => void;
}

/**
 * The ingest pipeline and the state it keeps warm. One batch at a time is folded into
 * memory (synchronously, so batches never interleave), then its rows join the ledger's group
 * commit; the caller hears back only once they are durable.
 */
export async function createEngine(opts: EngineOptions): Promise<Engine> {
  const { store, config, logger } = opts;
  const clock = opts.clock ?? systemClock;
  const settings = engineSettings(config);
  let state = buildState(settings, clock, opts.detectors, opts.onBankChange);
  const gateTally = createGateTally();
  await restoreState(store, state, settings, clock);
  const ledger = createLedger({
    write: (ws) => store.write(ws),
    db: store.db,
    clock,
    logger,
    memory: () => state,
    // Memory is ahead of the store after a failed commit: rebuild it from what was committed,
    // so the rejected events can be retried and applied exactly once.
    async reload() {
      const fresh = buildState(settings, clock, opts.detectors, opts.onBankChange);
      await restoreState(store, fresh, settings, clock);
      state = fresh;
    },
  });
  /**
   * Ids folded into memory whose commit has not finished: a retry must not apply them twice.
   * One set for every batch in flight, not one per batch: a driver that submits faster than
   * the store commits (the simulator, replay) has dozens in flight, and a probe of each per id
   * cost more than the fold of an account upsert (docs/simulator.md, "Speed").
   */
  const pending = new Set<string>();

  const { fold } = createFolder(() => state, clock, logger, store.db);
  const ec = config.conversations.externalClassifier;
  const classifier = ec.url
    ? (opts.classifier ??
      createHttpClassifier({
        url: ec.url,
        timeoutMs: ec.timeoutMs,
        failureThreshold: ec.failureThreshold,
        resetAfterMs: ec.resetAfterMs,
        onStateChange: (s) => logger.warn({ circuit: s }, 'external classifier circuit changed'),
      }))
    : undefined;
  const hashing = Boolean(config.media.root) || config.media.allowedHosts.length > 0;

  async function submit(incoming: readonly IngestItem[]): Promise<Submitted> {
    await ledger.settled();
    // What Warden attaches before the fold (hashes, verdicts) goes on its own shallow copies:
    // the caller's items are never changed. Without hashing or a classifier nothing is attached.
    const items: readonly IngestItem[] = hashing || classifier ? incoming.map((it) => ({ ...it })) : incoming;
    // Media bytes are read and hashed before the (synchronous) fold; only events naming a
    // path under the media root or a URL on an allowed host cost anything here.
    if (hashing) await hashMediaFiles(items, config.media, logger);
    if (classifier) {
      // One call per batch, bounded by the classifier's timeout; nothing attached when it fails.
      const messages: { id: string; text: string }[] = [];
      for (const it of items)
        if (it.event.type === 'message.sent' && it.event.message.text) messages.push({ id: it.event.id, text: it.event.message.text });
      const verdicts = await classifier.classify(messages);
      if (verdicts.size > 0) {
        const external = Object.fromEntries(verdicts);
        for (const it of items) if (it.event.type === 'message.sent') it.external = external;
      }
    }
    ledger.assertReady();
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
      if (existing.has(id) || (pending.size > 0 && pending.has(id))) {
        statuses[i] = 'duplicate';
        seen.delete(id);
      }
    }
    const ws = new WriteSet();
    const alerts: Alert[] = [];
    const alertJson: string[] = [];
    fold(items, statuses, ws, alerts, alertJson);
    if (ws.isEmpty) return { statuses, alerts, committed: Promise.resolve() };
    // `seen` now holds exactly the ids this batch folded.
    for (const id of seen) pending.add(id);
    const settle = () => {
      for (const id of seen) pending.delete(id);
    };
    const committed = ledger.commit(ws).then(
      () => {
        settle();
        if (alerts.length > 0) opts.onAlerts?.(alerts, alertJson);
      },
      (e: unknown) => {
        settle();
        throw e;
      },
    );
    return { statuses, alerts, flags: ws.flags, contacts: ws.contacts, committed };
  }

  return {
    submit,
    async ingest(items) {
      const { statuses, alerts, flags, contacts, committed } = await submit(items);
      await committed;
      return {
        statuses,
        alerts,
        ...(flags && flags.length > 0 ? { flags } : {}),
        ...(contacts && contacts.length > 0 ? { contacts } : {}),
      };
    },
    decide(req) {
      const d = state.gate.decide(req);
      gateTally.count(d);
      return d;
    },
    async flushGateCounts() {
      const statements = gateTally.flush(store.db, clock.now());
      if (statements.length > 0) await ledger.apply({ statements });
    },
    async apply(change) {
      await ledger.apply(change);
      if (change.flags?.length) opts.onLedgerFlags?.(change.flags);
    },
    audit: (entries) => ledger.audit(entries),
    drain: () => ledger.drain(),
    get state() {
      return state;
    },
    get ready() {
      return ledger.ready;
    },
  };
}
