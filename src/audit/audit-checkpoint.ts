import { verify, type KeyObject } from 'node:crypto';
import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { appendFile, open } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { AppError } from '../core/app-error.js';
import type { Database } from '../store/tables.js';
import { entryHash, GENESIS_HASH } from './audit-chain.js';
import { auditHead, auditRange, verifyAudit, type VerifyResult } from './audit-store.js';
import {
  checkpointBytes,
  keyFingerprint,
  readCheckpointFile,
  readSigningKeyFile,
  signCheckpoint,
  type Checkpoint,
  type CheckpointLine,
} from './signed-checkpoint.js';

export interface AnchoredResult extends Omit<VerifyResult, 'firstProblem'> {
  /** The newest checkpoint that verified against the key and the log. */
  covered?: { line: number; toSeq: number; ts: string };
  checkpoints: number;
  firstProblem?: {
    seq: number;
    /** `truncated`: entries a checkpoint pinned are gone. `rechained`: the chain is whole but disagrees with a checkpoint. */
    problem: 'altered' | 'removed' | 'reordered' | 'truncated' | 'rechained' | 'checkpoint_invalid';
    detail: string;
    /** For `rechained`: the altered entry lies in this range (the checkpoints before and at it). */
    range?: { fromSeq: number; toSeq: number };
    line?: number;
  };
}

/**
 * The chain walk of `verifyAudit`, then every checkpoint held against it. Checkpoints are
 * checked first (signature with the verifier's key, fingerprint, order), so a forged or
 * edited checkpoint file is named rather than trusted.
 */
export async function verifyAgainstCheckpoints(
  db: Kysely<Database>,
  lines: CheckpointLine[],
  publicKey: KeyObject,
): Promise<AnchoredResult> {
  const fingerprint = keyFingerprint(publicKey);
  const checkpoints: { line: number; c: Checkpoint }[] = [];
  let lastTo = 0;
  const base = { ok: false, entries: 0, head: { seq: 0, hash: GENESIS_HASH }, checkpoints: 0 };
  for (const l of lines) {
    const bad = (detail: string): AnchoredResult => ({
      ...base,
      firstProblem: { seq: 0, problem: 'checkpoint_invalid', detail: `checkpoint line ${l.line} ${detail}`, line: l.line },
    });
    if ('error' in l) return bad(l.error);
    const c = l.checkpoint;
    if (c.keyFingerprint !== fingerprint) return bad(`was signed by key ${c.keyFingerprint}, not by the given public key ${fingerprint}`);
    if (!verify(null, checkpointBytes(c), publicKey, Buffer.from(c.signature, 'base64')))
      return bad('has a signature that does not verify with the given public key: the file was edited');
    if (c.toSeq < lastTo || c.fromSeq > c.toSeq)
      return bad(`goes back: it covers ${c.fromSeq}..${c.toSeq} after a checkpoint up to ${lastTo}`);
    lastTo = c.toSeq;
    checkpoints.push({ line: l.line, c });
  }
  const at = new Set(checkpoints.map((x) => x.c.toSeq));
  const hashes = new Map<number, string>();
  const walk = await verifyAudit(db, 20_000, (seq, hash) => {
    if (at.has(seq)) hashes.set(seq, hash);
  });
  const result: AnchoredResult = { ok: walk.ok, entries: walk.entries, head: walk.head, checkpoints: checkpoints.length };
  if (walk.firstProblem) result.firstProblem = walk.firstProblem;
  let prevGood = 0;
  for (const { line, c } of checkpoints) {
    // A broken chain was already named entry by entry; checkpoints past it add nothing.
    if (c.toSeq > walk.head.seq) {
      if (walk.ok) {
        // Named against the latest checkpoint: it says how much of the tail is gone.
        const last = walk.head.seq;
        const latest = checkpoints[checkpoints.length - 1]!;
        result.ok = false;
        result.firstProblem = {
          seq: last + 1,
          problem: 'truncated',
          detail: `entries ${last + 1}..${latest.c.toSeq} are missing: the checkpoint at line ${latest.line} (${latest.c.ts}) covers up to entry ${latest.c.toSeq}, but the log ends at entry ${last}`,
          line: latest.line,
        };
      }
      break;
    }
    if (hashes.get(c.toSeq) !== c.headHash) {
      result.ok = false;
      result.firstProblem = {
        seq: prevGood + 1,
        problem: 'rechained',
        detail: `an entry in ${prevGood + 1}..${c.toSeq} was altered and the chain re-hashed after it: the checkpoint at line ${line} (${c.ts}) signed hash ${c.headHash.slice(0, 16)}… for entry ${c.toSeq}, the log gives ${(hashes.get(c.toSeq) ?? '').slice(0, 16)}…`,
        range: { fromSeq: prevGood + 1, toSeq: c.toSeq },
        line,
      };
      break;
    }
    prevGood = c.toSeq;
    result.covered = { line, toSeq: c.toSeq, ts: c.ts };
  }
  return result;
}

export interface CheckpointConfig {
  checkpointKeyFile?: string | undefined;
  checkpointFile?: string | undefined;
  checkpointWebhookUrl?: string | undefined;
  checkpointEveryEntries: number;
  checkpointEverySeconds: number;
}

interface Log {
  info(o: object, m: string): void;
  warn(o: object, m: string): void;
  error(o: object, m: string): void;
}

export interface Checkpointer {
  readonly fingerprint: string;
  /** The last checkpoint written (or read back at start). */
  readonly last: { seq: number; hash: string };
  start(): void;
  /** Writes a checkpoint now if the head moved (`force`: whatever the thresholds say); the checkpoint, if one was written. */
  checkpoint(force?: boolean): Promise<Checkpoint | undefined>;
  /** Stops the timer and writes a last checkpoint: call after the final commit, before the store closes. */
  stop(): Promise<void>;
}

/** The last checkpoint line of a file, if any; a file that is not this shape is a configuration error. */
function lastCheckpoint(path: string): Checkpoint | undefined {
  if (!existsSync(path)) return undefined;
  const lines = readCheckpointFile(path);
  const last = lines[lines.length - 1];
  if (!last) return undefined;
  if ('error' in last) throw new AppError('config_invalid', `audit.checkpointFile ${path} line ${last.line} ${last.error}`);
  return last.checkpoint;
}

/**
 * Writes checkpoints of the audit head every `checkpointEveryEntries` entries or
 * `checkpointEverySeconds` seconds (whichever comes first, and only when the head moved), and
 * on shutdown, to an append-only JSONL file and, if set, a webhook. Before signing it re-walks
 * the entries since its last checkpoint, so it never signs a head that does not extend what it
 * signed before (a database edited under a running server stops the checkpoints, loudly).
 */
export function createCheckpointer(deps: {
  db: Kysely<Database>;
  config: CheckpointConfig;
  logger: Log;
  now?: () => number;
  fetch?: typeof fetch;
}): Checkpointer {
  const { db, config, logger } = deps;
  const now = deps.now ?? Date.now;
  if (!config.checkpointKeyFile) throw new AppError('config_invalid', 'audit.checkpointKeyFile is not set');
  if (!config.checkpointFile)
    throw new AppError(
      'config_invalid',
      'audit.checkpointFile must be set with audit.checkpointKeyFile: checkpoints need a place outside the database',
      { issues: [{ field: 'audit.checkpointFile', reason: 'is required when audit.checkpointKeyFile is set' }] },
    );
  const file = config.checkpointFile;
  const key = readSigningKeyFile(config.checkpointKeyFile);
  try {
    // SECURITY: the key is what makes a checkpoint worth anything; say so when others can read it.
    if ((statSync(config.checkpointKeyFile).mode & 0o077) !== 0)
      logger.warn({ setting: 'audit.checkpointKeyFile' }, 'the checkpoint key file is readable by group or others; chmod 600 it');
  } catch {
    /* read above, so it exists; a stat race is not worth failing start for */
  }
  try {
    // Refuse to start rather than fail every second later: the file must be appendable now.
    closeSync(openSync(file, 'a', 0o644));
  } catch (cause) {
    throw new AppError('config_invalid', `audit.checkpointFile ${file} cannot be appended to`, {
      cause,
      issues: [{ field: 'audit.checkpointFile', reason: 'cannot be opened for appending' }],
    });
  }
  const prev = lastCheckpoint(file);
  let last = prev ? { seq: prev.toSeq, hash: prev.headHash } : { seq: 0, hash: GENESIS_HASH };
  let lastAtMs = now();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<Checkpoint | undefined> | undefined;
  let stopped = false;
  let refusedAt = -1;

  /** Entries last.seq+1..head, each checked to follow the one before: the checkpoint extends the last one. */
  async function extendsLast(head: { seq: number; hash: string }): Promise<string | undefined> {
    if (head.seq < last.seq) return `the log ends at entry ${head.seq}, below the last checkpoint at ${last.seq}: it was truncated`;
    let prevHash = last.hash;
    let after = last.seq;
    while (after < head.seq) {
      const rows = await auditRange(db, after, head.seq, 2000);
      if (rows.length === 0) return `entries after ${after} are missing`;
      for (const row of rows) {
        if (row.seq !== after + 1) return `entry ${after + 1} is missing`;
        if (row.prevHash !== prevHash) return `entry ${row.seq} does not follow the last checkpointed entry ${last.seq}`;
        const { hash, ...rest } = row;
        if (entryHash(rest) !== hash) return `entry ${row.seq} does not match its hash`;
        prevHash = hash;
        after = row.seq;
      }
    }
    return prevHash === head.hash ? undefined : `the head moved while it was read`;
  }

  async function run(force: boolean): Promise<Checkpoint | undefined> {
    const head = await auditHead(db);
    if (head.seq === last.seq && head.hash === last.hash) return undefined;
    if (!force && head.seq - last.seq < config.checkpointEveryEntries && now() - lastAtMs < config.checkpointEverySeconds * 1000)
      return undefined;
    const problem = await extendsLast(head);
    if (problem) {
      // Logged once per head, not every second: the operator must look at `warden audit verify`.
      if (refusedAt !== head.seq)
        logger.error(
          { head: head.seq, lastCheckpoint: last.seq, problem },
          'audit checkpoint refused: the log does not extend the last checkpoint',
        );
      refusedAt = head.seq;
      return undefined;
    }
    const c = signCheckpoint({ v: 1, fromSeq: last.seq + 1, toSeq: head.seq, headHash: head.hash, ts: new Date(now()).toISOString() }, key);
    const line = JSON.stringify(c) + '\n';
    // Appended and fsynced before it counts: a checkpoint the disk lost would not anchor anything.
    await appendFile(file, line, { mode: 0o644 });
    const fh = await open(file, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    last = { seq: head.seq, hash: head.hash };
    lastAtMs = now();
    if (config.checkpointWebhookUrl) await post(config.checkpointWebhookUrl, line);
    return c;
  }

  async function post(url: string, body: string): Promise<void> {
    try {
      const res = await (deps.fetch ?? fetch)(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) logger.warn({ status: res.status }, 'audit checkpoint webhook refused the checkpoint (the file has it)');
    } catch (e) {
      logger.warn({ err: (e as Error).name }, 'audit checkpoint webhook unreachable (the file has the checkpoint)');
    }
  }

  const checkpoint = (force = false): Promise<Checkpoint | undefined> => {
    // One at a time: two walks racing would sign the same range twice.
    const p = (running ?? Promise.resolve(undefined)).catch(() => undefined).then(() => run(force));
    running = p;
    return p;
  };

  return {
    fingerprint: key.fingerprint,
    get last() {
      return last;
    },
    start() {
      if (timer || stopped) return;
      // Polls the head cheaply (one indexed row); the thresholds decide when to sign.
      timer = setInterval(
        () => {
          checkpoint().catch((e: unknown) => logger.error({ err: e }, 'audit checkpoint failed'));
        },
        Math.min(1000, config.checkpointEverySeconds * 1000),
      );
      timer.unref();
      logger.info({ fingerprint: key.fingerprint, lastCheckpoint: last.seq }, 'audit checkpoints on');
    },
    async checkpoint(force) {
      return checkpoint(force);
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      try {
        await checkpoint(true);
      } catch (e) {
        logger.error({ err: e }, 'the shutdown audit checkpoint failed');
      }
    },
  };
}
