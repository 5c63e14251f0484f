import type { Kysely } from 'kysely';
import { indexedValue, putEntryBody } from '../media/bank-store.js';
import type { EntryInfo, MediaMatcher } from '../media/media-matcher.js';
import type { SignalType } from '../media/hasher.js';
import type { Database } from '../store/tables.js';
import type { ExchangeEntry, ExchangeKind } from './exchange.js';
import type { SourceCounts } from './exchange-store.js';
import { isMatchable, mapFingerprint } from './fingerprint-types.js';

export interface BatchTarget {
  source: string;
  kind: ExchangeKind;
  bankId: string;
  /** New fingerprints a source may add within an hour before the rest are quarantined. */
  floodLimitPerHour: number;
}

interface Wanted {
  sourceType: string;
  value: string;
  storedType: string | null;
}

const HOUR = 3600_000;
const CHUNK = 400;

/**
 * Stores one page of a source's entries in its bank and in `exchange_entries`:
 * - an update older than what Warden holds for the entry is ignored (sources send out of order);
 * - a deletion takes the entry's fingerprints out of the bank, unless another live entry holds the same hash;
 * - supported fingerprints become bank entries (matched when Warden matches their type), others are kept and counted;
 * - past the source's hourly flood limit, new bank entries are stored quarantined, for an admin to restore.
 * Returns the counts it adds and the ids of entries it quarantined.
 */
export async function applyBatch(
  db: Kysely<Database>,
  matcher: MediaMatcher,
  t: BatchTarget,
  entries: readonly ExchangeEntry[],
  counts: SourceCounts,
  nowMs: number,
): Promise<{ quarantined: number[] }> {
  counts.fetched += entries.length;
  // Within a page the newest change of an entry wins, whatever order the page lists them in.
  const latest = new Map<string, ExchangeEntry>();
  for (const e of entries) {
    const prev = latest.get(e.id);
    if (!prev || e.updatedMs >= prev.updatedMs) latest.set(e.id, e);
  }
  const ids = [...latest.keys()];
  const held = new Map<string, Database['exchange_entries'][]>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('exchange_entries')
      .selectAll()
      .where('source', '=', t.source)
      .where('entry_id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) held.set(r.entry_id, [...(held.get(r.entry_id) ?? []), r]);
  }

  const released = new Set<number>(); // bank entries possibly no longer held by any live exchange entry
  const toStore: { entryId: string; w: Wanted }[] = [];
  await db.transaction().execute(async (trx) => {
    for (const e of latest.values()) {
      const rows = held.get(e.id) ?? [];
      if (rows.length > 0 && e.updatedMs < Math.max(...rows.map((r) => r.updated_ms))) {
        counts.stale++;
        continue;
      }
      if (e.deleted) {
        if (rows.some((r) => r.deleted_ms === null)) counts.deleted++;
        for (const r of rows) if (r.bank_entry_id !== null && r.deleted_ms === null) released.add(r.bank_entry_id);
        await trx
          .updateTable('exchange_entries')
          .set({ deleted_ms: nowMs, updated_ms: e.updatedMs })
          .where('source', '=', t.source)
          .where('entry_id', '=', e.id)
          .execute();
        continue;
      }
      const wanted = new Map<string, Wanted>();
      for (const f of e.fingerprints) {
        const m = mapFingerprint(t.kind, f.sourceType, f.value);
        if (m.kind === 'invalid') counts.invalid++;
        else if (m.kind === 'unsupported') {
          wanted.set(f.sourceType, { sourceType: f.sourceType, value: f.value.slice(0, 4096), storedType: null });
        } else wanted.set(f.sourceType, { sourceType: f.sourceType, value: m.value, storedType: m.type });
      }
      for (const r of rows) {
        const w = wanted.get(r.source_type);
        const same = w && w.value === r.value && r.deleted_ms === null;
        if (!same && r.bank_entry_id !== null && r.deleted_ms === null) released.add(r.bank_entry_id);
        if (!w)
          await trx
            .deleteFrom('exchange_entries')
            .where('source', '=', t.source)
            .where('entry_id', '=', e.id)
            .where('source_type', '=', r.source_type)
            .execute();
      }
      for (const w of wanted.values()) {
        const prev = rows.find((r) => r.source_type === w.sourceType);
        const unchanged = prev && prev.value === w.value && prev.deleted_ms === null;
        if (unchanged) {
          await trx
            .updateTable('exchange_entries')
            .set({ updated_ms: e.updatedMs })
            .where('source', '=', t.source)
            .where('entry_id', '=', e.id)
            .where('source_type', '=', w.sourceType)
            .execute();
          continue;
        }
        // Counted once per fingerprint kept, as `stored` is: a source that resends an entry adds nothing.
        if (w.storedType === null) counts.unsupported[w.sourceType] = (counts.unsupported[w.sourceType] ?? 0) + 1;
        if (w.storedType !== null) toStore.push({ entryId: e.id, w });
        await trx
          .insertInto('exchange_entries')
          .values({
            source: t.source,
            entry_id: e.id,
            source_type: w.sourceType,
            value: w.value,
            stored_type: w.storedType,
            content_kind: e.contentKind,
            bank_entry_id: null,
            updated_ms: e.updatedMs,
            added_ms: nowMs,
            deleted_ms: null,
          })
          .onConflict((oc) =>
            oc.columns(['source', 'entry_id', 'source_type']).doUpdateSet({
              value: w.value,
              stored_type: w.storedType,
              bank_entry_id: null,
              updated_ms: e.updatedMs,
              deleted_ms: null,
            }),
          )
          .execute();
      }
    }
  });

  const quarantined = await storeInBank(db, matcher, t, toStore, counts, nowMs);
  await releaseUnheld(db, matcher, t, released, nowMs);
  return { quarantined };
}

/** Bank entries for the stored fingerprints; past the flood limit, new ones go in quarantined. */
async function storeInBank(
  db: Kysely<Database>,
  matcher: MediaMatcher,
  t: BatchTarget,
  items: { entryId: string; w: Wanted }[],
  counts: SourceCounts,
  nowMs: number,
): Promise<number[]> {
  if (items.length === 0) return [];
  const recent = await db
    .selectFrom('exchange_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('source', '=', t.source)
    .where('stored_type', 'is not', null)
    .where('bank_entry_id', 'is not', null)
    .where('added_ms', '>', nowMs - HOUR)
    .executeTakeFirstOrThrow();
  let allowance = Math.max(0, t.floodLimitPerHour - Number(recent.n));
  const quarantined: number[] = [];
  for (const it of items) {
    const type = it.w.storedType!;
    // A TMK (351 kB) is too long for the unique index: its digest is indexed, the string kept beside it.
    const indexed = indexedValue({ signalType: type, value: it.w.value });
    const existing = await db
      .selectFrom('bank_entries')
      .select(['id', 'removed_ms', 'quarantined_ms'])
      .where('bank_id', '=', t.bankId)
      .where('signal_type', '=', type)
      .where('value', '=', indexed)
      .executeTakeFirst();
    let id: number;
    let isQuarantined: boolean;
    if (existing && existing.removed_ms === null) {
      id = existing.id;
      isQuarantined = existing.quarantined_ms !== null;
    } else {
      isQuarantined = allowance <= 0;
      if (!isQuarantined) allowance--;
      const row = await db
        .insertInto('bank_entries')
        .values({
          bank_id: t.bankId,
          signal_type: type,
          value: indexed,
          note: `${t.source} entry ${it.entryId}`.slice(0, 1000),
          source: `exchange:${t.source}`.slice(0, 200),
          added_ms: nowMs,
          removed_ms: null,
          quarantined_ms: isQuarantined ? nowMs : null,
        })
        .onConflict((oc) =>
          oc.columns(['bank_id', 'signal_type', 'value']).doUpdateSet({ removed_ms: null, quarantined_ms: isQuarantined ? nowMs : null }),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
      await putEntryBody(db, id, { signalType: type, value: it.w.value });
      counts.stored++;
      counts.byType[type] = (counts.byType[type] ?? 0) + 1;
      if (isQuarantined) {
        counts.quarantined++;
        quarantined.push(id);
      }
      // Only the types Warden matches go to the matcher; a type without a hasher would wait in the bank.
      if (isMatchable(type)) {
        const info: EntryInfo = { id, bankId: t.bankId, signalType: type as SignalType, value: it.w.value, quarantined: isQuarantined };
        matcher.addEntry(info);
      }
    }
    await db
      .updateTable('exchange_entries')
      .set({ bank_entry_id: id })
      .where('source', '=', t.source)
      .where('entry_id', '=', it.entryId)
      .where('source_type', '=', it.w.sourceType)
      .execute();
  }
  return quarantined;
}

/** Removes bank entries that no live exchange entry of the source holds any more. */
async function releaseUnheld(db: Kysely<Database>, matcher: MediaMatcher, t: BatchTarget, ids: Set<number>, nowMs: number): Promise<void> {
  for (const id of ids) {
    const live = await db
      .selectFrom('exchange_entries')
      .select('entry_id')
      .where('bank_entry_id', '=', id)
      .where('deleted_ms', 'is', null)
      .executeTakeFirst();
    if (live) continue;
    await db.updateTable('bank_entries').set({ removed_ms: nowMs }).where('id', '=', id).where('bank_id', '=', t.bankId).execute();
    matcher.removeEntry(id);
  }
}
