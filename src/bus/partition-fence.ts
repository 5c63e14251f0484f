import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import type { Statement } from '../store/write-set.js';

/**
 * Fencing for partition owners (migration 0020). An advisory lock says who owns a partition
 * now, but a worker whose lease connection dropped learns it late: until then it could commit
 * a batch the new owner is processing too. So a new owner first raises the partition's epoch,
 * and every commit of a worker ends with a check of the epochs it holds, taken with a share
 * lock on those rows that lasts to the commit: the old owner's commit fails (and is retried by
 * nobody: its partition is gone), or it commits before the new owner's raise can, and the new
 * owner then finds its events in the store.
 */
export interface PartitionFence {
  /** Raises the epochs of newly taken partitions; from now on commits carry them. */
  take(partitions: readonly number[]): Promise<void>;
  /** Forgets a partition this worker gave up (before its lock is released). */
  drop(partition: number): void;
  /** The check to run last in each commit; undefined while this worker holds nothing. */
  statement(): Statement | undefined;
}

export function createPartitionFence(db: Kysely<Database>, owner: string): PartitionFence {
  const epochs = new Map<number, number>();
  return {
    async take(partitions) {
      for (const p of partitions) {
        const row = await db
          .insertInto('bus_partitions')
          .values({ partition: p, epoch: 1, owner, since_ms: Date.now() })
          .onConflict((oc) =>
            oc.column('partition').doUpdateSet({
              epoch: sql<number>`bus_partitions.epoch + 1`,
              owner: (eb) => eb.ref('excluded.owner'),
              since_ms: (eb) => eb.ref('excluded.since_ms'),
            }),
          )
          .returning('epoch')
          .executeTakeFirstOrThrow();
        epochs.set(p, row.epoch);
      }
    },
    drop(p) {
      epochs.delete(p);
    },
    statement() {
      if (epochs.size === 0) return undefined;
      const parts = [...epochs.keys()];
      const values = parts.map((p) => epochs.get(p)!);
      // Division by zero when any epoch moved on: the error rolls the whole commit back.
      const q = sql`select 1 / (case when count(*) = ${parts.length} then 1 else 0 end) as fenced from (
          select b.partition from bus_partitions b join unnest(${parts}::int[], ${values}::int[]) as o(p, e)
          on b.partition = o.p and b.epoch = o.e for share of b) f`.compile(db);
      return { sql: q.sql, parameters: q.parameters };
    },
  };
}
