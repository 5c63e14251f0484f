import { randomInt } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import { AppError } from '../core/app-error.js';
import { redactLocation } from '../store/open-database.js';

/*
 * Partition ownership through PostgreSQL session advisory locks (two-key form, so they never
 * meet the store's own 64-bit locks): (MEMBER_NS, member id) says "this worker is alive",
 * (PARTITION_NS, p) says "this worker owns partition p". PostgreSQL drops a session's locks
 * when its connection ends, so a worker killed with -9 frees its partitions as soon as the
 * server sees the socket close (at once on one host; within the TCP keepalive elsewhere).
 */
const MEMBER_NS = 0x57617264; // 'Ward'
const PARTITION_NS = 0x57617270; // 'Warp'

export interface LeaseChange {
  /** Newly taken: the caller rebuilds its memory before processing them. */
  gained: number[];
  /** Gone with the lease connection: another worker may own them already; stop at once. */
  lost: number[];
  /** Above this worker's fair share: the caller stops processing them, then calls `release`. */
  surplus: number[];
}

export interface PartitionLeases {
  readonly owned: ReadonlySet<number>;
  /** Live workers on this database, as last counted. */
  readonly members: number;
  /** False as soon as the lease connection is lost, before the next rebalance notices. */
  owns(partition: number): boolean;
  /** Counts the live workers, takes free partitions up to a fair share and names any above it. */
  rebalance(): Promise<LeaseChange>;
  /** Releases one partition (after its last batch is acknowledged). */
  release(partition: number): Promise<void>;
  close(): Promise<void>;
}

/** ceil(partitions / members): every partition has room for an owner, and no worker takes more than its share. */
export const fairShare = (partitions: number, members: number) => Math.ceil(partitions / Math.max(1, members));

export async function createPartitionLeases(url: string, partitions: number, logger: Logger, holder: string): Promise<PartitionLeases> {
  const memberId = randomInt(1, 2 ** 31 - 1);
  const owned = new Set<number>();
  let members = 1;
  let client: pg.Client | undefined;
  let broken = false;

  async function open(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: url, application_name: `${holder} (pid ${process.pid})`.slice(0, 63) });
    c.on('error', (err) => {
      // The locks went with the connection: from now on another worker may own these
      // partitions, so stop treating them as ours at once (the caller stops fetching).
      logger.warn({ err: { message: err.message } }, 'partition lease connection lost; giving up every partition');
      broken = true;
    });
    await c.connect();
    await c.query('select pg_advisory_lock($1::int, $2::int)', [MEMBER_NS, memberId]);
    return c;
  }

  try {
    client = await open();
  } catch (cause) {
    throw new AppError('store_failure', `cannot take a worker lease on ${redactLocation(url)}`, { cause });
  }

  async function rebalance(): Promise<LeaseChange> {
    const change: LeaseChange = { gained: [], lost: [], surplus: [] };
    if (broken || !client) {
      for (const p of owned) change.lost.push(p);
      owned.clear();
      // Not awaited: end() on a connection the server already closed may never settle.
      client?.end().catch(() => undefined);
      client = undefined;
      broken = false;
      try {
        client = await open();
      } catch (err) {
        logger.warn({ err: { message: (err as Error).message } }, 'cannot reconnect the partition leases yet');
        return change;
      }
    }
    const c = client;
    const r = await c.query<{ n: number }>(
      `select count(*)::int as n from pg_locks where locktype = 'advisory' and granted and objsubid = 2
         and classid = $1::int::oid and database = (select oid from pg_database where datname = current_database())`,
      [MEMBER_NS],
    );
    members = Math.max(1, r.rows[0]?.n ?? 1);
    const share = fairShare(partitions, members);
    // A worker above its share makes room for one that just joined (the caller releases them).
    const sorted = [...owned].sort((a, b) => b - a);
    for (let i = 0; i < owned.size - share; i++) change.surplus.push(sorted[i]!);
    if (owned.size < share) {
      // Start at a place of our own, so that workers starting together try different partitions first.
      const start = memberId % partitions;
      for (let i = 0; i < partitions && owned.size < share; i++) {
        const p = (start + i) % partitions;
        if (owned.has(p)) continue;
        const got = await c.query<{ ok: boolean }>('select pg_try_advisory_lock($1::int, $2::int) as ok', [PARTITION_NS, p]);
        if (got.rows[0]?.ok) {
          owned.add(p);
          change.gained.push(p);
        }
      }
    }
    return change;
  }

  async function release(p: number): Promise<void> {
    if (!owned.delete(p) || !client) return;
    await client.query('select pg_advisory_unlock($1::int, $2::int)', [PARTITION_NS, p]).catch(() => undefined);
  }

  return {
    owned,
    get members() {
      return members;
    },
    owns: (p) => !broken && owned.has(p),
    rebalance,
    release,
    async close() {
      owned.clear();
      await client?.end().catch(() => undefined);
      client = undefined;
    },
  };
}
