import type { Kysely, Migration } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export function migration0008(_ctx: MigrationContext): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // HMAC-SHA256 over the stored manifest under a key derived from the package's evidence
      // key (held in configuration, never in the database): whoever can write the table cannot
      // drop a file from a manifest and have it still verify. Packages from before have none
      // and are reported as unauthenticated.
      await db.schema.alterTable('evidence_packages').addColumn('manifest_mac', 'text').execute();
    },
  };
}
