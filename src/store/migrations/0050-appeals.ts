import type { Kysely, Migration } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export function migration0050({ ms }: MigrationContext): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // Appeals (issue 17): what the platform filed against an action or a case, and the
      // reviewer's answer. `platform_appeal_id` is unique: the platform may file the same
      // appeal again (a retry after a lost answer) and gets the first record back.
      await db.schema
        .createTable('appeals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('platform_appeal_id', 'text', (c) => c.notNull().unique())
        .addColumn('subject_account', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text')
        .addColumn('action_id', 'text')
        .addColumn('statement', 'text', (c) => c.notNull())
        .addColumn('body_sha256', 'text', (c) => c.notNull())
        .addColumn('filed_ms', ms, (c) => c.notNull())
        .addColumn('received_ms', ms, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text')
        .addColumn('decided_ms', ms)
        .addColumn('decision_reason', 'text')
        .execute();
      // The appeal queue reads open appeals oldest first; a case page reads its own.
      await db.schema.createIndex('appeals_status').on('appeals').columns(['status', 'received_ms']).execute();
      await db.schema.createIndex('appeals_case').on('appeals').column('case_id').execute();
      // The case page lists a case's evidence packages (issue 17): without this, a scan of every package.
      await db.schema.createIndex('evidence_packages_case').on('evidence_packages').column('case_id').execute();
    },
  };
}
