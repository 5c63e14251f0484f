import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../core/app-error.js';
import { newId } from '../core/ids.js';
import type { BankEntriesTable, Database } from '../store/tables.js';
import { statement, type Statement } from '../store/write-set.js';
import type { BankCreateSchema, BankUpdateSchema } from './media-requests.js';
import type { ListedHash } from './bank-list-format.js';
import { FLOOD_WINDOW_MS, type BankInfo, type EntryInfo } from './media-matcher.js';
import type { SignalType } from './hasher.js';

export interface BankRecord extends BankInfo {
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EntryRecord {
  id: number;
  bankId: string;
  signalType: SignalType;
  value: string;
  note: string | null;
  source: string | null;
  addedAt: string;
  removedAt: string | null;
  quarantinedAt: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

type BankRow = Database['banks'];
const toBank = (r: BankRow): BankRecord => ({
  id: r.id,
  name: r.name,
  kind: r.kind as BankInfo['kind'],
  enabled: r.enabled === 1,
  pdqThreshold: r.pdq_threshold,
  description: r.description,
  createdAt: iso(r.created_ms)!,
  updatedAt: iso(r.updated_ms)!,
});

/** A stored entry as read back (the table's own type, its generated id resolved). */
type EntryRow = Selectable<BankEntriesTable>;
const toEntry = (r: EntryRow): EntryRecord => ({
  id: r.id,
  bankId: r.bank_id,
  signalType: r.signal_type as SignalType,
  value: r.value,
  note: r.note,
  source: r.source,
  addedAt: iso(r.added_ms)!,
  removedAt: iso(r.removed_ms),
  quarantinedAt: iso(r.quarantined_ms),
});

export async function createBank(
  db: Kysely<Database>,
  input: z.output<typeof BankCreateSchema>,
  defaultThreshold: number,
  nowMs: number,
): Promise<BankRecord> {
  const existing = await db.selectFrom('banks').select('id').where('name', '=', input.name).executeTakeFirst();
  if (existing) throw new AppError('conflict', `a bank named "${input.name}" exists`, { issues: [{ field: 'name', reason: 'is taken' }] });
  const row: BankRow = {
    id: newId('bank', nowMs),
    name: input.name,
    kind: input.kind,
    enabled: 1,
    pdq_threshold: input.pdqThreshold ?? defaultThreshold,
    description: input.description ?? null,
    created_ms: nowMs,
    updated_ms: nowMs,
  };
  await db.insertInto('banks').values(row).execute();
  return toBank(row);
}

export async function findBank(db: Kysely<Database>, idOrName: string): Promise<BankRecord | undefined> {
  const row = await db
    .selectFrom('banks')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
    .executeTakeFirst();
  return row ? toBank(row) : undefined;
}

export async function listBanks(db: Kysely<Database>): Promise<(BankRecord & { entries: number; quarantined: number })[]> {
  const banks = await db.selectFrom('banks').selectAll().orderBy('name').execute();
  const counts = await db
    .selectFrom('bank_entries')
    .select(['bank_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('quarantined_ms').as('q')])
    .where('removed_ms', 'is', null)
    .groupBy('bank_id')
    .execute();
  const byBank = new Map(counts.map((c) => [c.bank_id, c]));
  return banks.map((b) => ({ ...toBank(b), entries: Number(byBank.get(b.id)?.n ?? 0), quarantined: Number(byBank.get(b.id)?.q ?? 0) }));
}

export async function updateBank(
  db: Kysely<Database>,
  id: string,
  patch: z.output<typeof BankUpdateSchema>,
  nowMs: number,
): Promise<BankRecord> {
  const set: Partial<BankRow> = { updated_ms: nowMs };
  if (patch.enabled !== undefined) set.enabled = patch.enabled ? 1 : 0;
  if (patch.pdqThreshold !== undefined) set.pdq_threshold = patch.pdqThreshold;
  if (patch.description !== undefined) set.description = patch.description;
  await db.updateTable('banks').set(set).where('id', '=', id).execute();
  return (await findBank(db, id))!;
}

/** Signal types whose strings are too long to index (vPDQ; TMK, 351 kB in base64): `value` holds their SHA-256, bank_entry_bodies the string (migration 0040). */
const BODY_TYPES: ReadonlySet<string> = new Set<SignalType>(['vpdq', 'tmk_pdqf']);
/** What `bank_entries.value` holds for a signal: the signal itself, or the SHA-256 of a long one (see putEntryBody). */
export const indexedValue = (h: { signalType: string; value: string }) =>
  BODY_TYPES.has(h.signalType) ? createHash('sha256').update(h.value).digest('hex') : h.value;

/** Keeps a long signal's string beside its entry (for the types indexedValue digests; a no-op for the others). */
export async function putEntryBody(db: Kysely<Database>, entryId: number, h: { signalType: string; value: string }): Promise<void> {
  if (!BODY_TYPES.has(h.signalType)) return;
  await db
    .insertInto('bank_entry_bodies')
    .values({ entry_id: entryId, body: h.value })
    .onConflict((oc) => oc.column('entry_id').doUpdateSet({ body: h.value }))
    .execute();
}

/** Puts the signal strings back in place of their digests. */
async function withBodies<T extends { id: number; signalType: SignalType; value: string }>(
  db: Kysely<Database>,
  entries: T[],
): Promise<T[]> {
  const ids = entries.filter((e) => BODY_TYPES.has(e.signalType)).map((e) => e.id);
  if (ids.length === 0) return entries;
  const bodies = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('bank_entry_bodies')
      .selectAll()
      .where('entry_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) bodies.set(Number(r.entry_id), r.body);
  }
  for (const e of entries) if (BODY_TYPES.has(e.signalType)) e.value = bodies.get(e.id) ?? e.value;
  return entries;
}

/** Adds hashes (re-adding a removed one revives it). Returns the stored entries. */
export async function addEntries(db: Kysely<Database>, bankId: string, hashes: ListedHash[], nowMs: number): Promise<EntryRecord[]> {
  const out: EntryRecord[] = [];
  for (let i = 0; i < hashes.length; i += 500) {
    const chunk = hashes.slice(i, i + 500);
    const bodyOf = new Map(chunk.filter((h) => BODY_TYPES.has(h.signalType)).map((h) => [indexedValue(h), h.value]));
    const rows = await db
      .insertInto('bank_entries')
      .values(
        chunk.map((h) => ({
          bank_id: bankId,
          signal_type: h.signalType,
          value: indexedValue(h),
          note: h.note ?? null,
          source: h.source ?? null,
          added_ms: h.addedMs ?? nowMs,
          removed_ms: null,
          quarantined_ms: null,
        })),
      )
      .onConflict((oc) => oc.columns(['bank_id', 'signal_type', 'value']).doUpdateSet({ removed_ms: null }))
      .returningAll()
      .execute();
    for (const r of rows) {
      const e = toEntry(r);
      const body = BODY_TYPES.has(r.signal_type) ? bodyOf.get(r.value) : undefined;
      if (body !== undefined) {
        await putEntryBody(db, r.id, { signalType: r.signal_type, value: body });
        e.value = body;
      }
      out.push(e);
    }
  }
  return out;
}

export async function removeEntry(db: Kysely<Database>, bankId: string, entryId: number, nowMs: number): Promise<boolean> {
  const r = await db
    .updateTable('bank_entries')
    .set({ removed_ms: nowMs })
    .where('id', '=', entryId)
    .where('bank_id', '=', bankId)
    .where('removed_ms', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function setEntryQuarantine(
  db: Kysely<Database>,
  bankId: string,
  entryId: number,
  quarantined: boolean,
  nowMs: number,
): Promise<boolean> {
  const r = await db
    .updateTable('bank_entries')
    .set({ quarantined_ms: quarantined ? nowMs : null })
    .where('id', '=', entryId)
    .where('bank_id', '=', bankId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function listEntries(
  db: Kysely<Database>,
  bankId: string,
  opts: { state: 'active' | 'removed' | 'quarantined' | 'all'; limit: number; afterId?: number },
): Promise<EntryRecord[]> {
  let q = db.selectFrom('bank_entries').selectAll().where('bank_id', '=', bankId);
  if (opts.state === 'active') q = q.where('removed_ms', 'is', null);
  if (opts.state === 'removed') q = q.where('removed_ms', 'is not', null);
  if (opts.state === 'quarantined') q = q.where('quarantined_ms', 'is not', null).where('removed_ms', 'is', null);
  if (opts.afterId !== undefined) q = q.where('id', '>', opts.afterId);
  return withBodies(db, (await q.orderBy('id').limit(opts.limit).execute()).map(toEntry));
}

/** Everything the matcher needs on start: banks and live entries. */
export async function loadMatcherState(db: Kysely<Database>): Promise<{ banks: BankInfo[]; entries: EntryInfo[] }> {
  const banks = (await db.selectFrom('banks').selectAll().execute()).map(toBank);
  const entries: EntryInfo[] = [];
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('bank_entries')
      .select(['id', 'bank_id', 'signal_type', 'value', 'quarantined_ms'])
      .where('removed_ms', 'is', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(50_000)
      .execute();
    for (const r of rows)
      entries.push({
        id: r.id,
        bankId: r.bank_id,
        signalType: r.signal_type as SignalType,
        value: r.value,
        quarantined: r.quarantined_ms !== null,
      });
    if (rows.length < 50_000) break;
    after = rows[rows.length - 1]!.id;
  }
  return { banks, entries: await withBodies(db, entries) };
}

/** An upload that matched an entry within the flood window; without it a restart forgets the count. */
export interface FloodUpload {
  entryId: number;
  uploadKey: string;
  tsMs: number;
}

/**
 * Records one distinct upload against an entry's flood count (the latest time per upload, as the
 * matcher keeps it) and drops the entry's uploads that fell out of the hour before it. Matches
 * of known images are rare, so two small statements per match cost nothing on the hot path.
 */
export function countFloodUpload(db: Kysely<Database>, u: FloodUpload): Statement[] {
  return [
    statement(
      db
        .insertInto('media_flood_uploads')
        .values({ entry_id: u.entryId, upload_key: u.uploadKey, ts_ms: u.tsMs })
        .onConflict((oc) =>
          oc
            .columns(['entry_id', 'upload_key'])
            .doUpdateSet({ ts_ms: (eb) => eb.ref('excluded.ts_ms') })
            .where('excluded.ts_ms', '>', (eb) => eb.ref('media_flood_uploads.ts_ms')),
        ),
    ),
    statement(
      db
        .deleteFrom('media_flood_uploads')
        .where('entry_id', '=', u.entryId)
        .where('ts_ms', '<', u.tsMs - FLOOD_WINDOW_MS),
    ),
  ];
}

/** A quarantined entry starts counting afresh, in memory and here, should an admin restore it. */
export const clearFloodUploads = (db: Kysely<Database>, entryId: number): Statement =>
  statement(db.deleteFrom('media_flood_uploads').where('entry_id', '=', entryId));

/** The flood counts on start (the matcher drops those older than each entry's hour as it goes). */
export async function loadFloodUploads(db: Kysely<Database>): Promise<FloodUpload[]> {
  const rows = await db
    .selectFrom('media_flood_uploads')
    .select(['entry_id', 'upload_key', 'ts_ms'])
    .orderBy('entry_id')
    .orderBy('ts_ms')
    .execute();
  return rows.map((r) => ({ entryId: Number(r.entry_id), uploadKey: r.upload_key, tsMs: Number(r.ts_ms) }));
}

export async function listNotices(db: Kysely<Database>, includeAcknowledged: boolean) {
  let q = db.selectFrom('admin_notices').selectAll();
  if (!includeAcknowledged) q = q.where('acknowledged_ms', 'is', null);
  return (await q.orderBy('ts_ms', 'desc').limit(500).execute()).map((n) => ({
    id: n.id,
    ts: iso(n.ts_ms),
    kind: n.kind,
    detail: n.detail,
    acknowledgedAt: iso(n.acknowledged_ms),
  }));
}
