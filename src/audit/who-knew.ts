import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../store/tables.js';
import type { AuditRow } from './audit-chain.js';
import { fromDb } from './audit-store.js';

type Db = Kysely<Database>;

/** Why an entry concerns the account: it is the subject, the detail names it, or it is about an object that names it. */
export type WhoKnewReason = 'subject' | 'target' | 'named' | `via:${string}`;

export interface WhoKnewRow extends AuditRow {
  reason: WhoKnewReason;
}

export interface WhoKnewResult {
  /** Whether Warden holds the account at all (an unknown id is most often a typo). */
  known: boolean;
  entries: WhoKnewRow[];
}

/** A LIKE pattern for `"id"` inside stored JSON: the id as a JSON string, wildcards escaped. */
const jsonStringLike = (id: string) => `%${JSON.stringify(id).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const likeJson = (col: string, id: string) => sql<SqlBool>`${sql.ref(col)} like ${jsonStringLike(id)} escape '\\'`;

/** True when a JSON value holds `id` as a string anywhere: LIKE is only a prefilter (SQLite's is case-blind). */
function names(json: string | null, id: string): boolean {
  if (json === null) return false;
  const walk = (v: unknown): boolean =>
    typeof v === 'string'
      ? v === id
      : Array.isArray(v)
        ? v.some(walk)
        : v !== null && typeof v === 'object'
          ? Object.values(v).some(walk)
          : false;
  try {
    return walk(JSON.parse(json));
  } catch {
    return false;
  }
}

/**
 * Every moment Warden or a person learned something about an account, and what was done.
 * An entry concerns the account when it is the entry's subject or target, when its detail
 * names the account (a listed page, a related account), or when it is about an object that
 * names the account: a case whose alerts name it (the child an adult contacted), that
 * case's reports, evidence and actions, and the alerts themselves. A query over what is
 * stored, so entries written before this existed are covered too.
 */
export async function whoKnew(db: Db, accountId: string): Promise<WhoKnewResult> {
  const known = (await db.selectFrom('accounts').select('id').where('id', '=', accountId).executeTakeFirst()) !== undefined;

  // The objects that name the account, by audit target type.
  const alerts = (
    await db
      .selectFrom('alerts')
      .select(['id', 'subject_account', 'body'])
      .where((eb) => eb.or([eb('subject_account', '=', accountId), likeJson('body', accountId)]))
      .execute()
  ).filter((a) => a.subject_account === accountId || names(a.body, accountId));
  const alertIds = alerts.map((a) => a.id);
  const caseIds = new Set((await db.selectFrom('cases').select('id').where('subject_account', '=', accountId).execute()).map((c) => c.id));
  for (let i = 0; i < alertIds.length; i += 500) {
    for (const c of await db
      .selectFrom('case_alerts')
      .select('case_id')
      .where('alert_id', 'in', alertIds.slice(i, i + 500))
      .execute())
      caseIds.add(c.case_id);
  }
  const cases = [...caseIds];
  const inCases = <T extends 'cybertip_reports' | 'evidence_packages' | 'actions'>(
    eb: ExpressionBuilder<Database, T>,
  ): Expression<SqlBool>[] =>
    cases.length > 0 ? [(eb as ExpressionBuilder<Database, 'actions'>)('case_id', 'in', cases) as Expression<SqlBool>] : [];
  const reports = (
    await db
      .selectFrom('cybertip_reports')
      .select('id')
      .where((eb) => eb.or([eb('subject_account', '=', accountId), ...inCases(eb)]))
      .execute()
  ).map((r) => r.id);
  const evidence = (
    await db
      .selectFrom('evidence_packages')
      .select('id')
      .where((eb) => eb.or([eb('subject_account', '=', accountId), ...inCases(eb)]))
      .execute()
  ).map((r) => r.id);
  const actions = (
    await db
      .selectFrom('actions')
      .select('id')
      .where((eb) => eb.or([eb('subject_account', '=', accountId), ...inCases(eb)]))
      .execute()
  ).map((r) => r.id);
  const related = new Map<string, string>(); // object id -> its target type
  for (const id of alertIds) related.set(id, 'alert');
  for (const id of cases) related.set(id, 'case');
  for (const id of reports) related.set(id, 'cybertip_report');
  for (const id of evidence) related.set(id, 'evidence');
  for (const id of actions) related.set(id, 'action');

  const out = new Map<number, WhoKnewRow>();
  const add = (rows: Database['audit_log'][], reasonOf: (r: AuditRow) => WhoKnewReason | undefined) => {
    for (const raw of rows) {
      if (out.has(raw.seq)) continue;
      const r = fromDb(raw);
      const reason = reasonOf(r);
      if (reason) out.set(r.seq, { ...r, reason });
    }
  };
  add(await db.selectFrom('audit_log').selectAll().where('subject_account', '=', accountId).execute(), () => 'subject');
  add(await db.selectFrom('audit_log').selectAll().where('target_id', '=', accountId).execute(), () => 'target');
  add(await db.selectFrom('audit_log').selectAll().where(likeJson('detail', accountId)).execute(), (r) =>
    names(r.detail, accountId) ? 'named' : undefined,
  );
  const ids = [...related.keys()];
  for (let i = 0; i < ids.length; i += 200) {
    const chunk = ids.slice(i, i + 200);
    add(await db.selectFrom('audit_log').selectAll().where('target_id', 'in', chunk).execute(), (r) =>
      r.targetId && related.get(r.targetId) === r.targetType ? `via:${r.targetType}:${r.targetId}` : undefined,
    );
    // A listed page names its objects in the detail (`ids`, `alertIds`).
    add(
      await db
        .selectFrom('audit_log')
        .selectAll()
        .where((eb) => eb.or(chunk.map((id) => likeJson('detail', id))))
        .execute(),
      (r) => {
        const hit = chunk.find((id) => names(r.detail, id));
        return hit ? `via:${related.get(hit)}:${hit}` : undefined;
      },
    );
  }
  return { known, entries: [...out.values()].sort((a, b) => a.seq - b.seq) };
}
