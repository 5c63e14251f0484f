import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { AppError } from '../core/app-error.js';
import { GENESIS_HASH, sealAuditRows } from '../audit/audit-chain.js';
import { coalesce, tablesOf, type RowSpec } from './row-specs.js';
import type { Statement, WriteSet } from './write-set.js';

/** Commits one write set atomically: all of its rows, or none. */
export interface BatchWriter {
  write(ws: WriteSet): Promise<void>;
}

/** Rows per multi-row INSERT: one call into SQLite per chunk instead of per row. */
const SQLITE_CHUNK = 64;

export function createSqliteWriter(sqlite: BetterSqlite3.Database): BatchWriter {
  const statements = new Map<string, BetterSqlite3.Statement>();
  const statementFor = (spec: RowSpec<never>, rows: number) => {
    const key = `${spec.table}:${rows}`;
    let st = statements.get(key);
    if (!st) {
      const tuple = `(${spec.columns.map(() => '?').join(', ')})`;
      st = sqlite.prepare(
        `insert into ${spec.table} (${spec.columns.join(', ')}) values ${Array(rows).fill(tuple).join(', ')} ${spec.conflict('sqlite')}`,
      );
      statements.set(key, st);
    }
    return st;
  };
  const texts = new Map<string, BetterSqlite3.Statement>();
  const statementText = (st: Statement) => {
    let prepared = texts.get(st.sql);
    if (!prepared) {
      prepared = sqlite.prepare(st.sql);
      if (texts.size > 500) texts.clear();
      texts.set(st.sql, prepared);
    }
    return prepared;
  };
  // The audit chain's head is read inside the write transaction, never carried over from the
  // last one: whatever else wrote the file (a restore, a process from before the writer lock)
  // the rows continue the head that is there. One primary-key probe a commit.
  const readHead = sqlite.prepare('select seq, hash from audit_log order by seq desc limit 1');
  const commit = sqlite.transaction((ws: WriteSet) => {
    if (ws.audit?.length)
      sealAuditRows(ws.audit, (readHead.get() as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: GENESIS_HASH });
    for (const [spec, rows] of tablesOf(ws)) {
      if (rows.length === 0) continue;
      const unique = coalesce(spec, rows as never[]);
      let i = 0;
      if (unique.length >= SQLITE_CHUNK) {
        const chunk = statementFor(spec, SQLITE_CHUNK);
        const params: unknown[] = [];
        for (; i + SQLITE_CHUNK <= unique.length; i += SQLITE_CHUNK) {
          params.length = 0;
          for (let j = i; j < i + SQLITE_CHUNK; j++) spec.values(unique[j]!, params);
          chunk.run(params);
        }
      }
      if (i < unique.length) {
        const single = statementFor(spec, 1);
        const params: unknown[] = [];
        for (; i < unique.length; i++) {
          params.length = 0;
          spec.values(unique[i]!, params);
          single.run(params);
        }
      }
    }
    for (const st of ws.statements ?? []) statementText(st).run(st.parameters as unknown[]);
  });
  return {
    async write(ws) {
      try {
        // IMMEDIATE: the write lock is taken before the head is read, so that no other
        // connection can append between the read and the insert (a deferred transaction
        // would read a snapshot and fail with SQLITE_BUSY_SNAPSHOT at its first write).
        commit.immediate(ws);
      } catch (cause) {
        throw new AppError('store_failure', 'could not commit batch to SQLite', { cause });
      }
    },
  };
}

/** PostgreSQL allows 65,535 bind parameters a statement; stay well below it. */
const PG_MAX_PARAMS = 30_000;

/**
 * The key of the transaction-scoped advisory lock that serialises appends to the audit chain
 * across every process writing one PostgreSQL database: 'wardaudt' read as a 64-bit integer.
 */
export const AUDIT_APPEND_LOCK = 0x7761726461756474n;

export function createPostgresWriter(pool: pg.Pool): BatchWriter {
  return {
    async write(ws) {
      let client: pg.PoolClient | undefined;
      try {
        client = await pool.connect();
        const c = client;
        // The rows of every table go out as one statement where they fit (data-modifying CTEs,
        // one per table and chunk: no foreign keys or triggers join them), so a commit is a few
        // round trips whatever the number of tables, and a transaction waits less on the event
        // loop between them (docs/scale-out.md, Where the bottleneck is).
        let parts: string[] = [];
        let params: unknown[] = [];
        const flush = async () => {
          if (parts.length === 0) return;
          const last = parts.length - 1;
          const text =
            last === 0
              ? parts[0]!
              : `with ${parts
                  .slice(0, last)
                  .map((q, i) => `w${i} as (${q})`)
                  .join(', ')} ${parts[last]}`;
          const values = params;
          parts = [];
          params = [];
          await c.query(text, values);
        };
        const insert = async (spec: RowSpec<never>, rows: readonly unknown[]) => {
          if (rows.length === 0) return;
          const unique = coalesce(spec, rows as never[]);
          const cols = spec.columns.length;
          const perStatement = Math.max(1, Math.floor(PG_MAX_PARAMS / cols));
          for (let start = 0; start < unique.length; start += perStatement) {
            const chunk = unique.slice(start, start + perStatement);
            if (params.length + chunk.length * cols > PG_MAX_PARAMS) await flush();
            const tuples: string[] = [];
            for (const row of chunk) {
              const base = params.length;
              spec.values(row, params);
              tuples.push(`(${spec.columns.map((_, i) => `$${base + i + 1}`).join(', ')})`);
            }
            parts.push(`insert into ${spec.table} (${spec.columns.join(', ')}) values ${tuples.join(', ')} ${spec.conflict('postgres')}`);
          }
        };
        await c.query('begin');
        let audit: [RowSpec<never>, unknown[]] | undefined;
        for (const entry of tablesOf(ws)) {
          if (entry[0].table === 'audit_log') audit = entry;
          else await insert(entry[0], entry[1]);
        }
        await flush();
        // Compiled with the PostgreSQL dialect (`$1` placeholders): run as they are.
        for (const st of ws.statements ?? []) await c.query(st.sql, st.parameters as unknown[]);
        if (ws.audit?.length && audit) {
          // Several processes append to one chain here (that is what PostgreSQL is for). The
          // head is taken inside this transaction under a lock held to its commit, so the next
          // appender, in any process, reads the head this one leaves: appends interleave
          // instead of colliding on a sequence number that someone cached. The lock is taken
          // last, once every other row is in, so that it is held for three round trips (lock
          // and head, audit rows, commit) rather than the whole transaction: with several
          // workers on one database it was where their commits queued (docs/scale-out.md).
          // Lock and head are one simple-protocol round trip; each statement of it takes its
          // own snapshot, so the head is read after the lock is granted.
          const r = (await c.query(
            `select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK.toString()}::bigint); select seq, hash from audit_log order by seq desc limit 1`,
          )) as unknown as pg.QueryResult<{ seq: number; hash: string }>[];
          sealAuditRows(ws.audit, r[1]?.rows[0] ?? { seq: 0, hash: GENESIS_HASH });
          await insert(audit[0], audit[1]);
          await flush();
        }
        await c.query('commit');
      } catch (cause) {
        if (client) await client.query('rollback').catch(() => undefined);
        throw new AppError('store_failure', 'could not commit batch to PostgreSQL', { cause });
      } finally {
        client?.release();
      }
    },
  };
}
