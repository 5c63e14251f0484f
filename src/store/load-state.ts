import { sql } from 'kysely';
import type { Store, StoredAccount } from './store.js';

/*
 * Keyset-paged readers for rebuilding the in-memory state on start (docs/architecture.md: hot state
 * is rebuilt from the store). Row-value comparison works on SQLite ≥ 3.15 and PostgreSQL.
 */

export function accountPages(store: Store): AsyncIterable<StoredAccount[]> {
  return store.pages<StoredAccount>((after, limit) => {
    let q = store.db.selectFrom('accounts').select(['id', 'age_band', 'birth_date', 'age_assurance', 'created_at_ms', 'updated_ms']);
    if (after) q = q.where('id', '>', after.id);
    return q.orderBy('id').limit(limit).execute();
  });
}

export interface StoredConnection {
  from_id: string;
  to_id: string;
  kind: string;
  state: string;
  updated_ms: number;
  requested_ms: number | null;
}

export function connectionPages(store: Store): AsyncIterable<StoredConnection[]> {
  return store.pages<StoredConnection>((after, limit) => {
    let q = store.db.selectFrom('connections').select(['from_id', 'to_id', 'kind', 'state', 'updated_ms', 'requested_ms']);
    if (after) q = q.where(sql<boolean>`(from_id, to_id, kind) > (${after.from_id}, ${after.to_id}, ${after.kind})`);
    return q.orderBy('from_id').orderBy('to_id').orderBy('kind').limit(limit).execute();
  });
}

export interface StoredGroupMember {
  group_id: string;
  account_id: string;
  kind: string | null;
  joined_ms: number | null;
  updated_ms: number;
}

/** Memberships held now (state `joined`), for the facts' group memberships. */
export function groupMemberPages(store: Store): AsyncIterable<StoredGroupMember[]> {
  return store.pages<StoredGroupMember>((after, limit) => {
    let q = store.db
      .selectFrom('group_members')
      .select(['group_id', 'account_id', 'kind', 'joined_ms', 'updated_ms'])
      .where('state', '=', 'joined');
    if (after) q = q.where(sql<boolean>`(group_id, account_id) > (${after.group_id}, ${after.account_id})`);
    return q.orderBy('group_id').orderBy('account_id').limit(limit).execute();
  });
}

export interface StoredComplaint {
  from_id: string;
  to_id: string;
  event_id: string;
  kind: 'block' | 'report';
}

/** Blocks, then reports, made by minors: the evidence behind `suspicious_adult`. */
export async function* minorComplaintPages(store: Store): AsyncIterable<StoredComplaint[]> {
  const blocks = store.pages<StoredComplaint>(async (after, limit) => {
    let q = store.db.selectFrom('blocks').select(['from_id', 'to_id', 'event_id']).where('by_minor', '=', 1);
    if (after) q = q.where(sql<boolean>`(from_id, to_id) > (${after.from_id}, ${after.to_id})`);
    const rows = await q.orderBy('from_id').orderBy('to_id').limit(limit).execute();
    return rows.map((r) => ({ ...r, kind: 'block' as const }));
  });
  for await (const page of blocks) yield page;
  const reports = store.pages<StoredComplaint & { id: string }>(async (after, limit) => {
    let q = store.db
      .selectFrom('reports')
      .select(['id', 'reporter as from_id', 'subject_account as to_id', 'event_id'])
      .where('by_minor', '=', 1);
    if (after) q = q.where('id', '>', after.id);
    const rows = await q.orderBy('id').limit(limit).execute();
    return rows.map((r) => ({ ...r, kind: 'report' as const }));
  });
  for await (const page of reports) yield page;
}

export interface StoredContact {
  from_id: string;
  to_id: string;
  last_ms: number;
  last_event_id: string;
}

/**
 * For each sender, the contacts inside the fan-out window that ends at that sender's own
 * latest contact: the same set the live tracker holds, whatever the spread of event times.
 */
export function recentContactPages(store: Store, windowMs: number): AsyncIterable<StoredContact[]> {
  return store.pages<StoredContact>((after, limit) => {
    let q = store.db
      .selectFrom('contacts as c')
      .innerJoin(
        (eb) =>
          eb
            .selectFrom('contacts')
            .select(['from_id', (e) => e.fn.max('last_ms').as('newest')])
            .groupBy('from_id')
            .as('x'),
        (join) => join.onRef('x.from_id', '=', 'c.from_id'),
      )
      .select(['c.from_id', 'c.to_id', 'c.last_ms', 'c.last_event_id'])
      .where(sql<boolean>`c.last_ms >= x.newest - ${windowMs}`);
    if (after) q = q.where(sql<boolean>`(c.from_id, c.to_id) > (${after.from_id}, ${after.to_id})`);
    return q.orderBy('c.from_id').orderBy('c.to_id').limit(limit).execute();
  });
}

export function blockPairs(store: Store) {
  return store.db.selectFrom('blocks').select(['from_id', 'to_id']).execute();
}

/** The newest alert id, so that ids made after a restart sort after it. */
export async function lastAlertId(store: Store): Promise<string | undefined> {
  return (await store.db.selectFrom('alerts').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst())?.id;
}

export function flagRows(store: Store) {
  return store.db.selectFrom('flags').select(['account_id', 'flag']).execute();
}

export interface StoredAlertKey {
  dedupe_key: string;
  subject_account: string;
  category: string;
  severity: string;
  detector: string;
  /** Only for copied-opener alerts (their related minors count towards the account score). */
  body: string | null;
}

export function alertKeyPages(store: Store): AsyncIterable<StoredAlertKey[]> {
  return store.pages<StoredAlertKey>((after, limit) => {
    let q = store.db
      .selectFrom('alerts')
      .select([
        'dedupe_key',
        'subject_account',
        'category',
        'severity',
        'detector',
        sql<string | null>`case when detector = 'copied_openers' then body else null end`.as('body'),
      ]);
    if (after) q = q.where('dedupe_key', '>', after.dedupe_key);
    return q.orderBy('dedupe_key').limit(limit).execute();
  });
}

/** The messages among the last `events` events of the log, oldest first (for rebuilding conversation state). */
export async function* recentMessagePages(store: Store, events: number): AsyncIterable<{ seq: number; ts_ms: number; body: string }[]> {
  const top = await store.db
    .selectFrom('events')
    .select((e) => e.fn.max('seq').as('seq'))
    .executeTakeFirst();
  const from = Number(top?.seq ?? 0) - events;
  yield* store.pages<{ seq: number; ts_ms: number; body: string }>((after, limit) =>
    store.db
      .selectFrom('events')
      .select(['seq', 'ts_ms', 'body'])
      .where('seq', '>', after ? Number(after.seq) : from)
      .where('type', '=', 'message.sent')
      .orderBy('seq')
      .limit(limit)
      .execute(),
  );
}
