import { sql, type Kysely } from 'kysely';
import { actionsForCase } from '../actions/action-store.js';
import { AlertSchema, type Alert } from '../alerts/alert-schema.js';
import { AppError } from '../core/app-error.js';
import { RESTRICTED_CATEGORIES } from '../core/restricted.js';
import type { Database } from '../store/tables.js';
import { createTemplate } from '../store/statement-template.js';
import type { Statement } from '../store/write-set.js';
import { canSeeRestricted, caseView, type CaseStatus, type CaseView, type Viewer } from './case-model.js';

/*
 * The cases capability's tables and every query on them. Reads run here; changes come
 * back as Statements for the engine to commit with their history rows and audit entries.
 */

export interface CasesTable {
  id: string;
  subject_account: string;
  status: string;
  priority: number;
  queue: string;
  restricted: number;
  escalated: number;
  categories: string;
  alert_count: number;
  opened_ms: number;
  updated_ms: number;
  due_ms: number;
  claimed_by: string | null;
  claim_expires_ms: number | null;
  outcome: string | null;
  outcome_category: string | null;
  outcome_reason: string | null;
  closed_ms: number | null;
  closed_by: string | null;
}

export interface CaseAlertsTable {
  alert_id: string;
  case_id: string;
  added_ms: number;
}

export interface CaseHistoryTable {
  id: string;
  case_id: string;
  ts_ms: number;
  actor: string;
  change: string;
  detail: string | null;
}

type Db = Kysely<Database>;

export const findCase = (db: Db, id: string) => db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();

// Compiled once (statement-template.ts): intake makes these per alert.
export const openCaseQuery = createTemplate((db: Db, p: { subject: string }) =>
  db.selectFrom('cases').selectAll().where('subject_account', '=', p.subject).where('status', '!=', 'closed').orderBy('opened_ms', 'desc'),
);
const insertCaseQuery = createTemplate((db: Db, c: CasesTable) => db.insertInto('cases').values(c));
const updateCaseQuery = createTemplate((db: Db, c: CasesTable) => {
  const { id, subject_account: _subject, opened_ms: _opened, ...rest } = c;
  return db.updateTable('cases').set(rest).where('id', '=', id);
});
const insertHistoryQuery = createTemplate((db: Db, row: CaseHistoryTable) => db.insertInto('case_history').values(row));
const linkAlertQuery = createTemplate((db: Db, row: CaseAlertsTable) =>
  db
    .insertInto('case_alerts')
    .values(row)
    .onConflict((oc) => oc.column('alert_id').doNothing()),
);

/** The subject's newest case that is not closed: where a new alert about them joins. */
export const openCaseOf = async (db: Db, subject: string): Promise<CasesTable | undefined> =>
  (await db.executeQuery<CasesTable>(openCaseQuery.compiled(db, { subject }))).rows[0];

export const insertCase = (db: Db, c: CasesTable): Statement => insertCaseQuery.statement(db, c);

/** Writes every column but the key and the opening fields (subject, opened time), which never change. */
export const updateCase = (db: Db, c: CasesTable): Statement => updateCaseQuery.statement(db, c);

export const insertHistory = (db: Db, row: CaseHistoryTable): Statement => insertHistoryQuery.statement(db, row);

/** An alert joins a case once; an alert handled again after a crash adds nothing. */
export const linkAlert = (db: Db, alertId: string, caseId: string, nowMs: number): Statement =>
  linkAlertQuery.statement(db, { alert_id: alertId, case_id: caseId, added_ms: nowMs });

/** The bodies of the alerts a case cites (what a reviewer may reveal media from). */
export async function caseAlertBodies(db: Db, caseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('case_alerts')
    .innerJoin('alerts', 'alerts.id', 'case_alerts.alert_id')
    .select('alerts.body')
    .where('case_alerts.case_id', '=', caseId)
    .execute();
  return rows.map((r) => r.body);
}

export interface CaseFilter {
  status?: CaseStatus | undefined;
  queue?: string | undefined;
  priority?: number | undefined;
  subject?: string | undefined;
  /** Queues left out: those routed to teams the viewer is not in (team-routing.ts). */
  excludeQueues?: readonly string[] | undefined;
  limit: number;
  cursor?: string | undefined;
}

type Key = [number, number, string];

const encodeCursor = (k: Key) => Buffer.from(JSON.stringify(k)).toString('base64url');
function decodeCursor(c: string): Key {
  try {
    const k = JSON.parse(Buffer.from(c, 'base64url').toString()) as unknown;
    if (Array.isArray(k) && k.length === 3 && typeof k[0] === 'number' && typeof k[1] === 'number' && typeof k[2] === 'string')
      return k as Key;
  } catch {
    // fall through
  }
  throw new AppError('invalid_input', 'cursor is not one this API returned', {
    issues: [{ field: 'cursor', reason: 'is not a cursor this API returned' }],
  });
}

/**
 * A page of a queue, most urgent first: priority, then SLA due time. Keyset paging on
 * (priority, due, id), which the queue indexes hold in that order, so page 1 and page
 * 5,000 cost the same. Restricted cases are left out for viewers without the role.
 */
export async function listCases(
  db: Kysely<Database>,
  f: CaseFilter,
  viewer: Viewer,
  nowMs: number,
): Promise<{ cases: CaseView[]; nextCursor: string | null }> {
  let q = db
    .selectFrom('cases')
    .selectAll()
    .where('status', '=', f.status ?? 'open');
  if (!canSeeRestricted(viewer)) q = q.where('restricted', '=', 0);
  if (f.queue) q = q.where('queue', '=', f.queue);
  if (f.priority !== undefined) q = q.where('priority', '=', f.priority);
  if (f.subject) q = q.where('subject_account', '=', f.subject);
  if (f.excludeQueues?.length) q = q.where('queue', 'not in', [...f.excludeQueues]);
  if (f.cursor) {
    const [p, due, id] = decodeCursor(f.cursor);
    q = q.where((eb) =>
      eb.or([
        eb('priority', '>', p),
        eb.and([eb('priority', '=', p), eb('due_ms', '>', due)]),
        eb.and([eb('priority', '=', p), eb('due_ms', '=', due), eb('id', '>', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('priority')
    .orderBy('due_ms')
    .orderBy('id')
    .limit(f.limit + 1)
    .execute();
  const more = rows.length > f.limit;
  const page = more ? rows.slice(0, f.limit) : rows;
  const last = page[page.length - 1];
  return {
    cases: page.map((r) => caseView(r, nowMs)),
    nextCursor: more && last ? encodeCursor([last.priority, last.due_ms, last.id]) : null,
  };
}

export interface QueueCount {
  queue: string;
  priority: number;
  open: number;
  overdue: number;
}

export async function queueCounts(db: Kysely<Database>, viewer: Viewer, nowMs: number): Promise<QueueCount[]> {
  let q = db
    .selectFrom('cases')
    .select((eb) => [
      'queue',
      'priority',
      eb.fn.countAll<number>().as('open'),
      eb.fn.sum<number>(eb.case().when('due_ms', '<', nowMs).then(1).else(0).end()).as('overdue'),
    ])
    .where('status', '=', 'open');
  if (!canSeeRestricted(viewer)) q = q.where('restricted', '=', 0);
  const rows = await q.groupBy(['queue', 'priority']).orderBy('priority').orderBy('queue').execute();
  return rows.map((r) => ({ queue: r.queue, priority: r.priority, open: Number(r.open), overdue: Number(r.overdue ?? 0) }));
}

export interface CaseDetail {
  alerts: Alert[];
  history: { ts: string; actor: string; change: string; detail: unknown }[];
  actions: {
    id: string;
    type: string;
    mode: string;
    status: string;
    ruleId: string | null;
    attempts: number;
    lastError: string | null;
    createdAt: string;
    /** When the platform's webhook accepted it (2xx); null while pending or failed. */
    deliveredAt: string | null;
  }[];
}

export async function caseDetail(db: Kysely<Database>, caseId: string): Promise<CaseDetail> {
  const alertRows = await db
    .selectFrom('case_alerts')
    .innerJoin('alerts', 'alerts.id', 'case_alerts.alert_id')
    .select(['alerts.body'])
    .where('case_alerts.case_id', '=', caseId)
    .orderBy('case_alerts.added_ms')
    .orderBy('alerts.id')
    .limit(500)
    .execute();
  const history = await db
    .selectFrom('case_history')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('ts_ms')
    .orderBy('id')
    .limit(1000)
    .execute();
  const actions = await actionsForCase(db, caseId, 500);
  return {
    alerts: alertRows.map((r) => AlertSchema.parse(JSON.parse(r.body))),
    history: history.map((h) => ({
      ts: new Date(h.ts_ms).toISOString(),
      actor: h.actor,
      change: h.change,
      detail: h.detail ? JSON.parse(h.detail) : null,
    })),
    actions: actions.map((a) => ({
      id: a.id,
      type: a.type,
      mode: a.mode,
      status: a.status,
      ruleId: a.rule_id,
      attempts: a.attempts,
      lastError: a.last_error,
      createdAt: new Date(a.created_ms).toISOString(),
      deliveredAt: a.delivered_ms === null ? null : new Date(a.delivered_ms).toISOString(),
    })),
  };
}

// The case read model's queries (case-data.ts): the events a case cites, and its subject's context.

export const eventsByIds = (db: Db, ids: readonly string[]) =>
  db.selectFrom('events').select(['id', 'seq', 'type', 'ts_ms', 'body']).where('id', 'in', ids).execute();

/** Messages in a window of the event log by sequence (the primary key): no conversation index to cost ingest. */
export const messagesInSeqRange = (db: Db, fromSeq: number, toSeq: number) =>
  db
    .selectFrom('events')
    .select(['id', 'seq', 'type', 'ts_ms', 'body'])
    .where('seq', '>=', fromSeq)
    .where('seq', '<=', toSeq)
    .where('type', '=', 'message.sent')
    .execute();

export const eventBody = (db: Db, eventId: string) => db.selectFrom('events').select('body').where('id', '=', eventId).executeTakeFirst();

export const accountRow = (db: Db, accountId: string) =>
  db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirst();

const count = async (db: Db, q: ReturnType<typeof sql<{ n: number | string }>>) => Number((await q.execute(db)).rows[0]?.n ?? 0);

/** Distinct minors with an active connection to the account; `cutoff` is the birth date 18 years before today. */
export const minorPeersOf = (db: Db, accountId: string, cutoff: string) =>
  count(
    db,
    sql<{ n: number | string }>`
    select count(distinct a.id) as n from connections c
    join accounts a on a.id = case when c.from_id = ${accountId} then c.to_id else c.from_id end
    where (c.from_id = ${accountId} or c.to_id = ${accountId}) and c.state = 'active'
      and (a.age_band in ('under13', '13-15', '16-17') or a.birth_date > ${cutoff})`,
  );

export const contactedMinorsOf = (db: Db, accountId: string) =>
  count(db, sql<{ n: number }>`select count(*) as n from contacts where from_id = ${accountId}`);

export const blockedByMinorsOf = (db: Db, accountId: string) =>
  count(db, sql<{ n: number }>`select count(*) as n from blocks where to_id = ${accountId} and by_minor = 1`);

export const reportedByMinorsOf = (db: Db, accountId: string) =>
  count(db, sql<{ n: number }>`select count(*) as n from reports where subject_account = ${accountId} and by_minor = 1`);

/** SECURITY: known-image alerts are counted only for a viewer who may see them (core/restricted.ts). */
export function priorAlertCounts(db: Db, accountId: string, seeRestricted: boolean) {
  let q = db
    .selectFrom('alerts')
    .select((eb) => ['category', eb.fn.countAll().as('n')])
    .where('subject_account', '=', accountId);
  if (!seeRestricted) q = q.where('category', 'not in', [...RESTRICTED_CATEGORIES]);
  return q.groupBy('category').execute();
}

/** The subject's last 20 closed cases but one; restricted ones only for a viewer who may see them. */
export const closedCasesOf = (db: Db, accountId: string, excludeCaseId: string, seeRestricted: boolean) =>
  db
    .selectFrom('cases')
    .$if(!seeRestricted, (q) => q.where('restricted', '=', 0))
    .select(['id', 'outcome', 'outcome_category', 'outcome_reason', 'closed_ms'])
    .where('subject_account', '=', accountId)
    .where('status', '=', 'closed')
    .where('id', '!=', excludeCaseId)
    .orderBy('closed_ms', 'desc')
    .limit(20)
    .execute();
