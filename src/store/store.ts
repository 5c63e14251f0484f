import { sql, type Kysely } from 'kysely';
import { AppError } from '../core/app-error.js';
import { createPostgresWriter, createSqliteWriter, type BatchWriter } from './batch-writer.js';
import { migrateToLatest } from './migrations.js';
import { isPostgresUrl, openDatabase, type Dialect, type OpenOptions } from './open-database.js';
import type { Database } from './tables.js';
import { createWorkerWriter } from './worker-writer.js';
import { acquireStateLock } from './pg-state-lock.js';
import { acquireWriterLock } from './writer-lock.js';
import type { WriteSet } from './write-set.js';

export interface StoredAccount {
  id: string;
  age_band: string | null;
  birth_date: string | null;
  age_assurance: string | null;
  created_at_ms: number | null;
  updated_ms: number;
}

/**
 * The storage port. Ingest writes only through `write`; each capability queries through
 * `db` (Kysely) in its own store file (`cases/case-store.ts`, …), which also compiles the
 * Statements its changes commit as.
 */
export interface Store {
  readonly dialect: Dialect;
  readonly db: Kysely<Database>;
  readonly location: string;
  write(ws: WriteSet): Promise<void>;
  existingEventIds(ids: readonly string[]): Promise<Set<string>>;
  /** Pages through a table in key order, so that loading ten million rows never holds them all. */
  pages<T>(load: (after: T | undefined, limit: number) => Promise<T[]>, limit?: number): AsyncIterable<T[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function createStore(location: string, opts: OpenOptions = {}): Promise<Store> {
  // Before the database is opened: migrating is writing too.
  const pg = isPostgresUrl(location);
  const lock =
    opts.writerLock && pg && opts.pgStateLock
      ? await acquireStateLock(location, opts.pgStateLock, opts.writerLock)
      : opts.writerLock && !pg && location !== ':memory:'
        ? acquireWriterLock(location, opts.writerLock)
        : undefined;
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase(location, opts);
  } catch (e) {
    await lock?.release();
    throw e;
  }
  try {
    await migrateToLatest(opened.db as Kysely<unknown>, opened.dialect);
  } catch (e) {
    await opened.close().catch(() => undefined);
    await lock?.release();
    throw e instanceof AppError ? e : new AppError('store_failure', `cannot open the store at ${opened.location}`, { cause: e });
  }
  const threaded = opened.dialect === 'sqlite' && location !== ':memory:' && opts.writerThread !== false;
  const workerWriter = threaded ? createWorkerWriter(location, opts.sqliteSynchronous ?? 'full') : undefined;
  const writer: BatchWriter = workerWriter ?? (opened.sqlite ? createSqliteWriter(opened.sqlite) : createPostgresWriter(opened.pool!));
  const db = opened.db;
  const existingSqlite = opened.sqlite?.prepare('select id from events where id in (select value from json_each(?))');
  let closed = false;

  return {
    dialect: opened.dialect,
    db,
    location: opened.location,
    write: (ws) => writer.write(ws),
    async existingEventIds(ids) {
      const found = new Set<string>();
      if (ids.length === 0) return found;
      // One statement whatever the batch size: the ids travel as one JSON array (SQLite)
      // or one text[] parameter (PostgreSQL), so the plan is prepared once.
      if (existingSqlite) {
        for (const r of existingSqlite.all(JSON.stringify(ids)) as { id: string }[]) found.add(r.id);
      } else {
        const rows = await sql<{ id: string }>`select id from events where id = any(${ids as string[]}::text[])`.execute(db);
        for (const r of rows.rows) found.add(r.id);
      }
      return found;
    },
    async *pages(load, limit = 20_000) {
      let after: Parameters<typeof load>[0];
      for (;;) {
        const rows = await load(after, limit);
        if (rows.length > 0) yield rows;
        if (rows.length < limit) return;
        after = rows[rows.length - 1];
      }
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await workerWriter?.close();
        await opened.close();
      } finally {
        await lock?.release();
      }
    },
  };
}
