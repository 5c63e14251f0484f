import { readFileSync } from 'node:fs';
import pg from 'pg';

/**
 * Where the CPU of a scale-out drain goes, per process group (issue 18): the worker processes,
 * the PostgreSQL backends serving the bench's database, PostgreSQL's background processes
 * (WAL writer, checkpointer: host-wide, so other databases' work is in it too), nats-server, and
 * the bench process itself (the publisher, the lag polling and the `serve --bus` node that
 * follows the model feed). Read from /proc (user + system), so it is nearly independent of how
 * loaded the host is, unlike the events a second.
 */
export interface CpuBreakdown {
  workers: number;
  postgresBackends: number;
  postgresBackground: number;
  nats: number;
  bench: number;
  /** PostgreSQL transactions committed in the bench's database (each statement outside a transaction is one). */
  pgTransactions: number;
}

/** User + system CPU seconds a process has used (Linux /proc), 0 when it cannot be read. */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

interface Sample {
  transactions: number;
  workers: number;
  backends: Map<number, number>;
  background: Map<number, number>;
  nats: number;
  bench: number;
}

export interface CpuSampler {
  start(): Promise<void>;
  /** CPU seconds each group used since start. */
  stop(): Promise<CpuBreakdown>;
}

export function createCpuSampler(opts: {
  adminUrl: string;
  dbName: string;
  workerPids: () => (number | undefined)[];
  natsPid: () => number | undefined;
}): CpuSampler {
  const pids = async () => {
    const c = new pg.Client({ connectionString: opts.adminUrl });
    await c.connect();
    try {
      const r = await c.query<{ pid: number; datname: string | null; backend_type: string }>(
        'select pid, datname, backend_type from pg_stat_activity where pid <> pg_backend_pid()',
      );
      const x = await c.query<{ n: string }>('select xact_commit as n from pg_stat_database where datname = $1', [opts.dbName]);
      return {
        transactions: Number(x.rows[0]?.n ?? 0),
        backends: r.rows.filter((x) => x.datname === opts.dbName && x.backend_type === 'client backend').map((x) => x.pid),
        background: r.rows.filter((x) => x.backend_type !== 'client backend').map((x) => x.pid),
      };
    } finally {
      await c.end();
    }
  };
  const sample = async (): Promise<Sample> => {
    const p = await pids();
    return {
      transactions: p.transactions,
      workers: opts.workerPids().reduce<number>((s, pid) => s + cpuSeconds(pid), 0),
      backends: new Map(p.backends.map((pid) => [pid, cpuSeconds(pid)])),
      background: new Map(p.background.map((pid) => [pid, cpuSeconds(pid)])),
      nats: cpuSeconds(opts.natsPid()),
      bench: (() => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1e6;
      })(),
    };
  };
  // A backend that started during the drain counts from zero; one that ended is lost (the
  // workers' pools keep theirs open, so this is rare).
  const delta = (before: Map<number, number>, after: Map<number, number>) => {
    let s = 0;
    for (const [pid, v] of after) s += v - (before.get(pid) ?? 0);
    return s;
  };
  let first: Sample | undefined;
  return {
    async start() {
      first = await sample();
    },
    async stop() {
      const a = first!;
      const b = await sample();
      return {
        workers: b.workers - a.workers,
        postgresBackends: delta(a.backends, b.backends),
        postgresBackground: delta(a.background, b.background),
        nats: b.nats - a.nats,
        bench: b.bench - a.bench,
        pgTransactions: b.transactions - a.transactions,
      };
    },
  };
}
