import type { Logger } from 'pino';
import type { FlagChange } from '../ledger/ledger.js';
import type { BankChange } from '../media/media-matcher.js';
import type { Bus } from './connect-bus.js';
import { publishModelUpdate, type ModelUpdate } from './model-feed.js';

/**
 * Changes made on one node outside ingest that every node's memory must follow (docs/scale-out.md,
 * the shared model): flags the ledger committed (case decisions, actions, restrictions) and
 * hash-bank changes. The engine reports them as they happen; they go out on the model feed in
 * order, coalesced while a publish is in flight, and a publish that fails is retried (with a
 * growing pause) until it succeeds or the node closes: a change is never dropped for a bus blip.
 */
export interface SharedChanges {
  flags(flags: readonly FlagChange[]): void;
  bank(change: BankChange): void;
  /** Starts sending; changes reported before are kept and sent first. */
  attach(bus: Bus, origin: string, logger: Logger): void;
  /** Settles when everything reported so far was published (or the node closes). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export function createSharedChanges(): SharedChanges {
  let flags: ModelUpdate['flags'] = [];
  let bank: BankChange[] = [];
  let target: { bus: Bus; origin: string; logger: Logger } | undefined;
  let sending: Promise<void> | undefined;
  let closed = false;

  async function sendAll(): Promise<void> {
    let pauseMs = 100;
    while (target && !closed && (flags.length > 0 || bank.length > 0)) {
      const update: ModelUpdate = { origin: target.origin, sentMs: Date.now(), events: [], flags, bank };
      try {
        await publishModelUpdate(target.bus, update);
        // Only what was sent leaves the queue; what was reported meanwhile follows in order.
        flags = flags.slice(update.flags.length);
        bank = bank.slice(update.bank!.length);
        pauseMs = 100;
      } catch (err) {
        target.logger.warn(
          { err: { message: (err as Error).message }, pending: flags.length + bank.length },
          'model feed publish failed; retrying',
        );
        await new Promise((r) => setTimeout(r, pauseMs).unref());
        pauseMs = Math.min(5_000, pauseMs * 2);
      }
    }
  }

  function kick(): void {
    if (sending || !target) return;
    sending = new Promise<void>((r) => setImmediate(r)).then(sendAll).finally(() => {
      sending = undefined;
      if (!closed && (flags.length > 0 || bank.length > 0)) kick();
    });
  }

  return {
    flags(list) {
      for (const f of list) flags.push({ accountId: f.accountId, flag: f.flag, set: f.set });
      kick();
    },
    bank(change) {
      bank.push(change);
      kick();
    },
    attach(bus, origin, logger) {
      target = { bus, origin, logger };
      kick();
    },
    async flush() {
      while (sending) await sending;
    },
    async close() {
      closed = true;
      await sending;
    },
  };
}

/**
 * Applies other nodes' changes after a random delay up to `maxJitterMs`, in the order they came:
 * what arrives while a delay runs joins the same application. Nodes thus rework their hash index
 * at different moments, never all at once, and never by a full rebuild.
 */
export function createJitteredApplier<T>(apply: (items: T[]) => void, maxJitterMs: number, random: () => number = Math.random) {
  let queue: T[] = [];
  let timer: NodeJS.Timeout | undefined;
  let applied = 0;
  return {
    push(items: readonly T[]): void {
      queue.push(...items);
      timer ??= setTimeout(
        () => {
          timer = undefined;
          const batch = queue;
          queue = [];
          apply(batch);
          applied += batch.length;
        },
        Math.floor(random() * maxJitterMs),
      );
    },
    get applied() {
      return applied;
    },
    get pending() {
      return queue.length;
    },
    close(): void {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
