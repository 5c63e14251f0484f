import type { Kysely, Migration } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export function migration0010({ ms }: MigrationContext): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // How a report stopped at needs_attention moves on (issue 17, defect 2): one person
      // proposes what NCMEC told them (it has the report, under this id; or it does not),
      // and a second person signs it off. The proposal waits here until then.
      // One column per statement: SQLite's ALTER TABLE adds one at a time.
      await db.schema.alterTable('cybertip_reports').addColumn('resolution', 'text').execute();
      await db.schema.alterTable('cybertip_reports').addColumn('resolution_ncmec_id', 'text').execute();
      await db.schema.alterTable('cybertip_reports').addColumn('resolution_by', 'text').execute();
      await db.schema.alterTable('cybertip_reports').addColumn('resolution_ms', ms).execute();
    },
  };
}
