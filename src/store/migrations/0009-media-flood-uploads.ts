import type { Kysely, Migration } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export function migration0009({ ms, clustered }: MigrationContext): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // The known-image flood counter (issue 15, item 10): the distinct uploads each bank entry
      // matched within the last hour, so that a restart neither forgets nor doubles them.
      await clustered(
        db.schema
          .createTable('media_flood_uploads')
          .addColumn('entry_id', 'integer', (c) => c.notNull())
          .addColumn('upload_key', 'text', (c) => c.notNull())
          .addColumn('ts_ms', ms, (c) => c.notNull())
          .addPrimaryKeyConstraint('media_flood_uploads_pk', ['entry_id', 'upload_key']),
      ).execute();
    },
  };
}
