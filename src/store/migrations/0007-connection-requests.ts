import type { Kysely, Migration } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export function migration0007({ ms }: MigrationContext): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // When the pair's last connection request was made, kept through acceptance or removal:
      // a request a minor declined (then removed) or ignored counts towards the adult's score
      // after a restart too, which `state` alone cannot tell from an unfollow.
      await db.schema.alterTable('connections').addColumn('requested_ms', ms).execute();
    },
  };
}
