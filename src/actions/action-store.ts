import { RESTRICTED_CATEGORIES } from '../core/restricted.js';
import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { createTemplate } from '../store/statement-template.js';
import { statement, type Statement } from '../store/write-set.js';

/*
 * The actions capability's table (the webhook outbox) and every query on it. Changes come
 * back as Statements for the engine to commit with their audit entries. Each update of a
 * delivery outcome holds `status = 'pending'` (or `'failed'` for a retry) in its condition,
 * so an outcome that arrives after the row moved on changes nothing.
 */

export interface ActionsTable {
  id: string;
  dedupe_key: string;
  type: string;
  mode: string;
  status: string;
  subject_account: string;
  case_id: string | null;
  alert_id: string | null;
  rule_id: string | null;
  policy_version: number | null;
  params: string;
  attempts: number;
  next_attempt_ms: number;
  last_error: string | null;
  created_ms: number;
  delivered_ms: number | null;
}

type Db = Kysely<Database>;

// Compiled once (statement-template.ts): rule intake and the outbox make these per action.
const insertActionQuery = createTemplate((db: Db, row: ActionsTable) =>
  db
    .insertInto('actions')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing()),
);
const markDeliveredQuery = createTemplate((db: Db, p: { id: string; attempts: number; nowMs: number }) =>
  db
    .updateTable('actions')
    .set({ status: 'delivered', attempts: p.attempts, delivered_ms: p.nowMs, last_error: null })
    .where('id', '=', p.id)
    .where('status', '=', 'pending'),
);

/** Keyed by origin, rule and type: planning the same alert twice (after a crash) adds nothing. */
export const insertAction = (db: Db, row: ActionsTable): Statement => insertActionQuery.statement(db, row);

export const markDelivered = (db: Db, id: string, attempts: number, nowMs: number): Statement =>
  markDeliveredQuery.statement(db, { id, attempts, nowMs });

export const markFailed = (db: Db, id: string, attempts: number, error: string): Statement =>
  statement(
    db.updateTable('actions').set({ status: 'failed', attempts, last_error: error }).where('id', '=', id).where('status', '=', 'pending'),
  );

export const scheduleRetry = (db: Db, id: string, attempts: number, nextAttemptMs: number, error: string): Statement =>
  statement(
    db
      .updateTable('actions')
      .set({ attempts, next_attempt_ms: nextAttemptMs, last_error: error })
      .where('id', '=', id)
      .where('status', '=', 'pending'),
  );

/** A failed action back into the outbox, attempts reset. */
export const requeueFailed = (db: Db, id: string, nowMs: number): Statement =>
  statement(
    db
      .updateTable('actions')
      .set({ status: 'pending', attempts: 0, next_attempt_ms: nowMs, last_error: null })
      .where('id', '=', id)
      .where('status', '=', 'failed'),
  );

/** A pending action out of the outbox: the dispatcher takes pending rows only, so it is never sent. */
export const cancelPending = (db: Db, id: string, reason: string): Statement =>
  statement(
    db.updateTable('actions').set({ status: 'cancelled', last_error: reason }).where('id', '=', id).where('status', '=', 'pending'),
  );

export const actionRow = (db: Db, id: string) => db.selectFrom('actions').selectAll().where('id', '=', id).executeTakeFirst();

/** Whether another live action, pending or delivered, on the account is of one of `types` (it still holds the gate flag). */
export async function otherLiveOfTypes(db: Db, accountId: string, types: readonly string[], exceptIds: readonly string[]) {
  if (types.length === 0) return false;
  let q = db
    .selectFrom('actions')
    .select('id')
    .where('subject_account', '=', accountId)
    .where('mode', '=', 'live')
    .where('status', 'in', ['pending', 'delivered'])
    .where('type', 'in', [...types]);
  if (exceptIds.length > 0) q = q.where('id', 'not in', [...exceptIds]);
  return (await q.limit(1).executeTakeFirst()) !== undefined;
}

// Compiled once (statement-template.ts): the outbox asks for its next batch every round.
export const dueActionsQuery = createTemplate((db: Db, p: { nowMs: number; limit: number }) =>
  db
    .selectFrom('actions')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_ms', '<=', p.nowMs)
    .orderBy('next_attempt_ms')
    .orderBy('id')
    .limit(p.limit),
);

/** The outbox's next batch: pending and due, oldest due first. */
export const dueActions = async (db: Db, nowMs: number, limit: number): Promise<ActionsTable[]> =>
  (await db.executeQuery<ActionsTable>(dueActionsQuery.compiled(db, { nowMs, limit }))).rows;

export const findAction = (db: Db, id: string) =>
  db.selectFrom('actions').select(['id', 'status', 'subject_account', 'type']).where('id', '=', id).executeTakeFirst();

export const actionsForCase = (db: Db, caseId: string, limit: number) =>
  db.selectFrom('actions').selectAll().where('case_id', '=', caseId).orderBy('created_ms').orderBy('id').limit(limit).execute();

export interface ActionFilter {
  status?: string | undefined;
  subject?: string | undefined;
  caseId?: string | undefined;
  /** The last id of the previous page. */
  after?: string | undefined;
  limit: number;
}

export function listActions(db: Db, f: ActionFilter, opts: { hideRestricted?: boolean } = {}) {
  let sel = db.selectFrom('actions').selectAll('actions');
  if (f.status) sel = sel.where('actions.status', '=', f.status);
  if (f.subject) sel = sel.where('actions.subject_account', '=', f.subject);
  if (f.caseId) sel = sel.where('actions.case_id', '=', f.caseId);
  if (f.after) sel = sel.where('actions.id', '>', f.after);
  if (opts.hideRestricted) {
    // SECURITY: an action on a known-image case or alert names its subject, case and alert: not for a viewer without the role (core/restricted.ts).
    sel = sel
      .leftJoin('cases', 'cases.id', 'actions.case_id')
      .leftJoin('alerts', 'alerts.id', 'actions.alert_id')
      .where((eb) => eb.or([eb('cases.restricted', 'is', null), eb('cases.restricted', '=', 0)]))
      .where((eb) => eb.or([eb('alerts.category', 'is', null), eb('alerts.category', 'not in', [...RESTRICTED_CATEGORIES])]));
  }
  return sel.orderBy('actions.id').limit(f.limit).execute();
}

export async function failedActionCount(db: Db): Promise<number> {
  const r = await db
    .selectFrom('actions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Actions with a status, newest first, for the console; actions of restricted cases only when `restricted`. */
export function actionsWithStatus(db: Db, status: string, restricted: boolean, limit: number) {
  let q = db
    .selectFrom('actions')
    .leftJoin('cases', 'cases.id', 'actions.case_id')
    .select([
      'actions.id',
      'actions.type',
      'actions.subject_account',
      'actions.attempts',
      'actions.last_error',
      'actions.created_ms',
      'actions.case_id',
    ])
    .where('actions.status', '=', status);
  if (!restricted) q = q.where((eb) => eb.or([eb('cases.restricted', 'is', null), eb('cases.restricted', '=', 0)]));
  return q.orderBy('actions.created_ms', 'desc').limit(limit).execute();
}

/** Actions by status, for the outbox bench's summary. */
export const actionStatusCounts = (db: Db) =>
  db
    .selectFrom('actions')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
