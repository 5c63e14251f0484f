import type { Kysely, Migration } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export function migration0002({ dialect, ms }: MigrationContext): Migration {
  return {
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
  };
}
