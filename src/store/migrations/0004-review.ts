import type { Kysely, Migration } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export function migration0004({ ms, clustered }: MigrationContext): Migration {
  return {
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
      await db.schema
        .createIndex('cases_queue_unrestricted')
        .on('cases')
        .columns(['status', 'restricted', 'priority', 'due_ms', 'id'])
        .execute();
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
  };
}
