import type { Kysely, Migration } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export function migration0060({ ms, clustered }: MigrationContext): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // Group memberships (`group.joined`, `group.left`): one row per account and group, as last
      // changed; a leave keeps the row (state `left`), so the log of who was where is not lost.
      await clustered(
        db.schema
          .createTable('group_members')
          .addColumn('group_id', 'text', (c) => c.notNull())
          .addColumn('account_id', 'text', (c) => c.notNull())
          .addColumn('kind', 'text')
          .addColumn('role', 'text')
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('joined_ms', ms)
          .addColumn('updated_ms', ms, (c) => c.notNull())
          .addColumn('event_id', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'account_id']),
      ).execute();
    },
  };
}
