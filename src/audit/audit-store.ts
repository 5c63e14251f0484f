import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { WriteSet } from '../store/write-set.js';
import { createDeferredAuditChain, entryHash, GENESIS_HASH, type AuditInput, type AuditRow } from './audit-chain.js';

type Row = Database['audit_log'];
export const fromDb = (r: Row): AuditRow => ({
  seq: r.seq,
  tsMs: r.ts_ms,
  actor: r.actor,
  action: r.action,
  subjectAccountId: r.subject_account,
  targetType: r.target_type,
  targetId: r.target_id,
  detail: r.detail,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export async function auditHead(db: Kysely<Database>): Promise<{ seq: number; hash: string }> {
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string };
  /** The first entry found altered, removed or out of order, with what is wrong. */
  firstProblem?: { seq: number; problem: 'altered' | 'removed' | 'reordered'; detail: string };
}

/**
 * Walks the chain in sequence order, recomputing every hash. Names the first entry that was
 * altered (its hash no longer matches its content), removed (a gap in the sequence) or
 * reordered or inserted (its previous-hash is not the hash before it). Alone it cannot see a
 * truncated tail or an edit whose chain was re-hashed: that takes a signed checkpoint
 * (audit-checkpoint.ts); `onVerified` hands it each entry's hash as it is checked.
 */
export async function verifyAudit(
  db: Kysely<Database>,
  pageSize = 20_000,
  onVerified?: (seq: number, hash: string) => void,
): Promise<VerifyResult> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    for (const r of rows) {
      const row = fromDb(r);
      if (row.seq !== expectedSeq) {
        return {
          ok: false,
          entries,
          head: { seq: expectedSeq - 1, hash: prevHash },
          firstProblem: {
            seq: expectedSeq,
            problem: 'removed',
            detail: `entry ${expectedSeq} is missing: the sequence jumps from ${expectedSeq - 1} to ${row.seq}`,
          },
        };
      }
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          entries,
          head: { seq: expectedSeq - 1, hash: prevHash },
          firstProblem: {
            seq: row.seq,
            problem: 'reordered',
            detail: `entry ${row.seq} does not follow entry ${row.seq - 1}: its previous-hash differs`,
          },
        };
      }
      const { hash, ...rest } = row;
      if (entryHash(rest) !== hash) {
        return {
          ok: false,
          entries,
          head: { seq: expectedSeq - 1, hash: prevHash },
          firstProblem: {
            seq: row.seq,
            problem: 'altered',
            detail: `entry ${row.seq} was changed after it was written: its content no longer gives its hash`,
          },
        };
      }
      onVerified?.(row.seq, hash);
      prevHash = hash;
      expectedSeq++;
      entries++;
    }
    if (rows.length < pageSize) break;
    after = rows[rows.length - 1]!.seq;
  }
  return { ok: true, entries, head: { seq: expectedSeq - 1, hash: prevHash } };
}

/** Up to `limit` entries after `after` and up to `through`, in order (a checkpoint's span, read in pages). */
export async function auditRange(db: Kysely<Database>, after: number, through: number, limit: number): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', after)
    .where('seq', '<=', through)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(fromDb);
}

/** The detail of the newest entry with this action (config.changed: the configuration last recorded). */
export async function lastDetailOf(db: Kysely<Database>, action: string): Promise<string | null | undefined> {
  const last = await db
    .selectFrom('audit_log')
    .select('detail')
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last?.detail;
}

/** The first entry with this action about this subject and target (evidence.preserved: what a package is bound to). */
export async function firstEntryAbout(
  db: Kysely<Database>,
  q: { subjectAccountId: string; action: string; targetType: string; targetId: string },
): Promise<AuditRow | undefined> {
  const row = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('subject_account', '=', q.subjectAccountId)
    .where('action', '=', q.action)
    .where('target_type', '=', q.targetType)
    .where('target_id', '=', q.targetId)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  return row ? fromDb(row) : undefined;
}

/** Every moment Warden or a person learned something about an account, and what was done. */
export async function whoKnew(db: Kysely<Database>, accountId: string): Promise<AuditRow[]> {
  return (await db.selectFrom('audit_log').selectAll().where('subject_account', '=', accountId).orderBy('seq').execute()).map(fromDb);
}

/**
 * A single append outside the engine (the CLI). It goes through the store's batch writer
 * like every engine commit, because that is the one place that takes the chain's head: inside
 * its write transaction, under the lock other appenders queue on (on PostgreSQL, a server in
 * another process appends to the same chain at the same time).
 */
export async function appendOne(store: { write(ws: WriteSet): Promise<void> }, input: AuditInput, tsMs = Date.now()): Promise<void> {
  const ws = new WriteSet();
  ws.audit.push(createDeferredAuditChain({ seq: 0 }).next(input, tsMs));
  await store.write(ws);
}
