import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { AppError } from '../core/app-error.js';
import type { MigrationContext } from './migrations/migration-context.js';
import { migration0001 } from './migrations/0001-core.js';
import { migration0002 } from './migrations/0002-media.js';
import { migration0003 } from './migrations/0003-audit.js';
import { migration0004 } from './migrations/0004-review.js';
import { migration0005 } from './migrations/0005-reporting.js';
import { migration0006 } from './migrations/0006-ip-events.js';
import { migration0007 } from './migrations/0007-connection-requests.js';
import { migration0008 } from './migrations/0008-evidence-manifest-mac.js';
import { migration0009 } from './migrations/0009-media-flood-uploads.js';
import { migration0010 } from './migrations/0010-report-resolution.js';
import { migration0020 } from './migrations/0020-bus-partitions.js';
import { migration0030 } from './migrations/0030-decoys.js';
import { migration0031 } from './migrations/0031-gate-decision-counts.js';
import { migration0040 } from './migrations/0040-bank-entry-bodies.js';
import { migration0045 } from './migrations/0045-exchanges.js';
import { migration0050 } from './migrations/0050-appeals.js';
import { migration0055 } from './migrations/0055-work-and-investigation.js';
import { migration0060 } from './migrations/0060-group-members.js';
import type { Dialect } from './open-database.js';

/*
 * One set of migrations for both databases, one file each under migrations/. Names sort in
 * order and are never renamed: the migrator records them. Where the dialects differ (an
 * auto-increment key, a blob type), the migration asks which one it is running on.
 */
function migrations(dialect: Dialect): Record<string, Migration> {
  const ctx: MigrationContext = {
    dialect,
    ms: 'double precision',
    // SQLite: a table keyed by its primary key alone is stored as that key's B-tree
    // (WITHOUT ROWID) instead of a rowid table plus an index: half the writes per row.
    clustered: (t) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t),
  };
  return {
    '0001_core': migration0001(ctx),
    '0002_media': migration0002(ctx),
    '0003_audit': migration0003(ctx),
    '0004_review': migration0004(ctx),
    '0005_reporting': migration0005(ctx),
    '0006_ip_events': migration0006(ctx),
    '0007_connection_requests': migration0007(ctx),
    '0008_evidence_manifest_mac': migration0008(ctx),
    '0009_media_flood_uploads': migration0009(ctx),
    '0010_report_resolution': migration0010(ctx),
    '0020_bus_partitions': migration0020(ctx),
    '0030_decoys': migration0030(ctx),
    '0031_gate_decision_counts': migration0031(ctx),
    '0040_bank_entry_bodies': migration0040(ctx),
    '0045_exchanges': migration0045(ctx),
    '0050_appeals': migration0050(ctx),
    '0055_work_and_investigation': migration0055(ctx),
    '0060_group_members': migration0060(ctx),
  };
}

export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'warden_migrations',
    migrationLockTableName: 'warden_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    // No migration ran: the database was never reached (refused, unknown host, bad credentials), so say that.
    if (!failed) throw new AppError('store_failure', `cannot reach the database: ${connectionProblem(error)}`, { cause: error });
    throw new AppError('store_failure', `database migration ${failed} failed`, { cause: error });
  }
}

/** The driver's own words for a failed connection (they name host and port, never a password), with its code. */
function connectionProblem(error: unknown): string {
  const e = error as { code?: string; message?: string; errors?: { message?: string }[] };
  const message =
    e.message ||
    e.errors
      ?.map((x) => x.message)
      .filter(Boolean)
      .join('; ') ||
    String(error);
  const hint =
    e.code === 'ECONNREFUSED' ? ': is PostgreSQL running and listening there?' : e.code === 'ENOTFOUND' ? ': check the host name' : '';
  return `${message}${e.code && !message.includes(e.code) ? ` (${e.code})` : ''}${hint}`;
}

/** For tests and `warden doctor`: which migrations are applied. */
export async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from warden_migrations order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}
