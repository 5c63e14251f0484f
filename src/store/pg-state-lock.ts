import pg from 'pg';
import { AppError } from '../core/app-error.js';
import { redactLocation } from './open-database.js';

/**
 * The advisory lock that says "this process keeps Warden's state in memory" on a PostgreSQL
 * database: 'wardstat' read as a 64-bit integer. Servers hold it shared (several `serve`
 * processes on one database are what PostgreSQL is for); `replay --db`, which writes facts
 * behind a running server's back and would leave its memory stale, needs it alone.
 */
const STATE_LOCK = 0x7761726473746174n;

export interface StateLock {
  release(): Promise<void>;
}

/**
 * Holds the state lock on a connection of its own for the life of the process; PostgreSQL
 * drops a session's advisory locks when its connection ends, so a killed process leaves
 * nothing behind. The connection's application_name names the holder, so that whoever is
 * refused can say who is in the way.
 */
export async function acquireStateLock(url: string, mode: 'shared' | 'exclusive', holder: string): Promise<StateLock> {
  const client = new pg.Client({ connectionString: url, application_name: `${holder} (pid ${process.pid})`.slice(0, 63) });
  // A dropped connection loses the lock; it must not also kill the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const fn = mode === 'shared' ? 'pg_try_advisory_lock_shared' : 'pg_try_advisory_lock';
    const got = await client.query<{ ok: boolean }>(`select ${fn}($1::bigint) as ok`, [STATE_LOCK.toString()]);
    if (!got.rows[0]?.ok) {
      // pg_locks splits a bigint key into its high (classid) and low (objid) 32 bits.
      const holders = await client.query<{ name: string }>(
        `select distinct a.application_name as name from pg_locks l join pg_stat_activity a on a.pid = l.pid
         where l.locktype = 'advisory' and l.granted and l.objsubid = 1 and l.classid = $1::bigint::oid and l.objid = $2::bigint::oid and l.pid <> pg_backend_pid()`,
        [(STATE_LOCK >> 32n).toString(), (STATE_LOCK & 0xffffffffn).toString()],
      );
      const names = holders.rows.map((r) => r.name || 'another Warden process');
      throw new AppError(
        'conflict',
        `${redactLocation(url)} is in use by ${names.length ? names.join(', ') : 'another Warden process'}; stop it first (a running server keeps this database's state in memory)`,
      );
    }
  } catch (e) {
    await client.end().catch(() => undefined);
    throw e instanceof AppError ? e : new AppError('store_failure', `cannot take the state lock on ${redactLocation(url)}`, { cause: e });
  }
  return { release: () => client.end().catch(() => undefined) };
}
