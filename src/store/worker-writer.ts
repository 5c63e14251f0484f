import { Worker } from 'node:worker_threads';
import { AppError } from '../core/app-error.js';
import type { BatchWriter } from './batch-writer.js';
import type { Synchronous } from './sqlite-pragmas.js';
import { packWriteSet } from './pack-write-set.js';
import type { WriteSet } from './write-set.js';

interface Pending {
  resolve: () => void;
  reject: (e: unknown) => void;
}

export interface WorkerWriter extends BatchWriter {
  close(): Promise<void>;
}

/**
 * A BatchWriter whose commits run on a worker thread with its own SQLite connection.
 * If the thread dies, every write in flight fails with `store_failure` (the engine then
 * rebuilds its state) and the next write starts a new thread.
 */
export function createWorkerWriter(path: string, synchronous: Synchronous): WorkerWriter {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (reason: string, cause?: unknown) => {
    for (const p of pending.values()) p.reject(new AppError('store_failure', reason, { cause }));
    pending.clear();
  };

  function start(): Worker {
    const w = new Worker(new URL('./sqlite-writer-worker.js', import.meta.url), { workerData: { path, synchronous } });
    w.on('message', (msg: { id: number; ok: boolean; message?: string }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.ok) p.resolve();
      else p.reject(new AppError('store_failure', 'could not commit batch to SQLite', { cause: new Error(msg.message) }));
    });
    w.on('error', (e) => failAll('the SQLite writer thread failed', e));
    w.on('exit', () => {
      if (worker === w) worker = null;
      failAll('the SQLite writer thread stopped');
    });
    return w;
  }

  const send = (msg: { ws?: WriteSet; close?: true }) =>
    new Promise<void>((resolve, reject) => {
      worker ??= start();
      const id = nextId++;
      pending.set(id, { resolve, reject });
      // Rows cross as columns (pack-write-set.ts): the clone is the largest cost of a commit on this thread.
      worker.postMessage(msg.ws ? { id, ws: packWriteSet(msg.ws) } : { id, ...msg });
    });

  return {
    write: (ws) => send({ ws }),
    async close() {
      if (!worker) return;
      const w = worker;
      await send({ close: true }).catch(() => undefined);
      worker = null;
      await w.terminate();
    },
  };
}
