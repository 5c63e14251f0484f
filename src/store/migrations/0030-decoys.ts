import type { Kysely, Migration } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export function migration0030({ ms, clustered }: MigrationContext): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // Decoy accounts (issue 19): accounts the child-safety team runs to measure exposure. The
      // gate flag `decoy` (flags table) is what detection reads; this row keeps the label and
      // when the decoy started counting, which exposure is measured from.
      await clustered(
        db.schema
          .createTable('decoys')
          .addColumn('account_id', 'text', (c) => c.primaryKey())
          .addColumn('label', 'text')
          .addColumn('created_ms', ms, (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull()),
      ).execute();
      // Exposure reads a decoy's contacts by recipient and the actions on its contacts by
      // subject; the tables are keyed (from, to) and by id, so each would be a full scan.
      await db.schema.createIndex('contacts_to').on('contacts').column('to_id').execute();
      await db.schema.createIndex('actions_subject').on('actions').columns(['subject_account', 'created_ms']).execute();
    },
  };
}
