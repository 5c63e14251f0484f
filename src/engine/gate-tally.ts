import { sql, type Kysely } from 'kysely';
import type { Decision } from '../gate/gate.js';
import type { Database } from '../store/tables.js';
import { statement, type Statement } from '../store/write-set.js';

const HOUR_MS = 3_600_000;

/**
 * Gate decisions by outcome and reason, for transparency reports (issue 19). The gate does no
 * I/O (docs/architecture.md): its decisions are interned objects, so counting one is a Map
 * increment on the hot path; the counts go to the store in hourly buckets when flushed,
 * through the ledger, in order with everything else.
 */
export interface GateTally {
  count(d: Decision, nowMs: number): void;
  /** The statements adding what was counted since the last flush (none when nothing was). */
  flush(db: Kysely<Database>): Statement[];
}

/** How a decision is keyed in reports: `deny:restricted_account`, `allow:none`. */
export const gateKeys = (d: Decision): string[] =>
  d.reasons.length === 0 ? [`${d.decision}:none`] : d.reasons.map((r) => `${d.decision}:${r.code}`);

export function createGateTally(): GateTally {
  let hour = 0;
  let counts = new Map<Decision, number>();
  const pending: { hourMs: number; counts: Map<Decision, number> }[] = [];
  return {
    count(d, nowMs) {
      const h = nowMs - (nowMs % HOUR_MS);
      if (h !== hour) {
        if (counts.size > 0) pending.push({ hourMs: hour, counts });
        counts = new Map();
        hour = h;
      }
      counts.set(d, (counts.get(d) ?? 0) + 1);
    },
    flush(db) {
      if (counts.size > 0) pending.push({ hourMs: hour, counts });
      counts = new Map();
      const byKey = new Map<string, { hourMs: number; reason: string; n: number }>();
      for (const p of pending.splice(0))
        for (const [d, n] of p.counts)
          for (const reason of gateKeys(d)) {
            const k = `${p.hourMs}|${reason}`;
            const row = byKey.get(k) ?? { hourMs: p.hourMs, reason, n: 0 };
            row.n += n;
            byKey.set(k, row);
          }
      return [...byKey.values()].map((r) =>
        statement(
          db
            .insertInto('gate_decision_counts')
            .values({ hour_ms: r.hourMs, reason: r.reason, n: r.n })
            .onConflict((oc) => oc.columns(['hour_ms', 'reason']).doUpdateSet({ n: sql`gate_decision_counts.n + ${r.n}` })),
        ),
      );
    },
  };
}
