import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { AppError } from '../core/app-error.js';
import { coalesce, tablesOf, type RowSpec } from './row-specs.js';
import type { WriteSet } from './write-set.js';

/** Commits one write set atomically: all of its rows, or none. */
export interface BatchWriter {
  write(ws: WriteSet): Promise<void>;
}

export function createSqliteWriter(sqlite: BetterSqlite3.Database): BatchWriter {
  const statements = new Map<string, BetterSqlite3.Statement>();
  const statementFor = (spec: RowSpec<never>) => {
    let st = statements.get(spec.table);
    if (!st) {
      st = sqlite.prepare(
        `insert into ${spec.table} (${spec.columns.join(', ')}) values (${spec.columns.map(() => '?').join(', ')}) ${spec.conflict('sqlite')}`,
      );
      statements.set(spec.table, st);
    }
    return st;
  };
  const commit = sqlite.transaction((ws: WriteSet) => {
    for (const [spec, rows] of tablesOf(ws)) {
      if (rows.length === 0) continue;
      const st = statementFor(spec);
      for (const row of coalesce(spec, rows as never[])) st.run(spec.values(row));
    }
  });
  return {
    async write(ws) {
      try {
        commit(ws);
      } catch (cause) {
        throw new AppError('store_failure', 'could not commit batch to SQLite', { cause });
      }
    },
  };
}

/** PostgreSQL allows 65,535 bind parameters a statement; stay well below it. */
const PG_MAX_PARAMS = 30_000;

export function createPostgresWriter(pool: pg.Pool): BatchWriter {
  return {
    async write(ws) {
      let client: pg.PoolClient | undefined;
      try {
        client = await pool.connect();
        await client.query('begin');
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
              const values = spec.values(row);
              for (const v of values) params.push(v);
              tuples.push(`(${values.map((_, i) => `$${base + i + 1}`).join(', ')})`);
            }
            await client.query(
              `insert into ${spec.table} (${spec.columns.join(', ')}) values ${tuples.join(', ')} ${spec.conflict('postgres')}`,
              params,
            );
          }
        }
        await client.query('commit');
      } catch (cause) {
        if (client) await client.query('rollback').catch(() => undefined);
        throw new AppError('store_failure', 'could not commit batch to PostgreSQL', { cause });
      } finally {
        client?.release();
      }
    },
  };
}
