import type { Kysely, Migration } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export function migration0040({ clustered }: MigrationContext): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // Video signals (a vPDQ signal string is ~75 bytes a hashed frame) are too long for the
      // unique index on bank_entries.value: PostgreSQL refuses index rows over ~2.7 kB. Such an
      // entry keeps the SHA-256 of its signal string in `value` (unique, as before) and the
      // string itself here, one row per entry.
      await clustered(
        db.schema
          .createTable('bank_entry_bodies')
          .addColumn('entry_id', 'integer', (c) => c.notNull().primaryKey())
          .addColumn('body', 'text', (c) => c.notNull()),
      ).execute();
    },
  };
}
