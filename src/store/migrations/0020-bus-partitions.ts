import type { Kysely, Migration } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export function migration0020({ ms }: MigrationContext): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // Scale-out (issue 18): each partition's ownership epoch. A worker that takes a partition
      // raises its epoch; every commit of a worker checks, under a share lock held to the
      // commit, that the epochs it took are still current. A worker that lost a partition
      // without noticing (its lease connection dropped) can then never commit a batch the
      // new owner is also processing (bus/partition-fence.ts).
      await db.schema
        .createTable('bus_partitions')
        .addColumn('partition', 'integer', (c) => c.primaryKey())
        .addColumn('epoch', 'integer', (c) => c.notNull())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('since_ms', ms, (c) => c.notNull())
        .execute();
    },
  };
}
