import type { AuditInput } from '../audit/audit-chain.js';
import type { FlagName } from '../facts/facts.js';
import type { Statement } from '../store/write-set.js';

/** A flag set or lifted by an action; the gate honours it from the moment `apply` is called. */
export interface FlagChange {
  accountId: string;
  flag: FlagName;
  set: boolean;
  source: string;
  reason: string;
}

/** A change from above ingest (cases, rules, actions): statements, flags and their audit entries, one commit. */
export interface Change {
  statements?: Statement[];
  audit?: AuditInput[];
  flags?: FlagChange[];
}

/**
 * The ledger: commits and the audit log, in one order with ingest. What cases, rules, actions,
 * reporting and the console may do to Warden's record (docs/architecture.md: capabilities above the
 * engine depend on the ledger, not on ingest).
 */
export interface Ledger {
  /** Commits a change atomically, in order with ingest and the audit chain. */
  apply(change: Change): Promise<void>;
  /** Appends to the audit log (views, configuration changes), durably, in order with ingest. */
  audit(entries: AuditInput[]): Promise<void>;
  /** Waits for every accepted change and batch to be committed. */
  drain(): Promise<void>;
  /** False while memory is rebuilt from the store after a failed commit. */
  readonly ready: boolean;
}
