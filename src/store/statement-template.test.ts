import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { dueActionsQuery, insertAction, markDelivered, type ActionsTable } from '../actions/action-store.js';
import { alertsAfterQuery } from '../alerts/alert-store.js';
import { insertCase, insertHistory, linkAlert, openCaseQuery, updateCase, type CasesTable } from '../cases/case-store.js';
import { readCursorQuery, saveCursor } from '../rules/rule-store.js';
import { createTemplate } from './statement-template.js';
import { statement } from './write-set.js';
import type { Database } from './tables.js';

/** Compile-only databases of both dialects: what the text and parameters look like, no connection. */
const dbs: [string, Kysely<Database>][] = [
  [
    'sqlite',
    new Kysely<Database>({
      dialect: {
        createAdapter: () => new SqliteAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (db) => new SqliteIntrospector(db),
        createQueryCompiler: () => new SqliteQueryCompiler(),
      },
    }),
  ],
  [
    'postgres',
    new Kysely<Database>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (db) => new PostgresIntrospector(db),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
    }),
  ],
];

const caseRow = (i: number): CasesTable => ({
  id: `case_${i}`,
  subject_account: `u${i}`,
  status: i % 2 ? 'open' : 'awaiting_context',
  priority: i % 4,
  queue: 'grooming',
  restricted: i % 2,
  escalated: 0,
  categories: 'grooming,sextortion',
  alert_count: i,
  opened_ms: 1_700_000_000_000 + i,
  updated_ms: 1_700_000_000_500 + i,
  due_ms: 1_700_086_400_000 + i,
  claimed_by: i % 3 ? null : `reviewer-${i}`,
  claim_expires_ms: i % 3 ? null : 1_700_000_900_000,
  outcome: null,
  outcome_category: null,
  outcome_reason: i % 5 ? null : 'no_risk',
  closed_ms: null,
  closed_by: null,
});

/** The same case with its keys in the store's column order reversed: as a row read back might come. */
const reordered = (c: CasesTable): CasesTable => Object.fromEntries(Object.entries(c).reverse()) as unknown as CasesTable;

const actionRow = (i: number): ActionsTable => ({
  id: `act_${i}`,
  dedupe_key: `alert:alr_${i}|r${i}|suspend_account`,
  type: 'suspend_account',
  mode: i % 2 ? 'live' : 'shadow',
  status: 'pending',
  subject_account: `u${i}`,
  case_id: i % 3 ? `case_${i}` : null,
  alert_id: `alr_${i}`,
  rule_id: `r${i}`,
  policy_version: i % 4 ? 3 : null,
  params: JSON.stringify({ eventIds: [`e${i}`] }),
  attempts: 0,
  next_attempt_ms: 1_700_000_000_000 + i,
  last_error: null,
  created_ms: 1_700_000_000_000 + i,
  delivered_ms: null,
});

describe('statement templates give exactly what Kysely builds', () => {
  for (const [dialect, db] of dbs) {
    it(`${dialect}: case, history, link, action, cursor and delivery statements`, () => {
      for (let i = 0; i < 12; i++) {
        const c = caseRow(i);
        assert.deepEqual(insertCase(db, c), statement(db.insertInto('cases').values(c)));
        for (const row of [c, reordered(c)]) {
          const { id, subject_account: _s, opened_ms: _o, ...rest } = row;
          assert.deepEqual(updateCase(db, row), statement(db.updateTable('cases').set(rest).where('id', '=', id)));
        }
        const h = { id: `chg_${i}`, case_id: `case_${i}`, ts_ms: i, actor: 'system', change: 'alert_added', detail: i % 2 ? null : '{}' };
        assert.deepEqual(insertHistory(db, h), statement(db.insertInto('case_history').values(h)));
        assert.deepEqual(
          linkAlert(db, `alr_${i}`, `case_${i}`, i),
          statement(
            db
              .insertInto('case_alerts')
              .values({ alert_id: `alr_${i}`, case_id: `case_${i}`, added_ms: i })
              .onConflict((oc) => oc.column('alert_id').doNothing()),
          ),
        );
        const a = actionRow(i);
        assert.deepEqual(
          insertAction(db, a),
          statement(
            db
              .insertInto('actions')
              .values(a)
              .onConflict((oc) => oc.column('dedupe_key').doNothing()),
          ),
        );
        assert.deepEqual(
          markDelivered(db, a.id, i + 1, 5_000 + i),
          statement(
            db
              .updateTable('actions')
              .set({ status: 'delivered', attempts: i + 1, delivered_ms: 5_000 + i, last_error: null })
              .where('id', '=', a.id)
              .where('status', '=', 'pending'),
          ),
        );
        assert.deepEqual(
          saveCursor(db, 'rules', `alr_${i}`, i),
          statement(
            db
              .insertInto('cursors')
              .values({ name: 'rules', position: `alr_${i}`, updated_ms: i })
              .onConflict((oc) =>
                oc
                  .column('name')
                  .doUpdateSet((eb) => ({ position: eb.ref('excluded.position'), updated_ms: eb.ref('excluded.updated_ms') })),
              ),
          ),
        );
      }
    });

    it(`${dialect}: the rule runner's and the outbox's reads`, () => {
      const same = (a: { sql: string; parameters: readonly unknown[] }, b: { sql: string; parameters: readonly unknown[] }) =>
        assert.deepEqual({ sql: a.sql, parameters: a.parameters }, { sql: b.sql, parameters: b.parameters });
      for (let i = 0; i < 12; i++) {
        same(
          alertsAfterQuery.compiled(db, { after: `alr_${i}`, limit: 500 + i }),
          db
            .selectFrom('alerts')
            .select(['id', 'body'])
            .where('id', '>', `alr_${i}`)
            .orderBy('id')
            .limit(500 + i)
            .compile(),
        );
        same(
          readCursorQuery.compiled(db, { name: `c${i}` }),
          db.selectFrom('cursors').select('position').where('name', '=', `c${i}`).compile(),
        );
        same(
          dueActionsQuery.compiled(db, { nowMs: 1_700_000_000_000 + i, limit: 100 + i }),
          db
            .selectFrom('actions')
            .selectAll()
            .where('status', '=', 'pending')
            .where('next_attempt_ms', '<=', 1_700_000_000_000 + i)
            .orderBy('next_attempt_ms')
            .orderBy('id')
            .limit(100 + i)
            .compile(),
        );
        same(
          openCaseQuery.compiled(db, { subject: `u${i}` }),
          db
            .selectFrom('cases')
            .selectAll()
            .where('subject_account', '=', `u${i}`)
            .where('status', '!=', 'closed')
            .orderBy('opened_ms', 'desc')
            .compile(),
        );
      }
      // Each read is filled from its one compile (the same operation tree every time), not built anew.
      assert.equal(
        alertsAfterQuery.compiled(db, { after: 'a', limit: 1 }).query,
        alertsAfterQuery.compiled(db, { after: 'b', limit: 2 }).query,
      );
      assert.equal(readCursorQuery.compiled(db, { name: 'a' }).query, readCursorQuery.compiled(db, { name: 'b' }).query);
      assert.equal(dueActionsQuery.compiled(db, { nowMs: 1, limit: 1 }).query, dueActionsQuery.compiled(db, { nowMs: 2, limit: 2 }).query);
      assert.equal(openCaseQuery.compiled(db, { subject: 'a' }).query, openCaseQuery.compiled(db, { subject: 'b' }).query);
    });

    it(`${dialect}: an undefined field, another key set, or a field used in the text falls back to a full build`, () => {
      const t = createTemplate((d: Kysely<Database>, r: { id: string; detail?: string | null }) =>
        d.insertInto('case_history').values(r as never),
      );
      const full = { id: 'a', detail: 'x' };
      const partial = { id: 'b', detail: undefined };
      const fewer = { id: 'c' };
      for (const r of [full, partial, fewer, full])
        assert.deepEqual(t.statement(db, r), statement(db.insertInto('case_history').values(r as never)));
      // An array spreads into a list of parameters whose length is the array's: never templated.
      const listed = createTemplate((d: Kysely<Database>, r: { ids: string[] }) =>
        d.selectFrom('events').select('id').where('id', 'in', r.ids),
      );
      for (const ids of [['a'], ['a', 'b', 'c']])
        assert.deepEqual(listed.statement(db, { ids }), statement(db.selectFrom('events').select('id').where('id', 'in', ids)));
      // A field spliced into the text (here as a column alias) cannot be refilled: no template.
      const aliased = createTemplate((d: Kysely<Database>, r: { name: string }) =>
        d.selectFrom('cursors').select(`position as ${r.name}` as 'position'),
      );
      assert.equal(
        aliased.statement(db, { name: 'p1' }).sql,
        statement(db.selectFrom('cursors').select('position as p1' as 'position')).sql,
      );
      assert.equal(
        aliased.statement(db, { name: 'p2' }).sql,
        statement(db.selectFrom('cursors').select('position as p2' as 'position')).sql,
      );
    });
  }
});
