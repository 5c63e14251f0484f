import type { Kysely, Migration } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export function migration0031({ ms, clustered }: MigrationContext): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // Gate decisions per hour and `outcome:reason` (issue 19, transparency reports): the
      // gate itself keeps no record, so the engine counts and flushes here.
      await clustered(
        db.schema
          .createTable('gate_decision_counts')
          .addColumn('hour_ms', ms, (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('n', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('gate_decision_counts_pk', ['hour_ms', 'reason']),
      ).execute();
    },
  };
}
