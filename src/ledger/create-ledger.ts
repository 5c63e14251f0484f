import type { Logger } from 'pino';
import type { AuditChain, AuditInput } from '../audit/audit-chain.js';
import { AppError } from '../core/app-error.js';
import type { Clock } from '../core/clock.js';
import { FLAG, type Facts } from '../facts/facts.js';
import { deleteFlag } from '../store/delete-flag.js';
import type { Database } from '../store/tables.js';
import { WriteSet } from '../store/write-set.js';
import type { Kysely } from 'kysely';
import { createCommitQueue } from './commit-queue.js';
import type { Change, Ledger } from './ledger.js';

export interface LedgerDeps {
  /** Writes one (merged) write set in one transaction. */
  write(ws: WriteSet): Promise<void>;
  /** Compiles the ledger's own statements (a flag lifted) in the store's dialect. */
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  /** The facts the gate reads and the audit chain's head, as they are now (a reload replaces them). */
  memory(): { facts: Facts; audit: AuditChain };
  /** Rebuilds memory from what was committed; called after a failed commit, once the queue has drained. */
  reload(): Promise<void>;
}

/** The ledger as ingest uses it: besides `apply` and `audit`, it commits ingest's own write sets. */
export interface LedgerWriter extends Ledger {
  /** Queues a write set for the group commit; settles when its rows are durable. */
  commit(ws: WriteSet): Promise<void>;
  /** Settles once a reload in progress, if any, has finished. */
  settled(): Promise<void>;
  /** Throws `not_ready` while memory is being rebuilt. */
  assertReady(): void;
}

/**
 * The commit side of the engine: one group-commit queue for ingest batches and the changes
 * from above, so that the audit chain's order is commit order. A failed commit leaves memory
 * ahead of the store; the ledger then reports not ready and has memory rebuilt from the store
 * before anything else is accepted, so the rejected work can be retried and applied once.
 */
export function createLedger(deps: LedgerDeps): LedgerWriter {
  const { clock, logger } = deps;
  let ready = true;
  let reloading: Promise<void> | null = null;

  const queue = createCommitQueue(deps.write, (e) => {
    logger.error({ err: e }, 'commit failed; reloading state from the store');
    ready = false;
    reloading ??= (async () => {
      await queue.drain();
      await deps.reload();
      ready = true;
    })()
      .catch((err: unknown) => logger.error({ err }, 'state reload failed'))
      .finally(() => {
        reloading = null;
      });
  });

  function assertReady(): void {
    if (!ready) throw new AppError('not_ready', 'Warden is rebuilding its state after a storage failure; retry shortly');
  }

  async function apply(change: Change): Promise<void> {
    if (reloading) await reloading;
    assertReady();
    const { facts, audit } = deps.memory();
    const ws = new WriteSet();
    const nowMs = clock.now();
    for (const f of change.flags ?? []) {
      // Memory first: the gate honours a restriction at the next decision, not after the
      // commit. A failed commit rebuilds memory from the store (see the queue above).
      const idx = facts.ensure(f.accountId);
      if (f.set) {
        facts.setFlag(idx, FLAG[f.flag]);
        ws.flags.push({ accountId: f.accountId, flag: f.flag, source: f.source, reason: f.reason, tsMs: nowMs });
      } else {
        facts.clearFlag(idx, FLAG[f.flag]);
        ws.statements.push(deleteFlag(deps.db, f.accountId, f.flag));
      }
    }
    for (const st of change.statements ?? []) ws.statements.push(st);
    for (const e of change.audit ?? []) ws.audit.push(audit.next(e, nowMs));
    // The rows join the group commit: chain order is commit order, also across ingest.
    await queue.enqueue(ws);
  }

  return {
    apply,
    audit: (entries: AuditInput[]) => apply({ audit: entries }),
    commit: (ws) => queue.enqueue(ws),
    drain: () => queue.drain(),
    async settled() {
      if (reloading) await reloading;
    },
    assertReady,
    get ready() {
      return ready;
    },
  };
}
