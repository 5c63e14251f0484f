import BetterSqlite3 from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { createSqliteWriter } from './batch-writer.js';
import { applySqlitePragmas, type Synchronous } from './sqlite-pragmas.js';
import { unpackWriteSet, type PackedWriteSet } from './pack-write-set.js';

/*
 * The SQLite writer thread. SQLite commits are synchronous; here they block this thread
 * instead of the one answering the inline gate, and ingest can fold the next batch while
 * this one commits.
 */
const { path, synchronous } = workerData as { path: string; synchronous: Synchronous };
const sqlite = new BetterSqlite3(path);
applySqlitePragmas(sqlite, false, synchronous);
const writer = createSqliteWriter(sqlite);

parentPort!.on('message', (msg: { id: number; ws?: PackedWriteSet; close?: true }) => {
  if (msg.close) {
    sqlite.close();
    parentPort!.postMessage({ id: msg.id, ok: true });
    parentPort!.close();
    return;
  }
  writer.write(unpackWriteSet(msg.ws!)).then(
    () => parentPort!.postMessage({ id: msg.id, ok: true }),
    (e: unknown) => {
      const cause = (e as { cause?: Error }).cause;
      parentPort!.postMessage({ id: msg.id, ok: false, message: cause?.message ?? String(e) });
    },
  );
});
