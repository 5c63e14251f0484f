import { WriteSet } from '../store/write-set.js';

/**
 * Group commit: write sets queued while a commit is in flight are merged into the next
 * one, so concurrent HTTP batches share one transaction (and one fsync) instead of
 * queueing behind each other. A caller's promise settles only when its rows are durable.
 */
export interface CommitQueue {
  enqueue(ws: WriteSet): Promise<void>;
  /** Settles when everything queued so far is committed (or failed). */
  drain(): Promise<void>;
}

interface Waiter {
  ws: WriteSet;
  resolve: () => void;
  reject: (e: unknown) => void;
}

export function createCommitQueue(write: (ws: WriteSet) => Promise<void>, onFailure: (e: unknown) => void): CommitQueue {
  let queue: Waiter[] = [];
  let running: Promise<void> | null = null;

  async function run(): Promise<void> {
    while (queue.length > 0) {
      const items = queue;
      queue = [];
      let merged = items[0]!.ws;
      if (items.length > 1) {
        merged = new WriteSet();
        for (const item of items) merged.append(item.ws);
      }
      try {
        await write(merged);
        for (const item of items) item.resolve();
      } catch (e) {
        onFailure(e);
        for (const item of items) item.reject(e);
      }
    }
  }

  function kick(): void {
    if (running) return;
    running = new Promise<void>((r) => setImmediate(r)).then(run).finally(() => {
      running = null;
      // A caller resumed by the last resolve() may have enqueued before this ran: its
      // write set would otherwise wait for a commit that nobody starts.
      if (queue.length > 0) kick();
    });
  }

  return {
    enqueue(ws) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ ws, resolve, reject });
        kick();
      });
    },
    async drain() {
      while (running) await running;
    },
  };
}
