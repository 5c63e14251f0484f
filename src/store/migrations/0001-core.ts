import type { Kysely, Migration } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export function migration0001({ dialect, ms, clustered }: MigrationContext): Migration {
  return {
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
          .addColumn('updated_ms', ms, (c) => c.notNull()),
      ).execute();

      await clustered(
        db.schema
          .createTable('connections')
          .addColumn('from_id', 'text', (c) => c.notNull())
          .addColumn('to_id', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('updated_ms', ms, (c) => c.notNull())
          .addPrimaryKeyConstraint('connections_pk', ['from_id', 'to_id', 'kind']),
      ).execute();

      await clustered(
        db.schema
          .createTable('blocks')
          .addColumn('from_id', 'text', (c) => c.notNull())
          .addColumn('to_id', 'text', (c) => c.notNull())
          .addColumn('ts_ms', ms, (c) => c.notNull())
          .addColumn('by_minor', 'integer', (c) => c.notNull())
          .addColumn('event_id', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('blocks_pk', ['from_id', 'to_id']),
      ).execute();

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
          .addPrimaryKeyConstraint('contacts_pk', ['from_id', 'to_id']),
      ).execute();
      await db.schema.createIndex('contacts_last').on('contacts').column('last_ms').execute();

      await clustered(
        db.schema
          .createTable('flags')
          .addColumn('account_id', 'text', (c) => c.notNull())
          .addColumn('flag', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('ts_ms', ms, (c) => c.notNull())
          .addPrimaryKeyConstraint('flags_pk', ['account_id', 'flag']),
      ).execute();

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
  };
}
