import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';

export interface Session {
  reviewerId: string;
  csrf: string;
  expiresMs: number;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * SECURITY: the cookie carries 256 random bits; the store keeps only their SHA-256, so a
 * copy of the database does not hand out live sessions. Each session has its own CSRF
 * token, sent back in a header or form field with every change.
 */
export async function createSession(
  db: Kysely<Database>,
  reviewerId: string,
  nowMs: number,
  ttlMs: number,
): Promise<{ token: string; session: Session }> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await db.deleteFrom('console_sessions').where('expires_ms', '<', nowMs).execute();
  await db
    .insertInto('console_sessions')
    .values({ id_hash: digest(token), reviewer_id: reviewerId, csrf, created_ms: nowMs, expires_ms: nowMs + ttlMs })
    .execute();
  return { token, session: { reviewerId, csrf, expiresMs: nowMs + ttlMs } };
}

export async function findSession(db: Kysely<Database>, token: string, nowMs: number): Promise<Session | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const row = await db.selectFrom('console_sessions').selectAll().where('id_hash', '=', digest(token)).executeTakeFirst();
  if (!row || row.expires_ms <= nowMs) return undefined;
  return { reviewerId: row.reviewer_id, csrf: row.csrf, expiresMs: row.expires_ms };
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('console_sessions').where('id_hash', '=', digest(token)).execute();
}
