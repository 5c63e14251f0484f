import type { Generated, Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import type { ExchangeCheckpoint } from './exchange.js';

/** The exchanges capability's own tables (migration 0045), composed into `Database` in store/tables.ts. */
export interface ExchangeSourcesTable {
  name: string;
  kind: string;
  bank_id: string;
  /** ExchangeCheckpoint as JSON; null before the first batch is stored. */
  checkpoint: string | null;
  last_started_ms: number | null;
  last_finished_ms: number | null;
  last_success_ms: number | null;
  last_error: string | null;
  last_error_ms: number | null;
  /** SourceCounts as JSON. */
  counts: string;
  updated_ms: number;
}

export interface ExchangeEntriesTable {
  source: string;
  entry_id: string;
  source_type: string;
  value: string;
  /** Warden's name for the type; null when Warden has none (stored and reported as unsupported). */
  stored_type: string | null;
  content_kind: string;
  bank_entry_id: number | null;
  updated_ms: number;
  added_ms: number;
  deleted_ms: number | null;
}

export interface ExchangeFeedbackTable {
  id: Generated<number>;
  source: string;
  entry_id: string;
  source_type: string;
  value: string;
  verdict: string;
  case_id: string;
  created_ms: number;
  /** pending, sent, failed (a refusal that retrying cannot mend) */
  state: string;
  attempts: number;
  next_try_ms: number;
  sent_ms: number | null;
  last_error: string | null;
}

/** What a source has done since Warden first fetched it. */
export interface SourceCounts {
  /** Entries received, deletions included. */
  fetched: number;
  /** Fingerprints stored in the source's bank. */
  stored: number;
  /** Entries withdrawn by the source. */
  deleted: number;
  /** An update older than what Warden holds for the entry (sources send out of time order): ignored. */
  stale: number;
  /** Fingerprints whose value was not what its type must be; the entry's others stand. */
  invalid: number;
  /** Fingerprints of types Warden has no name for, kept (not banked), by the source's type name. */
  unsupported: Record<string, number>;
  /** Stored fingerprints by Warden type, and which of them Warden matches today. */
  byType: Record<string, number>;
  /** New entries taken out of matching because the source sent more in an hour than its flood limit. */
  quarantined: number;
}

export const emptyCounts = (): SourceCounts => ({
  fetched: 0,
  stored: 0,
  deleted: 0,
  stale: 0,
  invalid: 0,
  unsupported: {},
  byType: {},
  quarantined: 0,
});

/** A source's state as the API and the console show it. */
export interface SourceState {
  name: string;
  kind: string;
  bankId: string;
  checkpoint: ExchangeCheckpoint | null;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  counts: SourceCounts;
  /** Verdicts owed to the source, by state: pending, sent, failed (read from the feedback outbox). */
  feedback: Record<'pending' | 'sent' | 'failed', number>;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function readSource(db: Kysely<Database>, name: string) {
  return db.selectFrom('exchange_sources').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function sourceStates(db: Kysely<Database>): Promise<SourceState[]> {
  const rows = await db.selectFrom('exchange_sources').selectAll().orderBy('name').execute();
  const fb = await db
    .selectFrom('exchange_feedback')
    .select(['source', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['source', 'state'])
    .execute();
  const feedbackOf = (source: string) => {
    const out = { pending: 0, sent: 0, failed: 0 };
    for (const f of fb) if (f.source === source && f.state in out) out[f.state as keyof typeof out] = Number(f.n);
    return out;
  };
  return rows.map((r) => {
    const cp = r.checkpoint ? (JSON.parse(r.checkpoint) as ExchangeCheckpoint) : null;
    // SECURITY: a resume link is the source's own URL path; shown as it is stored (tokens are never stored in it).
    return {
      name: r.name,
      kind: r.kind,
      bankId: r.bank_id,
      checkpoint: cp,
      lastStartedAt: iso(r.last_started_ms),
      lastFinishedAt: iso(r.last_finished_ms),
      lastSuccessAt: iso(r.last_success_ms),
      lastError: r.last_error,
      lastErrorAt: iso(r.last_error_ms),
      counts: { ...emptyCounts(), ...(JSON.parse(r.counts) as Partial<SourceCounts>) },
      feedback: feedbackOf(r.name),
    };
  });
}
