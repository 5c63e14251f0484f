import { sql, type Kysely } from 'kysely';
import type { Decision } from '../gate/gate.js';
import type { Database } from '../store/tables.js';
import { statement, type Statement } from '../store/write-set.js';

const HOUR_MS = 3_600_000;

/**
 * Gate decisions by outcome and reason, for transparency reports (issue 19). The gate does no
 * I/O (docs/architecture.md): its decisions are interned objects, so counting one is a Map
 * increment on the hot path, with no clock read (measured: a clock read per decision tripled
 * the tally's cost). The counts go to the store in hourly buckets when flushed, through the
 * ledger, in order with everything else; flushed each minute, so a decision lands at most a
 * minute late in its hour's bucket.
 */
export interface GateTally {
  count(d: Decision): void;
  /** The statements adding what was counted since the last flush, in the bucket of `nowMs`'s hour (none when nothing was). */
  flush(db: Kysely<Database>, nowMs: number): Statement[];
}

/** How a decision is keyed in reports: `deny:restricted_account`, `allow:none`. */
export const gateKeys = (d: Decision): string[] =>
  d.reasons.length === 0 ? [`${d.decision}:none`] : d.reasons.map((r) => `${d.decision}:${r.code}`);

export function createGateTally(): GateTally {
  let counts = new Map<Decision, number>();
  return {
    count(d) {
      counts.set(d, (counts.get(d) ?? 0) + 1);
    },
    flush(db, nowMs) {
      const hourMs = nowMs - (nowMs % HOUR_MS);
      const byReason = new Map<string, number>();
      for (const [d, n] of counts) for (const reason of gateKeys(d)) byReason.set(reason, (byReason.get(reason) ?? 0) + n);
      counts = new Map();
      return [...byReason].map(([reason, n]) =>
        statement(
          db
            .insertInto('gate_decision_counts')
            .values({ hour_ms: hourMs, reason, n })
            .onConflict((oc) => oc.columns(['hour_ms', 'reason']).doUpdateSet({ n: sql`gate_decision_counts.n + ${n}` })),
        ),
      );
    },
  };
}
