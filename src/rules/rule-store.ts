import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { createTemplate } from '../store/statement-template.js';
import { statement, type Statement } from '../store/write-set.js';

/*
 * The rules capability's tables (policy versions, and the cursors of the consumers that
 * follow the alert log) and every query on them.
 */

export interface PoliciesTable {
  version: number;
  source: string;
  created_by: string;
  created_ms: number;
  note: string | null;
}

export interface CursorsTable {
  name: string;
  position: string;
  updated_ms: number;
}

type Db = Kysely<Database>;

export const latestPolicy = (db: Db) => db.selectFrom('policies').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();

export const findPolicy = (db: Db, version: number) =>
  db.selectFrom('policies').selectAll().where('version', '=', version).executeTakeFirst();

export const listPolicies = (db: Db) =>
  db.selectFrom('policies').select(['version', 'created_by', 'created_ms', 'note']).orderBy('version', 'desc').execute();

/** The version is assigned inside the commit (one more than the highest), so two saves never take one number. */
export const insertPolicy = (db: Db, p: { source: string; createdBy: string; nowMs: number; note: string | null }): Statement =>
  statement(
    db
      .insertInto('policies')
      .columns(['version', 'source', 'created_by', 'created_ms', 'note'])
      .expression((eb) =>
        eb
          .selectFrom('policies')
          .select([
            sql<number>`coalesce(max(version), 0) + 1`.as('version'),
            eb.val(p.source).as('source'),
            eb.val(p.createdBy).as('created_by'),
            eb.val(p.nowMs).as('created_ms'),
            eb.val(p.note).as('note'),
          ]),
      ),
  );

// Compiled once (statement-template.ts): the rule runner reads its cursor every round.
export const readCursorQuery = createTemplate((db: Db, p: { name: string }) =>
  db.selectFrom('cursors').select('position').where('name', '=', p.name),
);

export async function readCursor(db: Db, name: string): Promise<string | undefined> {
  return (await db.executeQuery<{ position: string }>(readCursorQuery.compiled(db, { name }))).rows[0]?.position;
}

// Compiled once (statement-template.ts): the rule runner saves its cursor every round.
const saveCursorQuery = createTemplate((db: Db, row: CursorsTable) =>
  db
    .insertInto('cursors')
    .values(row)
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({ position: eb.ref('excluded.position'), updated_ms: eb.ref('excluded.updated_ms') })),
    ),
);

export const saveCursor = (db: Db, name: string, position: string, nowMs: number): Statement =>
  saveCursorQuery.statement(db, { name, position, updated_ms: nowMs });
