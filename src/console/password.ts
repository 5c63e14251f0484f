import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { AppError } from '../core/app-error.js';

/** OWASP's scrypt minimum (N=2^17, r=8, p=1) costs 128 MiB a sign-in; N=2^15 with 32 MiB is the RFC 7914 interactive setting. */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LEN = 32;
/** Hashes waiting for the worker beyond which a sign-in is refused at once rather than queued for seconds. */
const MAX_QUEUED = 16;

type Pending = { resolve: (key: Buffer) => void; reject: (e: Error) => void };
let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 0;

/**
 * scrypt in one dedicated worker thread. Node's async scrypt runs on libuv's pool of four,
 * so a sign-in flood could take four cores of memory-hard work from the gate and the file
 * system; one thread caps what sign-ins can cost the process at one core, whatever arrives,
 * and it runs at the lowest CPU priority (password-worker.ts), so under contention the gate wins.
 * The worker is unref'd while idle so it never keeps a CLI process alive.
 */
function scryptInWorker(
  password: string,
  salt: Buffer,
  len: number,
  opts: { N: number; r: number; p: number; maxmem: number },
): Promise<Buffer> {
  if (pending.size >= MAX_QUEUED)
    return Promise.reject(new AppError('not_ready', 'too many sign-ins are being checked; try again in a moment'));
  if (!worker) {
    const w = new Worker(new URL('./password-worker.js', import.meta.url));
    w.on('message', (m: { id: number; key?: Uint8Array; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (pending.size === 0) w.unref();
      if (m.key) p.resolve(Buffer.from(m.key));
      else p.reject(new AppError('internal', `scrypt failed: ${m.error}`));
    });
    const fail = (e: Error) => {
      if (worker === w) worker = undefined;
      for (const p of pending.values()) p.reject(new AppError('internal', 'the password worker stopped', { cause: e }));
      pending.clear();
    };
    w.on('error', fail);
    w.on('exit', () => fail(new Error('exited')));
    worker = w;
  }
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker!.ref();
    worker!.postMessage({ id, password, salt, len, opts });
  });
}

/**
 * SECURITY: reviewer passwords are stored as scrypt (memory-hard, in Node's crypto: no
 * native dependency) with a random salt; the parameters are stored with each hash so
 * they can be raised later without invalidating old ones.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptInWorker(password, salt, KEY_LEN, { ...PARAMS, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptInWorker(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 1024 * 1024,
  });
  return timingSafeEqual(expected, actual);
}

/** A hash to verify against when the username is unknown, so both answers take as long. */
let decoy: Promise<string> | undefined;
export const decoyHash = () =>
  (decoy ??= hashPassword(randomBytes(16).toString('hex')).catch((e: unknown) => {
    decoy = undefined; // a refused (busy) hash must not become the decoy for good
    throw e;
  }));

/** Whether a hash runs off the calling thread (for tests: the event loop stays free while it runs). */
export const passwordThreadId = () => worker?.threadId;
