import type { Dialect } from './open-database.js';
import type { AuditRow } from '../audit/audit-chain.js';
import type {
  AccountLinkRow,
  IpEventRow,
  NoticeRow,
  QuarantineRow,
  AccountRow,
  AlertRow,
  BlockRow,
  ConnectionRow,
  ContactRow,
  EventColumns,
  FlagRow,
  GroupMemberRow,
  ReportRow,
  WriteSet,
} from './write-set.js';

/**
 * How each kind of row reaches its table: columns, the conflict rule, and (where the
 * rule updates) how two rows for one key in a batch merge. PostgreSQL refuses to update
 * one row twice in a single INSERT, and merging also saves SQLite the second write.
 *
 * This is the one place Warden writes SQL by hand (everything else, Statements included,
 * is compiled by Kysely): it is the ingest hot path (a million events a run), and
 * compiling a builder per row costs more than the insert, where this text is built once
 * per table and chunk size and prepared once. The column lists are constants below, never
 * input. The SQL is plain enough to be the same text on both databases but for
 * `min`/`max`, which PostgreSQL spells `least`/`greatest`.
 */
export interface RowSpec<R> {
  table: string;
  columns: readonly string[];
  conflict: (d: Dialect) => string;
  /** Appends the row's values, in column order, to `out` (no array per row on the hot path). */
  values: (row: R, out: unknown[]) => void;
  key?: (row: R) => string;
  merge?: (earlier: R, later: R) => R;
}

const SEP = '\u0000';

/** Event rows are columns (write-set.ts); a "row" here is an index into them. */
function eventSpec(c: EventColumns): RowSpec<number> {
  return {
    table: 'events',
    columns: ['id', 'type', 'ts_ms', 'received_ms', 'body'],
    conflict: () => 'on conflict (id) do nothing',
    values: (i, o) => {
      o.push(c.ids[i], c.types[i], c.tsMs[i], c.receivedMs[i], c.bodies[i]);
    },
  };
}

export const ACCOUNT_SPEC: RowSpec<AccountRow> = {
  table: 'accounts',
  columns: [
    'id',
    'age_band',
    'birth_date',
    'age_assurance',
    'created_at_ms',
    'handle',
    'display_name',
    'country',
    'is_private',
    'updated_ms',
  ],
  // Partial upsert: a null in the new row keeps the stored value; an older upsert never wins.
  conflict: () =>
    `on conflict (id) do update set ${[
      'age_band',
      'birth_date',
      'age_assurance',
      'created_at_ms',
      'handle',
      'display_name',
      'country',
      'is_private',
    ]
      .map((c) => `${c} = coalesce(excluded.${c}, accounts.${c})`)
      .join(', ')}, updated_ms = excluded.updated_ms where excluded.updated_ms >= accounts.updated_ms`,
  values: (r, o) => {
    o.push(r.id, r.ageBand, r.birthDate, r.ageAssurance, r.createdAtMs, r.handle, r.displayName, r.country, r.isPrivate, r.updatedMs);
  },
  key: (r) => r.id,
  merge: (a, b) => ({
    id: b.id,
    ageBand: b.ageBand ?? a.ageBand,
    birthDate: b.birthDate ?? a.birthDate,
    ageAssurance: b.ageAssurance ?? a.ageAssurance,
    createdAtMs: b.createdAtMs ?? a.createdAtMs,
    handle: b.handle ?? a.handle,
    displayName: b.displayName ?? a.displayName,
    country: b.country ?? a.country,
    isPrivate: b.isPrivate ?? a.isPrivate,
    updatedMs: Math.max(a.updatedMs, b.updatedMs),
  }),
};

export const CONNECTION_SPEC: RowSpec<ConnectionRow> = {
  table: 'connections',
  columns: ['from_id', 'to_id', 'kind', 'state', 'updated_ms', 'requested_ms'],
  conflict: () =>
    'on conflict (from_id, to_id, kind) do update set state = excluded.state, updated_ms = excluded.updated_ms, requested_ms = coalesce(excluded.requested_ms, connections.requested_ms) where excluded.updated_ms >= connections.updated_ms',
  values: (r, o) => {
    o.push(r.from, r.to, r.kind, r.state, r.updatedMs, r.requestedMs ?? null);
  },
  key: (r) => r.from + SEP + r.to + SEP + r.kind,
  merge: (a, b) => {
    const [older, newer] = b.updatedMs >= a.updatedMs ? [a, b] : [b, a];
    return newer.requestedMs === undefined && older.requestedMs !== undefined ? { ...newer, requestedMs: older.requestedMs } : newer;
  },
};

export const BLOCK_SPEC: RowSpec<BlockRow> = {
  table: 'blocks',
  columns: ['from_id', 'to_id', 'ts_ms', 'by_minor', 'event_id'],
  conflict: () => 'on conflict (from_id, to_id) do nothing',
  values: (r, o) => {
    o.push(r.from, r.to, r.tsMs, r.byMinor ? 1 : 0, r.eventId);
  },
};

export const REPORT_SPEC: RowSpec<ReportRow> = {
  table: 'reports',
  columns: ['id', 'reporter', 'subject_account', 'subject_message', 'subject_media', 'reason', 'ts_ms', 'by_minor', 'event_id'],
  conflict: () => 'on conflict (id) do nothing',
  values: (r, o) => {
    o.push(r.id, r.reporter, r.subjectAccount, r.subjectMessage, r.subjectMedia, r.reason, r.tsMs, r.byMinor ? 1 : 0, r.eventId);
  },
};

export const CONTACT_SPEC: RowSpec<ContactRow> = {
  table: 'contacts',
  columns: ['from_id', 'to_id', 'first_ms', 'last_ms', 'messages', 'first_event_id', 'last_event_id'],
  conflict: (d) => {
    const min = d === 'postgres' ? 'least' : 'min';
    const max = d === 'postgres' ? 'greatest' : 'max';
    return (
      'on conflict (from_id, to_id) do update set ' +
      `first_event_id = case when excluded.first_ms < contacts.first_ms then excluded.first_event_id else contacts.first_event_id end, ` +
      `last_event_id = case when excluded.last_ms >= contacts.last_ms then excluded.last_event_id else contacts.last_event_id end, ` +
      `first_ms = ${min}(contacts.first_ms, excluded.first_ms), last_ms = ${max}(contacts.last_ms, excluded.last_ms), ` +
      'messages = contacts.messages + excluded.messages'
    );
  },
  values: (r, o) => {
    o.push(r.from, r.to, r.firstMs, r.lastMs, r.messages, r.firstEventId, r.lastEventId);
  },
  key: (r) => r.from + SEP + r.to,
  merge: (a, b) => ({
    from: a.from,
    to: a.to,
    firstMs: Math.min(a.firstMs, b.firstMs),
    firstEventId: b.firstMs < a.firstMs ? b.firstEventId : a.firstEventId,
    lastMs: Math.max(a.lastMs, b.lastMs),
    lastEventId: b.lastMs >= a.lastMs ? b.lastEventId : a.lastEventId,
    messages: a.messages + b.messages,
  }),
};

export const FLAG_SPEC: RowSpec<FlagRow> = {
  table: 'flags',
  columns: ['account_id', 'flag', 'source', 'reason', 'ts_ms'],
  conflict: () => 'on conflict (account_id, flag) do nothing',
  values: (r, o) => {
    o.push(r.accountId, r.flag, r.source, r.reason, r.tsMs);
  },
  key: (r) => r.accountId + SEP + r.flag,
  merge: (a) => a,
};

export const ALERT_SPEC: RowSpec<AlertRow> = {
  table: 'alerts',
  columns: [
    'id',
    'ts_ms',
    'category',
    'severity',
    'score',
    'subject_account',
    'conversation_id',
    'trigger_event_id',
    'detector',
    'dedupe_key',
    'detected_ms',
    'body',
  ],
  conflict: () => 'on conflict (dedupe_key) do nothing',
  values: (a, o) => {
    o.push(
      a.id,
      a.tsMs,
      a.category,
      a.severity,
      a.score,
      a.subjectAccount,
      a.conversationId,
      a.triggerEventId,
      a.detector,
      a.dedupeKey,
      a.detectedMs,
      a.body,
    );
  },
};

/** Quarantine as an upsert on the entry: sets the time once, never clears it (an admin does). */
export const QUARANTINE_SPEC: RowSpec<QuarantineRow> = {
  table: 'bank_entries',
  columns: ['id', 'bank_id', 'signal_type', 'value', 'added_ms', 'removed_ms', 'quarantined_ms'],
  conflict: () => 'on conflict (id) do update set quarantined_ms = coalesce(bank_entries.quarantined_ms, excluded.quarantined_ms)',
  // The entry exists, so the insert branch is not taken; should it have been deleted
  // meanwhile, the row inserted is inert: removed, and unique by its id.
  values: (r, o) => {
    o.push(r.entryId, '', '', `orphaned quarantine ${r.entryId}`, r.tsMs, r.tsMs, r.tsMs);
  },
  key: (r) => String(r.entryId),
  merge: (a) => a,
};

export const NOTICE_SPEC: RowSpec<NoticeRow> = {
  table: 'admin_notices',
  columns: ['id', 'ts_ms', 'kind', 'detail'],
  conflict: () => 'on conflict (id) do nothing',
  values: (r, o) => {
    o.push(r.id, r.tsMs, r.kind, r.detail);
  },
};

export const IP_EVENT_SPEC: RowSpec<IpEventRow> = {
  table: 'account_ip_events',
  columns: ['account_id', 'event_id', 'n', 'ts_ms', 'ip_address', 'event', 'port', 'possible_proxy'],
  conflict: () => 'on conflict (account_id, event_id, n) do nothing',
  values: (r, o) => {
    o.push(r.accountId, r.eventId, r.n, r.tsMs, r.ipAddress, r.event, r.port, r.possibleProxy);
  },
};

/** A later upsert naming the same pair again updates its reason. */
export const ACCOUNT_LINK_SPEC: RowSpec<AccountLinkRow> = {
  table: 'account_links',
  columns: ['account_id', 'linked_id', 'reason', 'ts_ms', 'event_id'],
  conflict: () =>
    'on conflict (account_id, linked_id) do update set reason = excluded.reason, ts_ms = excluded.ts_ms, event_id = excluded.event_id',
  values: (r, o) => {
    o.push(r.accountId, r.linkedId, r.reason, r.tsMs, r.eventId);
  },
  // PostgreSQL refuses to update one row twice in one INSERT: the batch's last word on a pair wins.
  key: (r) => r.accountId + SEP + r.linkedId,
  merge: (_earlier, later) => later,
};

/**
 * A membership's last change wins by event time (an older, late one changes nothing); a leave
 * or a join that does not name the kind keeps the stored kind and role, and a repeated join
 * keeps the time the member first joined, as the facts in memory do.
 */
export const GROUP_MEMBER_SPEC: RowSpec<GroupMemberRow> = {
  table: 'group_members',
  columns: ['group_id', 'account_id', 'kind', 'role', 'state', 'joined_ms', 'updated_ms', 'event_id'],
  conflict: () =>
    'on conflict (group_id, account_id) do update set ' +
    'kind = coalesce(excluded.kind, group_members.kind), role = coalesce(excluded.role, group_members.role), ' +
    "joined_ms = case when group_members.state = 'joined' and excluded.state = 'joined' then group_members.joined_ms else coalesce(excluded.joined_ms, group_members.joined_ms) end, " +
    'state = excluded.state, updated_ms = excluded.updated_ms, event_id = excluded.event_id ' +
    'where excluded.updated_ms >= group_members.updated_ms',
  values: (r, o) => {
    o.push(r.groupId, r.accountId, r.kind, r.role, r.state, r.joinedMs, r.updatedMs, r.eventId);
  },
  // One row per membership in an INSERT (PostgreSQL refuses two): the batch's rows are in event
  // order and only applied changes are queued, so the later one is the newer.
  key: (r) => r.groupId + SEP + r.accountId,
  merge: (earlier, later) => ({
    ...later,
    kind: later.kind ?? earlier.kind,
    role: later.role ?? earlier.role,
    joinedMs: later.state === 'joined' && earlier.state === 'joined' ? earlier.joinedMs : (later.joinedMs ?? earlier.joinedMs),
  }),
};

/** Audit rows: a plain insert, no conflict clause. A duplicate seq means a second writer, and must fail the batch. */
export const AUDIT_SPEC: RowSpec<AuditRow> = {
  table: 'audit_log',
  columns: ['seq', 'ts_ms', 'actor', 'action', 'subject_account', 'target_type', 'target_id', 'detail', 'prev_hash', 'hash'],
  conflict: () => '',
  values: (r, o) => {
    o.push(r.seq, r.tsMs, r.actor, r.action, r.subjectAccountId, r.targetType, r.targetId, r.detail, r.prevHash, r.hash);
  },
};

/** Applies a spec's merge rule so that each key appears once, in first-seen order. */
export function coalesce<R>(spec: RowSpec<R>, rows: R[]): R[] {
  if (!spec.key || !spec.merge || rows.length < 2) return rows;
  const byKey = new Map<string, R>();
  for (const row of rows) {
    const k = spec.key(row);
    const prev = byKey.get(k);
    byKey.set(k, prev === undefined ? row : spec.merge(prev, row));
  }
  return byKey.size === rows.length ? rows : [...byKey.values()];
}

/** The tables of a write set in commit order, each with its spec. */
export function tablesOf(ws: WriteSet): [RowSpec<never>, unknown[]][] {
  const events = ws.events;
  return [
    [eventSpec(events), Array.from({ length: events.ids.length }, (_, i) => i)],
    [ACCOUNT_SPEC, ws.accounts],
    [CONNECTION_SPEC, ws.connections],
    [BLOCK_SPEC, ws.blocks],
    [REPORT_SPEC, ws.reports],
    [CONTACT_SPEC, ws.contacts],
    [FLAG_SPEC, ws.flags],
    [ALERT_SPEC, ws.alerts],
    [QUARANTINE_SPEC, ws.quarantines ?? []],
    [NOTICE_SPEC, ws.notices ?? []],
    [IP_EVENT_SPEC, ws.ipEvents ?? []],
    [ACCOUNT_LINK_SPEC, ws.accountLinks ?? []],
    [GROUP_MEMBER_SPEC, ws.groupMembers ?? []],
    [AUDIT_SPEC, ws.audit ?? []],
  ] as unknown as [RowSpec<never>, unknown[]][];
}
