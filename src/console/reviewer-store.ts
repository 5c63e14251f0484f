import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '../core/app-error.js';
import { newId } from '../core/ids.js';
import type { Database } from '../store/tables.js';
import { statement, type Statement } from '../store/write-set.js';
import { hashPassword } from './password.js';

/** Console roles. `child_safety` sees known-image cases and their media; `legal` reads evidence (reporting). */
export const REVIEWER_ROLES = ['reviewer', 'child_safety', 'legal', 'admin'] as const;

export const ReviewerInputSchema = z.strictObject({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'must be 2-64 lowercase letters, digits, . _ -'),
  displayName: z.string().min(1).max(100),
  roles: z.array(z.enum(REVIEWER_ROLES)).min(1),
  password: z.string().min(12, 'must be at least 12 characters').max(1024),
});

export interface Reviewer {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  disabled: boolean;
}

const toReviewer = (r: Database['reviewers']): Reviewer => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  roles: r.roles.split(','),
  disabled: r.disabled_ms !== null,
});

export async function createReviewer(
  db: Kysely<Database>,
  input: z.output<typeof ReviewerInputSchema>,
  nowMs = Date.now(),
): Promise<Reviewer> {
  const exists = await db.selectFrom('reviewers').select('id').where('username', '=', input.username).executeTakeFirst();
  if (exists) throw new AppError('conflict', `a reviewer named ${input.username} exists`);
  const row = {
    id: newId('rev', nowMs),
    username: input.username,
    display_name: input.displayName,
    password_hash: await hashPassword(input.password),
    roles: [...new Set(input.roles)].join(','),
    created_ms: nowMs,
    disabled_ms: null,
  };
  await db.insertInto('reviewers').values(row).execute();
  return toReviewer(row);
}

export async function findReviewer(
  db: Kysely<Database>,
  by: { id: string } | { username: string },
): Promise<(Reviewer & { passwordHash: string }) | undefined> {
  const q = db.selectFrom('reviewers').selectAll();
  const row = await ('id' in by ? q.where('id', '=', by.id) : q.where('username', '=', by.username)).executeTakeFirst();
  return row ? { ...toReviewer(row), passwordHash: row.password_hash } : undefined;
}

export async function listReviewers(db: Kysely<Database>): Promise<Reviewer[]> {
  return (await db.selectFrom('reviewers').selectAll().orderBy('username').execute()).map(toReviewer);
}

/** Disabling also ends every session of the reviewer. */
export async function disableReviewer(db: Kysely<Database>, username: string, nowMs = Date.now()): Promise<boolean> {
  const r = await db
    .updateTable('reviewers')
    .set({ disabled_ms: nowMs })
    .where('username', '=', username)
    .where('disabled_ms', 'is', null)
    .executeTakeFirst();
  const reviewer = await findReviewer(db, { username });
  if (reviewer) await db.deleteFrom('console_sessions').where('reviewer_id', '=', reviewer.id).execute();
  return Number(r.numUpdatedRows) > 0;
}

/** How many media items the reviewer revealed on `day` (YYYY-MM-DD, UTC). */
export async function revealsOn(db: Kysely<Database>, reviewerId: string, day: string): Promise<number> {
  const r = await db
    .selectFrom('reviewer_exposure')
    .select('reveals')
    .where('reviewer_id', '=', reviewerId)
    .where('day', '=', day)
    .executeTakeFirst();
  return r?.reveals ?? 0;
}

/** One more reveal on the reviewer's day, committed with the reveal's audit entry. */
export const countReveal = (db: Kysely<Database>, reviewerId: string, day: string): Statement =>
  statement(
    db
      .insertInto('reviewer_exposure')
      .values({ reviewer_id: reviewerId, day, reveals: 1 })
      .onConflict((oc) => oc.columns(['reviewer_id', 'day']).doUpdateSet((eb) => ({ reveals: eb('reviewer_exposure.reveals', '+', 1) }))),
  );
