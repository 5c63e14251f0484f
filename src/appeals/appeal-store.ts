import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { statement, type Statement } from '../store/write-set.js';

/** An appeal (migration 0050): the platform's filing and the reviewer's answer. */
export interface AppealsTable {
  id: string;
  platform_appeal_id: string;
  subject_account: string;
  case_id: string | null;
  action_id: string | null;
  statement: string;
  /** SHA-256 of the filing as received: a second filing under the same id must say the same. */
  body_sha256: string;
  filed_ms: number;
  received_ms: number;
  status: string;
  decided_by: string | null;
  decided_ms: number | null;
  decision_reason: string | null;
}

type Db = Kysely<Database>;

/** Keyed by the platform's id: a retried filing adds nothing (the caller reads the first back). */
export const insertAppeal = (db: Db, row: AppealsTable): Statement =>
  statement(
    db
      .insertInto('appeals')
      .values(row)
      .onConflict((oc) => oc.column('platform_appeal_id').doNothing()),
  );

/** Only an open appeal is decided: a second decision, racing the first, changes nothing. */
export const decideAppeal = (db: Db, id: string, status: 'upheld' | 'reversed', by: string, reason: string, nowMs: number): Statement =>
  statement(
    db
      .updateTable('appeals')
      .set({ status, decided_by: by, decided_ms: nowMs, decision_reason: reason })
      .where('id', '=', id)
      .where('status', '=', 'open'),
  );

export const findAppeal = (db: Db, id: string) => db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst();

export const appealByPlatformId = (db: Db, platformId: string) =>
  db.selectFrom('appeals').selectAll().where('platform_appeal_id', '=', platformId).executeTakeFirst();

export interface AppealFilter {
  status?: string | undefined;
  caseId?: string | undefined;
  after?: string | undefined;
  limit: number;
}

/**
 * Appeals oldest first (the queue's order), by id for paging. SECURITY: with `hideRestricted`,
 * none on a restricted case (known image, decoy): they name its subject (core/restricted.ts).
 */
export function listAppeals(db: Db, f: AppealFilter, opts: { hideRestricted: boolean }) {
  let q = db.selectFrom('appeals').selectAll('appeals');
  if (f.status) q = q.where('appeals.status', '=', f.status);
  if (f.caseId) q = q.where('appeals.case_id', '=', f.caseId);
  if (f.after) q = q.where('appeals.id', '>', f.after);
  if (opts.hideRestricted)
    q = q
      .leftJoin('cases', 'cases.id', 'appeals.case_id')
      .where((eb) => eb.or([eb('cases.restricted', 'is', null), eb('cases.restricted', '=', 0)]));
  return q.orderBy('appeals.id').limit(f.limit).execute();
}

export async function openAppealCount(db: Db): Promise<number> {
  const r = await db
    .selectFrom('appeals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
