import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AuditInput } from '../audit/audit-chain.js';
import type { Database } from '../store/tables.js';
import { ExchangeError, type Exchange, type Verdict } from './exchange.js';

/** Where the scan of decided cases stands (a row of the shared `cursors` table). */
const CURSOR = 'exchange_feedback';
const BATCH = 50;

/**
 * Finds cases closed since the last scan whose `csam_hash_match` alerts matched bank entries
 * that came from a source accepting feedback, and owes each source one verdict per
 * fingerprint and case: `confirm` for a confirmed case, `reject` for one dismissed as a
 * false positive (the reviewer found the match was not what the source said). Reading closed cases, rather than
 * hooking into review, keeps review unaware of exchanges and loses nothing across a restart.
 */
export async function collectVerdicts(db: Kysely<Database>, exchanges: ReadonlyMap<string, Exchange>, nowMs: number): Promise<number> {
  const cur = await db.selectFrom('cursors').select('position').where('name', '=', CURSOR).executeTakeFirst();
  // (closed time, case id): cases closed in the same millisecond are each seen once.
  const [afterMs, afterId] = cur ? [Number(cur.position.split('|')[0]), cur.position.split('|')[1] ?? ''] : [0, ''];
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'outcome', 'outcome_reason', 'closed_ms'])
    .where((eb) => eb.or([eb('closed_ms', '>', afterMs), eb.and([eb('closed_ms', '=', afterMs), eb('id', '>', afterId)])]))
    .where('outcome', 'in', ['confirmed', 'dismissed'])
    .orderBy('closed_ms')
    .orderBy('id')
    .execute();
  let owed = 0;
  for (const c of cases) {
    // Only a dismissal as a false positive says the hash was wrong; a duplicate or a lack of evidence says nothing about it.
    const verdict: Verdict | undefined =
      c.outcome === 'confirmed' ? 'confirm' : c.outcome_reason === 'false_positive' ? 'reject' : undefined;
    const alerts = !verdict
      ? []
      : await db
          .selectFrom('case_alerts')
          .innerJoin('alerts', 'alerts.id', 'case_alerts.alert_id')
          .select('alerts.body')
          .where('case_alerts.case_id', '=', c.id)
          .where('alerts.category', '=', 'csam_hash_match')
          .execute();
    const entryIds = new Set<number>();
    for (const a of alerts) {
      const body = JSON.parse(a.body) as { media?: { matches?: { entryId?: unknown }[] }[] };
      for (const m of body.media ?? []) for (const x of m.matches ?? []) if (typeof x.entryId === 'number') entryIds.add(x.entryId);
    }
    if (entryIds.size > 0) {
      const rows = await db
        .selectFrom('exchange_entries')
        .select(['source', 'entry_id', 'source_type', 'value'])
        .where('bank_entry_id', 'in', [...entryIds])
        .execute();
      for (const r of rows) {
        if (!verdict || !exchanges.get(r.source)?.sendFeedback) continue;
        const res = await db
          .insertInto('exchange_feedback')
          .values({
            source: r.source,
            entry_id: r.entry_id,
            source_type: r.source_type,
            value: r.value,
            verdict,
            case_id: c.id,
            created_ms: nowMs,
            state: 'pending',
            attempts: 0,
            next_try_ms: nowMs,
            sent_ms: null,
            last_error: null,
          })
          .onConflict((oc) => oc.columns(['source', 'entry_id', 'source_type', 'case_id']).doNothing())
          .executeTakeFirst();
        owed += Number(res.numInsertedOrUpdatedRows ?? 0);
      }
    }
    await db
      .insertInto('cursors')
      .values({ name: CURSOR, position: `${c.closed_ms}|${c.id}`, updated_ms: nowMs })
      .onConflict((oc) => oc.column('name').doUpdateSet({ position: `${c.closed_ms}|${c.id}`, updated_ms: nowMs }))
      .execute();
  }
  return owed;
}

/**
 * Sends the verdicts that are due. A retryable failure waits longer each time (30 s doubling,
 * at most an hour) up to `maxAttempts`; a refusal is final. Each verdict sent is audited,
 * since it tells an outside organisation what a reviewer decided about a case.
 */
export async function deliverFeedback(
  db: Kysely<Database>,
  exchanges: ReadonlyMap<string, Exchange>,
  o: { nowMs: number; maxAttempts: number; logger: Logger; audit: (entries: AuditInput[]) => Promise<void> },
): Promise<number> {
  const due = await db
    .selectFrom('exchange_feedback')
    .selectAll()
    .where('state', '=', 'pending')
    .where('next_try_ms', '<=', o.nowMs)
    .orderBy('id')
    .limit(BATCH)
    .execute();
  const audit: AuditInput[] = [];
  let sent = 0;
  for (const f of due) {
    const ex = exchanges.get(f.source);
    if (!ex?.sendFeedback) continue;
    try {
      await ex.sendFeedback({ entryId: f.entry_id, sourceType: f.source_type, value: f.value, verdict: f.verdict as Verdict });
      await db
        .updateTable('exchange_feedback')
        .set({ state: 'sent', sent_ms: o.nowMs, attempts: f.attempts + 1, last_error: null })
        .where('id', '=', f.id)
        .execute();
      audit.push({
        actor: 'system:exchanges',
        action: 'exchange.feedback_sent',
        target: { type: 'case', id: f.case_id },
        detail: { source: f.source, entryId: f.entry_id, fingerprintType: f.source_type, verdict: f.verdict },
      });
      sent++;
    } catch (e) {
      const retryable = e instanceof ExchangeError ? e.retryable : false;
      const attempts = f.attempts + 1;
      const final = !retryable || attempts >= o.maxAttempts;
      const message = e instanceof ExchangeError ? e.message : `unexpected failure (${(e as Error).name})`;
      await db
        .updateTable('exchange_feedback')
        .set({
          state: final ? 'failed' : 'pending',
          attempts,
          last_error: message,
          next_try_ms: o.nowMs + Math.min(3600_000, 30_000 * 2 ** (attempts - 1)),
        })
        .where('id', '=', f.id)
        .execute();
      o.logger.warn({ source: f.source, attempts, final }, 'exchange feedback not delivered');
    }
  }
  if (audit.length) await o.audit(audit);
  return sent;
}
