import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { statement, type Statement } from '../store/write-set.js';

/** A decoy account (migration 0030): the label the team gave it and when it started counting. */
export interface DecoysTable {
  account_id: string;
  label: string | null;
  created_ms: number;
  created_by: string;
}

export interface Decoy {
  accountId: string;
  label: string | null;
  createdMs: number;
}

const toDecoy = (r: DecoysTable): Decoy => ({ accountId: r.account_id, label: r.label, createdMs: r.created_ms });

export async function getDecoy(db: Kysely<Database>, accountId: string): Promise<Decoy | undefined> {
  const r = await db.selectFrom('decoys').selectAll().where('account_id', '=', accountId).executeTakeFirst();
  return r && toDecoy(r);
}

export async function listDecoys(db: Kysely<Database>): Promise<Decoy[]> {
  return (await db.selectFrom('decoys').selectAll().orderBy('created_ms').orderBy('account_id').execute()).map(toDecoy);
}

/** A first mark inserts; a repeated one changes the label only, so the exposure clock keeps its start. */
export const upsertDecoy = (db: Kysely<Database>, row: DecoysTable): Statement =>
  statement(
    db
      .insertInto('decoys')
      .values(row)
      .onConflict((oc) => oc.column('account_id').doUpdateSet({ label: row.label })),
  );

export const deleteDecoy = (db: Kysely<Database>, accountId: string): Statement =>
  statement(db.deleteFrom('decoys').where('account_id', '=', accountId));
