import type { ConnectionKind } from '../events/event-schema.js';

// The rows applying an event to the facts produces. They live here, not in store/, because
// facts may not import the store (docs/contributing.md, import zones): the store imports these
// types instead, and its WriteSet satisfies FactRows structurally.

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
  kind: ConnectionKind;
  state: 'requested' | 'active' | 'removed';
  updatedMs: number;
  /** Set on a request; the store keeps the last one through later changes. */
  requestedMs?: number | undefined;
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

/** Where an account was seen from (account.upserted ipCaptureEvents, a compatible extension). */
export interface IpEventRow {
  accountId: string;
  eventId: string;
  n: number;
  tsMs: number;
  ipAddress: string;
  event: string | null;
  port: number | null;
  possibleProxy: number | null;
}

/** Accounts the platform reports as linked (account.upserted linkedAccounts, a compatible extension). */
export interface AccountLinkRow {
  accountId: string;
  linkedId: string;
  reason: string | null;
  tsMs: number;
  eventId: string;
}

/** An account's membership of a group, as last changed (`group.joined`, `group.left`). */
export interface GroupMemberRow {
  groupId: string;
  accountId: string;
  /** Null where the event did not say (a leave, or a join without a kind): the stored kind is kept. */
  kind: string | null;
  role: string | null;
  state: 'joined' | 'left';
  /** Set by a join; null on a leave, which keeps the stored time. */
  joinedMs: number | null;
  updatedMs: number;
  eventId: string;
}

/** Where applyEvent queues the rows that make a change durable; the store's WriteSet is one. */
export interface FactRows {
  accounts: AccountRow[];
  connections: ConnectionRow[];
  blocks: BlockRow[];
  reports: ReportRow[];
  ipEvents: IpEventRow[];
  accountLinks: AccountLinkRow[];
  groupMembers: GroupMemberRow[];
}
