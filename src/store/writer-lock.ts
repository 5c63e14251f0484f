import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../core/app-error.js';

/** Held for the life of a process that writes a SQLite database; `release` lets the next one in. */
export interface WriterLock {
  release(): Promise<void>;
}

const HolderSchema = z.object({ pid: z.number().int(), holder: z.string(), sinceMs: z.number() });

/**
 * One writer per SQLite file (issue 15 item 1). The engine keeps the gate's state and the
 * audit chain's head in memory, so a second process writing the same file (a CLI command, a
 * second `serve`, `replay --db`) would leave that memory stale and make the next commit fail.
 *
 * The lock is SQLite's own file lock on a small side database, `<db>.writer-lock`: a
 * `BEGIN IMMEDIATE` that is never committed holds its RESERVED lock (an fcntl lock) until
 * the connection closes or the process dies, so a `kill -9` leaves nothing stale behind and
 * no pid file needs guessing at. It is a separate file because the database itself runs in
 * WAL mode with several connections of the holder's own (the writer thread, the readers),
 * where a held write transaction would block the holder too. Readers never take it.
 * Who holds it is written beside it, `<db>.writer-lock.json`, for the refusal's message only.
 */
export function acquireWriterLock(location: string, holder: string): WriterLock {
  const lockPath = `${location}.writer-lock`;
  const infoPath = `${lockPath}.json`;
  let lock: BetterSqlite3.Database;
  try {
    lock = new BetterSqlite3(lockPath);
  } catch (cause) {
    throw new AppError('store_failure', `cannot open the writer lock ${lockPath}`, { cause });
  }
  // No waiting: a second writer is refused at once, with the holder named.
  lock.pragma('busy_timeout = 0');
  try {
    lock.exec('begin immediate');
  } catch (cause) {
    lock.close();
    if ((cause as { code?: string }).code !== 'SQLITE_BUSY')
      throw new AppError('store_failure', `cannot take the writer lock ${lockPath}`, { cause });
    throw new AppError(
      'conflict',
      `${location} is in use by ${describeHolder(infoPath)}; stop it first (one process writes a SQLite database; read-only commands still work)`,
    );
  }
  const info = JSON.stringify({ pid: process.pid, holder, sinceMs: Date.now() });
  const tmp = `${infoPath}.${process.pid}`;
  writeFileSync(tmp, info + '\n');
  renameSync(tmp, infoPath);
  let released = false;
  return {
    release() {
      if (!released) {
        released = true;
        // Closing ends the transaction and drops the file lock; the info file stays and is
        // overwritten by the next holder (it is only ever read by someone refused the lock).
        lock.close();
      }
      return Promise.resolve();
    },
  };
}

function describeHolder(infoPath: string): string {
  try {
    const parsed = HolderSchema.safeParse(JSON.parse(readFileSync(infoPath, 'utf8')));
    if (parsed.success) return `${parsed.data.holder} (pid ${parsed.data.pid}, since ${new Date(parsed.data.sinceMs).toISOString()})`;
  } catch {
    // Absent or half-written: the holder took the lock a moment ago.
  }
  return 'another Warden process';
}
