import { scryptSync } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';

/**
 * The lowest CPU priority for this thread alone: a sign-in may wait, the inline gate on the
 * main thread may not. On Linux setpriority(2) with a thread id renices just that thread;
 * /proc/thread-self names it. Elsewhere (or if refused) the thread keeps the default.
 */
try {
  const tid = Number(/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1]);
  if (Number.isInteger(tid) && tid > 0) setPriority(tid, 19);
} catch {
  // Not Linux, or no /proc: one thread at normal priority is still bounded to one core.
}

/** One scrypt at a time, off the event loop and out of libuv's shared pool (password.ts). */
interface Job {
  id: number;
  password: string;
  salt: Uint8Array;
  len: number;
  opts: { N: number; r: number; p: number; maxmem: number };
}

parentPort!.on('message', (job: Job) => {
  try {
    const key = scryptSync(job.password, job.salt, job.len, job.opts);
    parentPort!.postMessage({ id: job.id, key });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
  }
});
