import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { AppError } from '../core/app-error.js';
import { applySqlitePragmas, type Synchronous } from './sqlite-pragmas.js';
import type { Database } from './tables.js';

export type Dialect = 'sqlite' | 'postgres';

export interface OpenDatabase {
  dialect: Dialect;
  db: Kysely<Database>;
  /** The raw handles, used only by the batch writer (store/*-writer.ts) and tests. */
  sqlite?: BetterSqlite3.Database;
  pool?: pg.Pool;
  /** Where the data lives, with any password removed: safe to log. */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** SQLite `synchronous`: FULL makes each commit durable against power loss; NORMAL (with WAL) against a crash of Warden. */
  sqliteSynchronous?: Synchronous;
  /** SQLite files: commit on a worker thread (default true). `:memory:` always commits in-thread. */
  writerThread?: boolean;
  pgPoolSize?: number;
  /**
   * SQLite files: who this process is (`warden serve`, `warden keys create`). A store opened
   * for writing takes the file's writer lock (writer-lock.ts) for its life and is refused
   * while another process holds it. Stores that only read leave it out.
   */
  writerLock?: string;
  /**
   * PostgreSQL, with `writerLock`: `shared` for a process that keeps the engine's state in
   * memory (`serve`), `exclusive` for one that writes that state behind a server's back
   * (`replay --db`); see pg-state-lock.ts. Admin commands leave it out: what they write
   * (keys, reviewers) is read from the store, and their audit entries interleave.
   */
  pgStateLock?: 'shared' | 'exclusive';
}

// bigint (int8) comes back from pg as a string by default; Warden's int8 values (event
// sequence numbers, counts) stay far below 2^53, so a number is exact and simpler.
pg.types.setTypeParser(20, (v) => Number(v));

export function isPostgresUrl(location: string): boolean {
  return location.startsWith('postgres://') || location.startsWith('postgresql://');
}

/** SECURITY: a connection string may carry a password; anything logged or shown uses this. */
export function redactLocation(location: string): string {
  if (!isPostgresUrl(location)) return location;
  try {
    const u = new URL(location);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable)';
  }
}

/** Statements kept per connection; past this many (a query whose text varies) the cache starts over. */
const MAX_PREPARED = 500;

/**
 * The connection as Kysely's SQLite driver sees it, each text prepared once. The driver
 * prepares every query anew (a parse and plan each time: a third of the rule runner's and
 * the outbox's reads, which run every round, docs/simulator.md). A prepared statement is
 * reusable once its last call returned, and the driver runs one query at a time on its one
 * connection (a streamed read holds it to the end), so a statement is never run twice at once.
 */
function preparedOnce(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const prepared = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql) {
      let st = prepared.get(sql);
      if (!st) {
        st = sqlite.prepare(sql);
        if (prepared.size >= MAX_PREPARED) prepared.clear();
        prepared.set(sql, st);
      }
      return st;
    },
    close: () => sqlite.close(),
  };
}

/** `--db` is a SQLite path (`./warden.db`, `:memory:`) or a `postgres://` URL (docs/architecture.md, Storage). */
export function openDatabase(location: string, opts: OpenOptions = {}): OpenDatabase {
  if (isPostgresUrl(location)) {
    const pool = new pg.Pool({ connectionString: location, max: opts.pgPoolSize ?? 10 });
    // An idle client that loses its connection emits on the pool; without a listener that kills the process.
    pool.on('error', () => undefined);
    // A checked-out client whose connection drops between two queries of a transaction (a
    // restarted or terminated backend) emits too, and the pool listens only to idle ones:
    // without this the process dies. The failure still reaches the caller as a rejected query.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      dialect: 'postgres',
      db,
      pool,
      location: redactLocation(location),
      close: () => db.destroy(),
    };
  }
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(location);
  } catch (cause) {
    throw new AppError('store_failure', `cannot open SQLite database at ${location}`, { cause });
  }
  applySqlitePragmas(sqlite, location === ':memory:', opts.sqliteSynchronous ?? 'full');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: preparedOnce(sqlite) }) });
  return {
    dialect: 'sqlite',
    db,
    sqlite,
    location,
    close: () => db.destroy(),
  };
}
