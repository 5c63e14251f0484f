import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { AppError } from '../core/app-error.js';
import type { Dialect } from './open-database.js';

/*
 * One set of migrations for both databases. Names sort in order and are never renamed:
 * the migrator records them. Where the dialects differ (an auto-increment key), the
 * migration asks which one it is running on.
 */
function migrations(dialect: Dialect): Record<string, Migration> {
  const ms = 'double precision';
  // SQLite: a table keyed by its primary key alone is stored as that key's B-tree
  // (WITHOUT ROWID) instead of a rowid table plus an index: half the writes per row.
  const clustered = <T extends { modifyEnd(frag: ReturnType<typeof sql>): T }>(t: T): T => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t);
  return {
    '0001_core': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('events')
          // SQLite: an INTEGER PRIMARY KEY is the rowid, always increasing while rows are only
          // appended (events are never deleted); AUTOINCREMENT would add a write per insert.
          .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) => c.primaryKey())
          .addColumn('id', 'text', (c) => c.notNull().unique())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('ts_ms', ms, (c) => c.notNull())
          .addColumn('received_ms', ms, (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .execute();

        await clustered(
          db.schema
          .createTable('accounts')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('age_band', 'text')
          .addColumn('birth_date', 'text')
          .addColumn('age_assurance', 'text')
          .addColumn('created_at_ms', ms)
          .addColumn('handle', 'text')
          .addColumn('display_name', 'text')
          .addColumn('country', 'text')
          .addColumn('is_private', 'integer')
          .addColumn('updated_ms', ms, (c) => c.notNull())
          )
          .execute();

        await clustered(
          db.schema
          .createTable('connections')
          .addColumn('from_id', 'text', (c) => c.notNull())
          .addColumn('to_id', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('updated_ms', ms, (c) => c.notNull())
          .addPrimaryKeyConstraint('connections_pk', ['from_id', 'to_id', 'kind'])
          )
          .execute();

        await clustered(
          db.schema
          .createTable('blocks')
          .addColumn('from_id', 'text', (c) => c.notNull())
          .addColumn('to_id', 'text', (c) => c.notNull())
          .addColumn('ts_ms', ms, (c) => c.notNull())
          .addColumn('by_minor', 'integer', (c) => c.notNull())
          .addColumn('event_id', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('blocks_pk', ['from_id', 'to_id'])
          )
          .execute();

        await db.schema
          .createTable('reports')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('reporter', 'text', (c) => c.notNull())
          .addColumn('subject_account', 'text', (c) => c.notNull())
          .addColumn('subject_message', 'text')
          .addColumn('subject_media', 'text')
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('ts_ms', ms, (c) => c.notNull())
          .addColumn('by_minor', 'integer', (c) => c.notNull())
          .addColumn('event_id', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('reports_subject').on('reports').column('subject_account').execute();

        await clustered(
          db.schema
          .createTable('contacts')
          .addColumn('from_id', 'text', (c) => c.notNull())
          .addColumn('to_id', 'text', (c) => c.notNull())
          .addColumn('first_ms', ms, (c) => c.notNull())
          .addColumn('last_ms', ms, (c) => c.notNull())
          .addColumn('messages', 'integer', (c) => c.notNull())
          .addColumn('first_event_id', 'text', (c) => c.notNull())
          .addColumn('last_event_id', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('contacts_pk', ['from_id', 'to_id'])
          )
          .execute();
        await db.schema.createIndex('contacts_last').on('contacts').column('last_ms').execute();

        await clustered(
          db.schema
          .createTable('flags')
          .addColumn('account_id', 'text', (c) => c.notNull())
          .addColumn('flag', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('ts_ms', ms, (c) => c.notNull())
          .addPrimaryKeyConstraint('flags_pk', ['account_id', 'flag'])
          )
          .execute();

        await db.schema
          .createTable('alerts')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('ts_ms', ms, (c) => c.notNull())
          .addColumn('category', 'text', (c) => c.notNull())
          .addColumn('severity', 'text', (c) => c.notNull())
          .addColumn('score', ms, (c) => c.notNull())
          .addColumn('subject_account', 'text', (c) => c.notNull())
          .addColumn('conversation_id', 'text')
          .addColumn('trigger_event_id', 'text', (c) => c.notNull())
          .addColumn('detector', 'text', (c) => c.notNull())
          .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
          .addColumn('detected_ms', ms, (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('alerts_subject').on('alerts').columns(['subject_account', 'ts_ms']).execute();
        await db.schema.createIndex('alerts_category').on('alerts').columns(['category', 'ts_ms']).execute();
        await db.schema.createIndex('alerts_ts').on('alerts').columns(['ts_ms', 'id']).execute();

        await db.schema
          .createTable('api_keys')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('key_hash', 'text', (c) => c.notNull().unique())
          .addColumn('created_ms', ms, (c) => c.notNull())
          .addColumn('revoked_ms', ms)
          .execute();
      },
    },
    '0002_media': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('banks')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull().unique())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('enabled', 'integer', (c) => c.notNull())
          .addColumn('pdq_threshold', 'integer', (c) => c.notNull())
          .addColumn('description', 'text')
          .addColumn('created_ms', ms, (c) => c.notNull())
          .addColumn('updated_ms', ms, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('bank_entries')
          // Integer ids: the match index addresses entries by them.
          .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) => c.primaryKey())
          .addColumn('bank_id', 'text', (c) => c.notNull())
          .addColumn('signal_type', 'text', (c) => c.notNull())
          .addColumn('value', 'text', (c) => c.notNull())
          .addColumn('note', 'text')
          .addColumn('source', 'text')
          .addColumn('added_ms', ms, (c) => c.notNull())
          .addColumn('removed_ms', ms)
          .addColumn('quarantined_ms', ms)
          .addUniqueConstraint('bank_entries_value', ['bank_id', 'signal_type', 'value'])
          .execute();
        await db.schema
          .createTable('admin_notices')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('ts_ms', ms, (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('detail', 'text', (c) => c.notNull())
          .addColumn('acknowledged_ms', ms)
          .execute();
      },
    },
    '0003_audit': {
      async up(db: Kysely<unknown>) {
        // seq is assigned by the hash chain, not the database: a second writer with a stale
        // head fails on the key instead of forking the chain.
        await db.schema
          .createTable('audit_log')
          .addColumn('seq', 'integer', (c) => c.primaryKey())
          .addColumn('ts_ms', ms, (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('subject_account', 'text')
          .addColumn('target_type', 'text')
          .addColumn('target_id', 'text')
          .addColumn('detail', 'text')
          .addColumn('prev_hash', 'text', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('audit_subject').on('audit_log').columns(['subject_account', 'seq']).execute();
      },
    },
    '0004_review': {
      async up(db: Kysely<unknown>) {
        // Policies are versioned: a new version is a new row; the highest is in force.
        await db.schema
          .createTable('policies')
          .addColumn('version', 'integer', (c) => c.primaryKey())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_ms', ms, (c) => c.notNull())
          .addColumn('note', 'text')
          .execute();
        // How far a consumer of the alert log has got: it resumes there after a restart.
        await db.schema
          .createTable('cursors')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('position', 'text', (c) => c.notNull())
          .addColumn('updated_ms', ms, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('cases')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('subject_account', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('priority', 'integer', (c) => c.notNull())
          .addColumn('queue', 'text', (c) => c.notNull())
          .addColumn('restricted', 'integer', (c) => c.notNull())
          .addColumn('escalated', 'integer', (c) => c.notNull())
          .addColumn('categories', 'text', (c) => c.notNull())
          .addColumn('alert_count', 'integer', (c) => c.notNull())
          .addColumn('opened_ms', ms, (c) => c.notNull())
          .addColumn('updated_ms', ms, (c) => c.notNull())
          .addColumn('due_ms', ms, (c) => c.notNull())
          .addColumn('claimed_by', 'text')
          .addColumn('claim_expires_ms', ms)
          .addColumn('outcome', 'text')
          .addColumn('outcome_category', 'text')
          .addColumn('outcome_reason', 'text')
          .addColumn('closed_ms', ms)
          .addColumn('closed_by', 'text')
          .execute();
        // The queues: open cases by priority, then SLA due time; one index per way the console
        // pages through them, so a page of 100,000 open cases is read in order, never sorted.
        await db.schema.createIndex('cases_queue').on('cases').columns(['status', 'priority', 'due_ms', 'id']).execute();
        await db.schema.createIndex('cases_queue_unrestricted').on('cases').columns(['status', 'restricted', 'priority', 'due_ms', 'id']).execute();
        await db.schema.createIndex('cases_queue_by_category').on('cases').columns(['status', 'queue', 'priority', 'due_ms', 'id']).execute();
        await db.schema.createIndex('cases_subject').on('cases').columns(['subject_account', 'status']).execute();
        await clustered(
          db.schema
            .createTable('case_alerts')
            .addColumn('alert_id', 'text', (c) => c.primaryKey())
            .addColumn('case_id', 'text', (c) => c.notNull())
            .addColumn('added_ms', ms, (c) => c.notNull()),
        ).execute();
        await db.schema.createIndex('case_alerts_case').on('case_alerts').columns(['case_id', 'added_ms']).execute();
        await db.schema
          .createTable('case_history')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('case_id', 'text', (c) => c.notNull())
          .addColumn('ts_ms', ms, (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('change', 'text', (c) => c.notNull())
          .addColumn('detail', 'text')
          .execute();
        await db.schema.createIndex('case_history_case').on('case_history').columns(['case_id', 'ts_ms']).execute();
        // Actions are the webhook outbox too: a live action is delivered until it succeeds or fails for good.
        await db.schema
          .createTable('actions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('mode', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('subject_account', 'text', (c) => c.notNull())
          .addColumn('case_id', 'text')
          .addColumn('alert_id', 'text')
          .addColumn('rule_id', 'text')
          .addColumn('policy_version', 'integer')
          .addColumn('params', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .addColumn('next_attempt_ms', ms, (c) => c.notNull())
          .addColumn('last_error', 'text')
          .addColumn('created_ms', ms, (c) => c.notNull())
          .addColumn('delivered_ms', ms)
          .execute();
        await db.schema.createIndex('actions_due').on('actions').columns(['status', 'next_attempt_ms']).execute();
        await db.schema.createIndex('actions_case').on('actions').columns(['case_id']).execute();
        await db.schema
          .createTable('reviewers')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('username', 'text', (c) => c.notNull().unique())
          .addColumn('display_name', 'text', (c) => c.notNull())
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('roles', 'text', (c) => c.notNull())
          .addColumn('created_ms', ms, (c) => c.notNull())
          .addColumn('disabled_ms', ms)
          .execute();
        await db.schema
          .createTable('console_sessions')
          .addColumn('id_hash', 'text', (c) => c.primaryKey())
          .addColumn('reviewer_id', 'text', (c) => c.notNull())
          .addColumn('csrf', 'text', (c) => c.notNull())
          .addColumn('created_ms', ms, (c) => c.notNull())
          .addColumn('expires_ms', ms, (c) => c.notNull())
          .execute();
        await clustered(
          db.schema
            .createTable('reviewer_exposure')
            .addColumn('reviewer_id', 'text', (c) => c.notNull())
            .addColumn('day', 'text', (c) => c.notNull())
            .addColumn('reveals', 'integer', (c) => c.notNull())
            .addPrimaryKeyConstraint('reviewer_exposure_pk', ['reviewer_id', 'day']),
        ).execute();
      },
    },
    '0005_reporting': {
      async up(db: Kysely<unknown>) {
        // A CyberTipline report from draft to NCMEC's confirmation: the draft as the reviewer
        // completed it, the XML approved, and the submission's state machine (step, attempts,
        // NCMEC's report id) so a crash resumes at the step it stopped.
        await db.schema
          .createTable('cybertip_reports')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('case_id', 'text', (c) => c.notNull())
          .addColumn('subject_account', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('draft', 'text', (c) => c.notNull())
          .addColumn('xml', 'text')
          .addColumn('environment', 'text')
          .addColumn('step', 'text')
          .addColumn('ncmec_report_id', 'text')
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .addColumn('next_attempt_ms', ms)
          .addColumn('last_error', 'text')
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_ms', ms, (c) => c.notNull())
          .addColumn('updated_ms', ms, (c) => c.notNull())
          .addColumn('approved_by', 'text')
          .addColumn('approved_ms', ms)
          .addColumn('deadline_ms', ms)
          .addColumn('finished_ms', ms)
          .execute();
        await db.schema.createIndex('cybertip_reports_case').on('cybertip_reports').columns(['case_id']).execute();
        await db.schema.createIndex('cybertip_reports_due').on('cybertip_reports').columns(['status', 'next_attempt_ms']).execute();
        await clustered(
          db.schema
            .createTable('cybertip_report_files')
            .addColumn('report_id', 'text', (c) => c.notNull())
            .addColumn('local_id', 'text', (c) => c.notNull())
            .addColumn('ncmec_file_id', 'text')
            .addColumn('state', 'text', (c) => c.notNull())
            .addPrimaryKeyConstraint('cybertip_report_files_pk', ['report_id', 'local_id']),
        ).execute();
        await db.schema
          .createTable('evidence_packages')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('case_id', 'text')
          .addColumn('subject_account', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('manifest', 'text', (c) => c.notNull())
          .addColumn('key_id', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_ms', ms, (c) => c.notNull())
          .addColumn('expires_ms', ms, (c) => c.notNull())
          .addColumn('legal_hold', 'integer', (c) => c.notNull())
          .addColumn('hold_reason', 'text')
          .addColumn('deleted_ms', ms)
          .execute();
        await db.schema.createIndex('evidence_expiry').on('evidence_packages').columns(['legal_hold', 'expires_ms']).execute();
        await clustered(
          db.schema
            .createTable('evidence_files')
            .addColumn('package_id', 'text', (c) => c.notNull())
            .addColumn('name', 'text', (c) => c.notNull())
            .addColumn('iv', 'text', (c) => c.notNull())
            .addColumn('tag', 'text', (c) => c.notNull())
            .addColumn('ciphertext', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
            .addPrimaryKeyConstraint('evidence_files_pk', ['package_id', 'name']),
        ).execute();
      },
    },
  };
}

export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const migrator = new Migrator({ db, provider, migrationTableName: 'warden_migrations', migrationLockTableName: 'warden_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError('store_failure', `database migration ${failed} failed`, { cause: error });
  }
}

/** For tests and `warden doctor`: which migrations are applied. */
export async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from warden_migrations order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}
