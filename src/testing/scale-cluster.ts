import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Logger } from 'pino';
import { createBusIngest } from '../bus/bus-ingest.js';
import type { Bus } from '../bus/connect-bus.js';
import { isAppError } from '../core/app-error.js';
import type { IngestItem } from '../engine/ingest-item.js';
import { validateEvent } from '../events/validate-event.js';

/** Helpers for the scale-out tests and bench: worker processes, publishing with retries, and reading back the effects. */

export interface WorkerProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url));

export function spawnWorker(args: {
  bus: string;
  db: string;
  partitions: number;
  stream?: string;
  ackWaitMs?: number;
  batch?: number;
  logLevel?: string;
  /** Serves /metrics and /readyz on this port. */
  port?: number;
}): WorkerProcess {
  // Extra node flags for the worker processes (`--cpu-prof`, not allowed in NODE_OPTIONS), for profiling a bench run.
  const nodeArgs = (process.env.WARDEN_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const argv = [...nodeArgs, CLI, 'worker', '--bus', args.bus, '--db', args.db, '--partitions', String(args.partitions)];
  argv.push(
    '--ack-wait-ms',
    String(args.ackWaitMs ?? 3_000),
    '--batch',
    String(args.batch ?? 500),
    '--log-level',
    args.logLevel ?? 'error',
  );
  if (args.stream) argv.push('--stream', args.stream);
  if (args.port) argv.push('--port', String(args.port));
  const verbose = args.logLevel !== undefined && args.logLevel !== 'error';
  const child = spawn(process.execPath, argv, { stdio: ['ignore', verbose ? 'inherit' : 'ignore', 'inherit'] });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    child,
    exited,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}

export async function waitUntil(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 100): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export function toItems(lines: readonly string[]): IngestItem[] {
  const nowMs = Date.now();
  return lines.map((text) => {
    const r = validateEvent(JSON.parse(text), { nowMs, maxFutureSkewMs: 300_000 });
    if (!r.ok) throw new Error(`test event invalid: ${JSON.stringify(r.error)}`);
    const item: IngestItem = r.value;
    item.body = text;
    return item;
  });
}

/**
 * Publishes like a platform that honours 503: a refused batch is sent again after a pause,
 * whole (its accepted events come back as duplicates). Returns how many answers were 503.
 */
export async function publishAll(
  bus: Bus,
  logger: Logger,
  lines: readonly string[],
  batch = 500,
  onBatch?: (sent: number) => Promise<void>,
) {
  const ingest = createBusIngest(bus, logger);
  let refusals = 0;
  for (let i = 0; i < lines.length; i += batch) {
    const items = toItems(lines.slice(i, i + batch));
    for (;;) {
      try {
        await ingest.ingest(items);
        break;
      } catch (e) {
        if (!isAppError(e) || e.code !== 'not_ready') throw e;
        refusals++;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    await onBatch?.(Math.min(lines.length, i + batch));
  }
  return { refusals };
}

export interface Effects {
  events: number;
  /** One string per alert: trigger event, detector, category, subject (ids and clock times left out). */
  alerts: string[];
  /** One string per audit entry, the same way. */
  audit: string[];
}

/** The effects a run left in a PostgreSQL database, in a form comparable with another run's. */
export async function effectsIn(url: string): Promise<Effects> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const events = Number((await c.query<{ n: string }>('select count(*) as n from events')).rows[0]!.n);
    const alerts = (
      await c.query<{ trigger_event_id: string; detector: string; category: string; subject_account: string }>(
        'select trigger_event_id, detector, category, subject_account from alerts',
      )
    ).rows.map((r) => `${r.trigger_event_id} ${r.detector} ${r.category} ${r.subject_account}`);
    const audit = (
      await c.query<{ actor: string; action: string; subject_account: string | null; detail: string | null }>(
        'select actor, action, subject_account, detail from audit_log',
      )
    ).rows.map(auditKey);
    return { events, alerts: alerts.sort(), audit: audit.sort() };
  } finally {
    await c.end();
  }
}

export function auditKey(r: { actor: string; action: string; subject_account: string | null; detail: string | null }): string {
  const detail = r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : {};
  delete detail.alertId;
  return `${r.actor} ${r.action} ${r.subject_account ?? '-'} ${JSON.stringify(detail)}`;
}

/** Which worker (backend pid) holds each partition's advisory lock (partition-leases.ts), as partition -> holder. */
export async function partitionHolders(url: string): Promise<Map<number, number>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ p: number; pid: number }>(
      `select objid::int as p, pid from pg_locks where locktype = 'advisory' and granted and objsubid = 2
         and classid = $1::int::oid and database = (select oid from pg_database where datname = current_database())`,
      [0x57617270],
    );
    return new Map(r.rows.map((row) => [row.p, row.pid]));
  } finally {
    await c.end();
  }
}

/** Cuts every connection other sessions hold to this database: PostgreSQL connection loss, without touching the shared server. */
export async function terminateConnections(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    return r.rowCount ?? 0;
  } finally {
    await c.end();
  }
}

/** Whether, for every conversation, the events were committed (events.seq) in the order they were published. */
export async function conversationOrderKept(url: string): Promise<{ conversations: number; outOfOrder: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ body: string }>(`select body from events where type = 'message.sent' order by seq`);
    const last = new Map<string, number>();
    let outOfOrder = 0;
    for (const row of r.rows) {
      const e = JSON.parse(row.body) as { ts: string; message: { conversationId: string } };
      const ts = Date.parse(e.ts);
      const prev = last.get(e.message.conversationId);
      if (prev !== undefined && ts < prev) outOfOrder++;
      last.set(e.message.conversationId, ts);
    }
    return { conversations: last.size, outOfOrder };
  } finally {
    await c.end();
  }
}
