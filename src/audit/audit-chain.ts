import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** What a caller records: who did what, about whom, to which object. */
export interface AuditInput {
  /** `key:<id>` for an API key, `detector:<name>`, `cli`, `system`. */
  actor: string;
  /** Dotted verb: `alert.raised`, `alerts.listed`, `bank.created`, `api_key.created`… */
  action: string;
  /** The account the entry is about, for `who-knew`. */
  subjectAccountId?: string | undefined;
  target?: { type: string; id: string } | undefined;
  detail?: Record<string, unknown> | undefined;
}

export interface AuditRow {
  seq: number;
  tsMs: number;
  actor: string;
  action: string;
  subjectAccountId: string | null;
  targetType: string | null;
  targetId: string | null;
  detail: string | null;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The canonical form hashed for an entry (RFC 8785 JSON canonicalisation), so that any
 * implementation can recompute the chain from the stored columns.
 */
export function canonicalEntry(r: Omit<AuditRow, 'hash'>): string {
  return canonicalize({
    seq: r.seq,
    ts: new Date(r.tsMs).toISOString(),
    actor: r.actor,
    action: r.action,
    subject: r.subjectAccountId,
    target: r.targetType === null ? null : { type: r.targetType, id: r.targetId },
    detail: r.detail === null ? null : (JSON.parse(r.detail) as unknown),
    prevHash: r.prevHash,
  })!;
}

/** SHA-256 over the previous hash and the canonical entry: altering, removing or reordering any entry breaks every hash after it. */
export function entryHash(r: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256').update(r.prevHash).update('\n').update(canonicalEntry(r)).digest('hex');
}

export interface AuditChain {
  /** Builds the next row (synchronously: the chain order is the order of calls). */
  next(input: AuditInput, tsMs: number): AuditRow;
  readonly head: { seq: number; hash: string };
}

export function createAuditChain(head: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }): AuditChain {
  let seq = head.seq;
  let hash = head.hash;
  return {
    next(input, tsMs) {
      const row: Omit<AuditRow, 'hash'> = {
        seq: seq + 1,
        tsMs,
        actor: input.actor,
        action: input.action,
        subjectAccountId: input.subjectAccountId ?? null,
        targetType: input.target?.type ?? null,
        targetId: input.target?.id ?? null,
        detail: input.detail === undefined ? null : JSON.stringify(input.detail),
        prevHash: hash,
      };
      const full = { ...row, hash: entryHash(row) };
      seq = full.seq;
      hash = full.hash;
      return full;
    },
    get head() {
      return { seq, hash };
    },
  };
}
