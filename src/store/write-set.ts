import type { Alert } from '../alerts/alert-schema.js';
import type { AuditRow } from '../audit/audit-chain.js';
import type {
  AccountLinkRow,
  AccountRow,
  BlockRow,
  ConnectionRow,
  FactRows,
  GroupMemberRow,
  IpEventRow,
  ReportRow,
} from '../facts/fact-rows.js';
import type { Compilable } from 'kysely';

// The rows facts produce are defined in facts/ (facts may not import the store); re-exported for the writer.
export type { AccountLinkRow, AccountRow, BlockRow, ConnectionRow, GroupMemberRow, IpEventRow, ReportRow } from '../facts/fact-rows.js';

export interface EventRow {
  id: string;
  type: string;
  tsMs: number;
  receivedMs: number;
  body: string;
}

/** A message from an adult (or unknown age) to a minor who had no connection to them. */
export interface ContactRow {
  from: string;
  to: string;
  firstMs: number;
  lastMs: number;
  messages: number;
  firstEventId: string;
  lastEventId: string;
}

export interface FlagRow {
  accountId: string;
  flag: string;
  source: string;
  reason: string;
  tsMs: number;
}

/** An alert as stored: the indexed columns and the alert serialised once, shared with replay's output. */
export interface AlertRow {
  id: string;
  tsMs: number;
  category: string;
  severity: string;
  score: number;
  subjectAccount: string;
  conversationId: string | null;
  triggerEventId: string;
  detector: string;
  dedupeKey: string;
  detectedMs: number;
  body: string;
}

export function alertRow(alert: Alert, dedupeKey: string, body: string): AlertRow {
  return {
    id: alert.id,
    tsMs: Date.parse(alert.ts),
    category: alert.category,
    severity: alert.severity,
    score: alert.score,
    subjectAccount: alert.subject.accountId,
    conversationId: alert.conversationId ?? null,
    triggerEventId: alert.triggerEventId,
    detector: alert.detector,
    dedupeKey,
    detectedMs: Date.parse(alert.detectedAt),
    body,
  };
}

/**
 * The event log rows of a batch, held as columns: a batch crosses to the SQLite writer
 * thread by structured clone, and five arrays clone several times faster than a million
 * small objects (and leave less for the garbage collector).
 */
export interface EventColumns {
  ids: string[];
  types: string[];
  tsMs: number[];
  receivedMs: number[];
  bodies: string[];
}

export const emptyEventColumns = (): EventColumns => ({ ids: [], types: [], tsMs: [], receivedMs: [], bodies: [] });

export function pushEvent(cols: EventColumns, row: EventRow): void {
  cols.ids.push(row.id);
  cols.types.push(row.type);
  cols.tsMs.push(row.tsMs);
  cols.receivedMs.push(row.receivedMs);
  cols.bodies.push(row.body);
}

export interface QuarantineRow {
  entryId: number;
  tsMs: number;
}

export interface NoticeRow {
  id: string;
  tsMs: number;
  kind: string;
  detail: string;
}

/**
 * One statement compiled by Kysely, for the capabilities above ingest (cases, rules,
 * actions, reporting) whose changes are updates with conditions rather than plain rows.
 * Each capability's store file builds it with the store's own `db`, so the text already
 * has that dialect's placeholders (`?` for SQLite, `$1` for PostgreSQL) and the writer
 * runs it as it is. Runs after the rows of the same write set, in the same transaction,
 * so a change and its audit entries commit together or not at all.
 *
 * Only the text and the parameters: Kysely's operation tree stays behind, because a
 * write set crosses to the SQLite writer thread by structured clone.
 */
export interface Statement {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

/** Compiles a Kysely query into a Statement for a write set. */
export function statement(query: Compilable): Statement {
  const { sql, parameters } = query.compile();
  return { sql, parameters };
}

const EVENT_COLUMNS = ['ids', 'types', 'tsMs', 'receivedMs', 'bodies'] as const;

function copyInto(target: unknown[], from: readonly unknown[]): void {
  for (let i = 0; i < from.length; i++) target.push(from[i]);
}

const ROW_KEYS = [
  'ipEvents',
  'groupMembers',
  'accountLinks',
  'statements',
  'audit',
  'quarantines',
  'notices',
  'accounts',
  'connections',
  'blocks',
  'reports',
  'contacts',
  'flags',
  'alerts',
] as const;

/**
 * Everything one ingest batch changes, committed in one transaction. Plain data only: it
 * crosses to the writer thread by structured clone, where methods do not survive.
 */
export class WriteSet implements FactRows {
  events: EventColumns = emptyEventColumns();
  accounts: AccountRow[] = [];
  connections: ConnectionRow[] = [];
  blocks: BlockRow[] = [];
  reports: ReportRow[] = [];
  contacts: ContactRow[] = [];
  flags: FlagRow[] = [];
  alerts: AlertRow[] = [];
  quarantines: QuarantineRow[] = [];
  audit: AuditRow[] = [];
  notices: NoticeRow[] = [];
  statements: Statement[] = [];
  ipEvents: IpEventRow[] = [];
  accountLinks: AccountLinkRow[] = [];
  groupMembers: GroupMemberRow[] = [];

  append(other: WriteSet): void {
    // Loops, not push(...spread): a spread of a large batch overflows the call stack. Indexed,
    // not for-of: the column arrays hold any type here, and their iterators were not optimised
    // away (an object per element, measured in a simulated run's allocation profile).
    for (const col of EVENT_COLUMNS) copyInto(this.events[col] as unknown[], other.events[col] as unknown[]);
    for (const key of ROW_KEYS) copyInto(this[key] as unknown[], other[key] as unknown[]);
  }

  /** True when committing it would change nothing: no events and no rows of any kind (audit and statements included). */
  get isEmpty(): boolean {
    if (this.events.ids.length > 0) return false;
    for (const key of ROW_KEYS) if (this[key].length > 0) return false;
    return true;
  }
}
