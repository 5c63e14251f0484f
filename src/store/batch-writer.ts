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
      st = sqlite.prepare(`insert into ${spec.table} (${spec.columns.join(', ')}) values ${Array(rows).fill(tuple).join(', ')} ${spec.conflict('sqlite')}`);
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
  // The audit chain's head, read once and then carried forward; re-read after a failure.
  let auditHead: { seq: number; hash: string } | undefined;
  const readHead = sqlite.prepare('select seq, hash from audit_log order by seq desc limit 1');
  const commit = sqlite.transaction((ws: WriteSet) => {
    if (ws.audit?.length) {
      auditHead ??= (readHead.get() as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: GENESIS_HASH };
      auditHead = sealAuditRows(ws.audit, auditHead);
    }
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
        commit(ws);
      } catch (cause) {
        auditHead = undefined;
        throw new AppError('store_failure', 'could not commit batch to SQLite', { cause });
      }
    },
  };
}

/** PostgreSQL allows 65,535 bind parameters a statement; stay well below it. */
const PG_MAX_PARAMS = 30_000;

export function createPostgresWriter(pool: pg.Pool): BatchWriter {
  let auditHead: { seq: number; hash: string } | undefined;
  return {
    async write(ws) {
      let client: pg.PoolClient | undefined;
      try {
        client = await pool.connect();
        await client.query('begin');
        if (ws.audit?.length) {
          if (!auditHead) {
            const r = await client.query<{ seq: number; hash: string }>('select seq, hash from audit_log order by seq desc limit 1');
            auditHead = r.rows[0] ?? { seq: 0, hash: GENESIS_HASH };
          }
          auditHead = sealAuditRows(ws.audit, auditHead);
        }
        for (const [spec, rows] of tablesOf(ws)) {
          if (rows.length === 0) continue;
          const unique = coalesce(spec, rows as never[]);
          const cols = spec.columns.length;
          const perStatement = Math.max(1, Math.floor(PG_MAX_PARAMS / cols));
          for (let start = 0; start < unique.length; start += perStatement) {
            const chunk = unique.slice(start, start + perStatement);
            const params: unknown[] = [];
            const tuples: string[] = [];
            for (const row of chunk) {
              const base = params.length;
              spec.values(row, params);
              tuples.push(`(${spec.columns.map((_, i) => `$${base + i + 1}`).join(', ')})`);
            }
            await client.query(
              `insert into ${spec.table} (${spec.columns.join(', ')}) values ${tuples.join(', ')} ${spec.conflict('postgres')}`,
              params,
            );
          }
        }
        // Compiled with the PostgreSQL dialect (`$1` placeholders): run as it is.
        for (const st of ws.statements ?? []) await client.query(st.sql, st.parameters as unknown[]);
        await client.query('commit');
      } catch (cause) {
        if (client) await client.query('rollback').catch(() => undefined);
        // Whatever the head was, the database now knows better: re-read it next time.
        auditHead = undefined;
        throw new AppError('store_failure', 'could not commit batch to PostgreSQL', { cause });
      } finally {
        client?.release();
      }
    },
  };
}
