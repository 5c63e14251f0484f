import type { Alert } from '../alerts/alert-schema.js';

export interface EventRow {
  id: string;
  type: string;
  tsMs: number;
  receivedMs: number;
  body: string;
}

/** Null fields leave the stored value as it is: upserts are partial (spec: account.upserted). */
export interface AccountRow {
  id: string;
  ageBand: string | null;
  birthDate: string | null;
  ageAssurance: string | null;
  createdAtMs: number | null;
  handle: string | null;
  displayName: string | null;
  country: string | null;
  isPrivate: number | null;
  updatedMs: number;
}

export interface ConnectionRow {
  from: string;
  to: string;
  kind: 'follow' | 'friend' | 'contact';
  state: 'requested' | 'active' | 'removed';
  updatedMs: number;
}

export interface BlockRow {
  from: string;
  to: string;
  tsMs: number;
  byMinor: boolean;
  eventId: string;
}

export interface ReportRow {
  id: string;
  reporter: string;
  subjectAccount: string;
  subjectMessage: string | null;
  subjectMedia: string | null;
  reason: string;
  tsMs: number;
  byMinor: boolean;
  eventId: string;
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

export interface AlertRow {
  alert: Alert;
  dedupeKey: string;
}

const ROW_KEYS = ['events', 'accounts', 'connections', 'blocks', 'reports', 'contacts', 'flags', 'alerts'] as const;

/** Everything one ingest batch changes, committed in one transaction. */
export class WriteSet {
  events: EventRow[] = [];
  accounts: AccountRow[] = [];
  connections: ConnectionRow[] = [];
  blocks: BlockRow[] = [];
  reports: ReportRow[] = [];
  contacts: ContactRow[] = [];
  flags: FlagRow[] = [];
  alerts: AlertRow[] = [];

  append(other: WriteSet): void {
    // Loops, not push(...spread): a spread of a large batch overflows the call stack.
    for (const key of ROW_KEYS) {
      const target = this[key] as unknown[];
      for (const row of other[key]) target.push(row);
    }
  }

  get isEmpty(): boolean {
    return this.events.length === 0;
  }
}
