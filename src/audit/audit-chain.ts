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

const str = JSON.stringify;

const isScalar = (v: unknown) =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/**
 * JCS for the common case of a flat object of scalars and arrays of scalars: sorted keys
 * (UTF-16 order, as JCS sorts) and JSON.stringify of each value, which is what JCS specifies
 * for strings and numbers. Anything else goes to the library. Hot: one per detection.
 */
function canonicalDetail(value: unknown): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    let out = '{';
    for (let i = 0; i < keys.length; i++) {
      const v = obj[keys[i]!];
      let enc: string;
      if (isScalar(v)) enc = str(v);
      else if (Array.isArray(v) && v.every(isScalar)) enc = str(v);
      else return canonicalize(value)!;
      out += (i ? ',' : '') + str(keys[i]) + ':' + enc;
    }
    return out + '}';
  }
  return canonicalize(value)!;
}

/**
 * The canonical form hashed for an entry: RFC 8785 JSON (JCS) of
 * {action, actor, detail, prevHash, seq, subject, target, ts}. The top-level keys are fixed,
 * so they are written here in JCS order (JSON.stringify of strings and integers is what JCS
 * specifies); only `detail` goes through the canonicalize library. Anyone can recompute it
 * from the stored columns. `detailValue` spares re-parsing when the caller has the object.
 */
export function canonicalEntry(r: Omit<AuditRow, 'hash'>): string {
  // The stored detail is already canonical JSON (written by `next`); re-canonicalising what
  // was read keeps verification honest if a row was edited into non-canonical form.
  const detail = r.detail === null ? 'null' : canonicalDetail(JSON.parse(r.detail) as unknown);
  return canonicalWith(r, detail);
}

function canonicalWith(r: Omit<AuditRow, 'hash'>, detail: string): string {
  const target = r.targetType === null ? 'null' : `{"id":${str(r.targetId)},"type":${str(r.targetType)}}`;
  return (
    `{"action":${str(r.action)},"actor":${str(r.actor)},"detail":${detail},"prevHash":${str(r.prevHash)},` +
    `"seq":${r.seq},"subject":${r.subjectAccountId === null ? 'null' : str(r.subjectAccountId)},"target":${target},"ts":${str(new Date(r.tsMs).toISOString())}}`
  );
}

const sha256 = (prevHash: string, canonical: string) => createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');

/** SHA-256 over the previous hash and the canonical entry: altering, removing or reordering any entry breaks every hash after it. */
export function entryHash(r: Omit<AuditRow, 'hash'>): string {
  return sha256(r.prevHash, canonicalEntry(r));
}

/** A row with everything but its hashes; the detail is stored in canonical form (valid JSON), so it is serialised once. */
function unsealedRow(input: AuditInput, seq: number, tsMs: number): AuditRow {
  return {
    seq,
    tsMs,
    actor: input.actor,
    action: input.action,
    subjectAccountId: input.subjectAccountId ?? null,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    detail: input.detail === undefined ? null : canonicalDetail(input.detail),
    prevHash: '',
    hash: '',
  };
}

export interface AuditChain {
  /** Builds the next row (synchronously: the chain order is the order of calls). */
  next(input: AuditInput, tsMs: number): AuditRow;
  readonly head: { seq: number; hash: string };
}

/**
 * Numbers and hashes rows continuing from `head`, which the batch writer reads inside the
 * transaction that inserts them (so on the SQLite writer thread, off the ingest thread). The
 * sequence number is assigned here, not where the row was built: on PostgreSQL several
 * processes append to one chain, and only the committing transaction knows the real head.
 * A sequence number cached in memory would collide with another process's entry (issue 15).
 */
export function sealAuditRows(rows: AuditRow[], head: { seq: number; hash: string }): { seq: number; hash: string } {
  let { seq, hash } = head;
  for (const row of rows) {
    row.seq = seq + 1;
    row.prevHash = hash;
    row.hash = sha256(hash, canonicalWith(row, row.detail ?? 'null'));
    seq = row.seq;
    hash = row.hash;
  }
  return { seq, hash };
}

/**
 * The engine's chain: canonical details in commit order, with a provisional sequence number;
 * the batch writer numbers and hashes them against the head it reads in the commit's own
 * transaction (sealAuditRows), on the SQLite writer thread; the ingest thread is the busier one.
 */
export function createDeferredAuditChain(head: { seq: number }): AuditChain {
  let seq = head.seq;
  return {
    next(input, tsMs) {
      return unsealedRow(input, ++seq, tsMs);
    },
    get head() {
      return { seq, hash: '' };
    },
  };
}

export function createAuditChain(head: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }): AuditChain {
  let seq = head.seq;
  let hash = head.hash;
  return {
    next(input, tsMs) {
      const row = unsealedRow(input, seq + 1, tsMs);
      row.prevHash = hash;
      row.hash = sha256(hash, canonicalWith(row, row.detail ?? 'null'));
      seq = row.seq;
      hash = row.hash;
      return row;
    },
    get head() {
      return { seq, hash };
    },
  };
}
