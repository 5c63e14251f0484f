import { scryptSync } from 'node:crypto';
import { parentPort } from 'node:worker_threads';

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
