import { DeliverPolicy, headers, type ConsumerMessages } from 'nats';
import type { Logger } from 'pino';
import { z } from 'zod';
import { packedUtcDate } from '../core/age-band.js';
import { validateEvent } from '../events/validate-event.js';
import { applyEvent } from '../facts/apply-event.js';
import { FLAG, type Facts, type FlagName } from '../facts/facts.js';
import { SIGNAL_TYPES } from '../media/hasher.js';
import type { BankChange } from '../media/media-matcher.js';
import { WriteSet } from '../store/write-set.js';
import { modelStream, modelSubject } from './bus-options.js';
import type { Bus } from './connect-bus.js';

/**
 * The shared model (docs/scale-out.md): after each commit a worker publishes the facts its
 * batch changed (the bodies of fact events, the flags its alerts set) on one subject; every
 * node (workers and servers) folds what the others committed into the memory its gate and
 * detectors read. Applying an update twice changes nothing (facts are last-writer-wins by
 * event time, flags are bits), so the feed is at-least-once and a node re-reads it from a
 * little before each rebuild of its state.
 */
const BankSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  kind: z.enum(['positive', 'negative']),
  enabled: z.boolean(),
  pdqThreshold: z.number().int(),
});
const EntrySchema = z.strictObject({
  id: z.number().int(),
  bankId: z.string().min(1),
  signalType: z.enum(SIGNAL_TYPES),
  value: z.string(),
  quarantined: z.boolean(),
});
const BankChangeSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('bank'), bank: BankSchema }),
  z.strictObject({ op: z.literal('add'), entry: EntrySchema }),
  z.strictObject({ op: z.literal('remove'), id: z.number().int() }),
  z.strictObject({ op: z.literal('quarantine'), id: z.number().int(), quarantined: z.boolean() }),
]);
const ContactSchema = z.strictObject({
  from: z.string().min(1),
  to: z.string().min(1),
  lastMs: z.number(),
  lastEventId: z.string().min(1),
});

const ModelUpdateSchema = z.strictObject({
  origin: z.string().min(1),
  sentMs: z.number(),
  events: z.array(z.string()),
  flags: z.array(
    z.strictObject({ accountId: z.string().min(1), flag: z.enum(['suspicious', 'restricted', 'hidden', 'decoy']), set: z.boolean() }),
  ),
  /** Messages from adults to unconnected minors: fan-out is counted over every worker's (docs/scale-out.md). */
  contacts: z.array(ContactSchema).optional(),
  /** Hash-bank changes, in the order they were made: each node's index follows them as deltas. */
  bank: z.array(BankChangeSchema).optional(),
});

export type ModelUpdate = z.output<typeof ModelUpdateSchema>;

export async function publishModelUpdate(bus: Bus, update: ModelUpdate): Promise<void> {
  if (update.events.length === 0 && update.flags.length === 0 && !update.contacts?.length && !update.bank?.length) return;
  const h = headers();
  h.set('Warden-Origin', update.origin);
  await bus.js.publish(modelSubject(bus.options), JSON.stringify(update), { headers: h, timeout: bus.options.publishTimeoutMs });
}

export interface ModelFeed {
  /** Updates applied from other nodes, and the delay from publish to apply of the last one. */
  readonly applied: number;
  readonly lastDelayMs: number;
  /** Reads the feed again from `sinceMs` (after a rebuild of memory from the store). */
  restart(sinceMs: number): Promise<void>;
  close(): Promise<void>;
}

/** Margin before a rebuild's start: a commit published while the rebuild read the store must not fall between the two. */
const REREAD_MARGIN_MS = 5_000;

export interface FollowOptions {
  /** This node: its own updates are already in its memory. */
  origin: string;
  /** The facts to fold into, read per update (a rebuild replaces them). */
  facts: () => Facts;
  /** When this node's memory was read from the store. */
  sinceMs: number;
  logger: Logger;
  onDelay?: (ms: number) => void;
  /** Another node's contacts (fan-out), applied at once. */
  onContacts?: (contacts: ModelUpdate['contacts'] & object) => void;
  /** Another node's bank changes (the node applies them after its own jitter). */
  onBank?: (changes: BankChange[]) => void;
}

export async function followModel(bus: Bus, opts: FollowOptions): Promise<ModelFeed> {
  const { origin, facts, logger, onDelay, onContacts, onBank } = opts;
  let messages: ConsumerMessages | undefined;
  let loop: Promise<void> | undefined;
  let applied = 0;
  let lastDelayMs = 0;

  function apply(update: ModelUpdate): void {
    const f = facts();
    const nowMs = Date.now();
    const scratch = new WriteSet(); // rows were committed by the origin; only memory changes here
    const today = packedUtcDate(nowMs);
    for (const body of update.events) {
      let raw: unknown;
      try {
        raw = JSON.parse(body);
      } catch {
        continue;
      }
      // Validated once at ingest; checked again here as any edge is, with no clock rule.
      const r = validateEvent(raw, { nowMs, maxFutureSkewMs: Number.MAX_SAFE_INTEGER });
      if (r.ok) applyEvent(f, r.value, today, scratch);
    }
    for (const fl of update.flags) {
      const idx = f.ensure(fl.accountId);
      if (fl.set) f.setFlag(idx, FLAG[fl.flag as FlagName]);
      else f.clearFlag(idx, FLAG[fl.flag as FlagName]);
    }
    if (update.contacts?.length) onContacts?.(update.contacts);
    if (update.bank?.length) onBank?.(update.bank);
    applied++;
    lastDelayMs = Math.max(0, nowMs - update.sentMs);
    onDelay?.(lastDelayMs);
  }

  async function start(sinceMs: number): Promise<void> {
    const consumer = await bus.js.consumers.get(modelStream(bus.options), {
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: new Date(Math.max(0, sinceMs - REREAD_MARGIN_MS)).toISOString(),
    });
    const msgs = await consumer.consume({ max_messages: 256 });
    messages = msgs;
    loop = (async () => {
      for await (const m of msgs) {
        if (m.headers?.get('Warden-Origin') === origin) continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(m.string());
        } catch {
          logger.warn({ seq: m.seq }, 'model update is not JSON; skipped');
          continue;
        }
        const r = ModelUpdateSchema.safeParse(parsed);
        if (!r.success) {
          logger.warn({ seq: m.seq, field: r.error.issues[0]?.path.join('.') }, 'model update does not match its schema; skipped');
          continue;
        }
        if (r.data.origin !== origin) apply(r.data);
      }
    })().catch((err: unknown) => logger.error({ err }, 'model feed stopped'));
  }

  async function stop(): Promise<void> {
    await messages?.close().catch(() => undefined);
    await loop;
    messages = undefined;
  }

  await start(opts.sinceMs);
  return {
    get applied() {
      return applied;
    },
    get lastDelayMs() {
      return lastDelayMs;
    },
    async restart(sinceMs) {
      await stop();
      await start(sinceMs);
    },
    close: stop,
  };
}
