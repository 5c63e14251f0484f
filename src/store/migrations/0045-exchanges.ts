import type { Kysely, Migration } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export function migration0045({ dialect, ms }: MigrationContext): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // Hash exchanges (issue 20): each source's checkpoint and counts, survive a restart.
      await db.schema
        .createTable('exchange_sources')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('bank_id', 'text', (c) => c.notNull())
        .addColumn('checkpoint', 'text')
        .addColumn('last_started_ms', ms)
        .addColumn('last_finished_ms', ms)
        .addColumn('last_success_ms', ms)
        .addColumn('last_error', 'text')
        .addColumn('last_error_ms', ms)
        .addColumn('counts', 'text', (c) => c.notNull())
        .addColumn('updated_ms', ms, (c) => c.notNull())
        .execute();
      // Every fingerprint of every entry a source sent, supported or not, with the bank entry it became.
      await db.schema
        .createTable('exchange_entries')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('entry_id', 'text', (c) => c.notNull())
        .addColumn('source_type', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('stored_type', 'text')
        .addColumn('content_kind', 'text', (c) => c.notNull())
        .addColumn('bank_entry_id', 'integer')
        .addColumn('updated_ms', ms, (c) => c.notNull())
        .addColumn('added_ms', ms, (c) => c.notNull())
        .addColumn('deleted_ms', ms)
        .addPrimaryKeyConstraint('exchange_entries_pk', ['source', 'entry_id', 'source_type'])
        .execute();
      await db.schema.createIndex('exchange_entries_bank_entry').on('exchange_entries').column('bank_entry_id').execute();
      await db.schema.createIndex('exchange_entries_added').on('exchange_entries').columns(['source', 'added_ms']).execute();
      // Reviewers' verdicts on matches, owed to the source that supplied the hash: an outbox, so none is lost to a failed call.
      await db.schema
        .createTable('exchange_feedback')
        .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) => c.primaryKey())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('entry_id', 'text', (c) => c.notNull())
        .addColumn('source_type', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('verdict', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('created_ms', ms, (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_try_ms', ms, (c) => c.notNull())
        .addColumn('sent_ms', ms)
        .addColumn('last_error', 'text')
        .addUniqueConstraint('exchange_feedback_once', ['source', 'entry_id', 'source_type', 'case_id'])
        .execute();
    },
  };
}
