import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import type { ScaleMetrics } from './scale-metrics.js';

/** The outboxes the store holds, as the gauge's `outbox` label names them. */
export interface OutboxDepth {
  /** Webhook deliveries (the `actions` table) waiting to be sent: pending, due or scheduled for a retry. */
  webhook: number;
  /** CyberTipline reports approved and not yet acknowledged by NCMEC (the submitter's queue). */
  report: number;
}

/**
 * Reads both outboxes' depth from the shared store: every node reports the same figure, the
 * deployment's, since any node's dispatcher may send a row. Two indexed counts per scrape.
 */
export async function outboxDepth(db: Kysely<Database>): Promise<OutboxDepth> {
  const [w, r] = await Promise.all([
    db
      .selectFrom('actions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'pending')
      .executeTakeFirst(),
    db
      .selectFrom('cybertip_reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['approved', 'submitting'])
      .executeTakeFirst(),
  ]);
  return { webhook: Number(w?.n ?? 0), report: Number(r?.n ?? 0) };
}

/** Sets `warden_outbox_depth{outbox}` before a scrape; a store that does not answer leaves the last values (readiness reports it). */
export async function setOutboxDepth(db: Kysely<Database>, metrics: ScaleMetrics): Promise<void> {
  try {
    const d = await outboxDepth(db);
    metrics.outbox.set({ outbox: 'webhook' }, d.webhook);
    metrics.outbox.set({ outbox: 'report' }, d.report);
  } catch {
    // Kept: the gauges' last values.
  }
}
