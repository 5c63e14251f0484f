import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { newId } from '../core/ids.js';
import type { Database } from '../store/tables.js';

/**
 * `child_safety`: a reviewer trained for known abuse imagery, who also sees those cases and
 * their media. `legal`: reads evidence and reports. `admin` holds every role.
 */
export const ROLES = ['ingest', 'decide', 'reviewer', 'child_safety', 'legal', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

export const KEY_PREFIX = 'wdn_';

/**
 * SECURITY: keys are stored as SHA-256 digests, never in the clear. A slow password hash
 * is not needed: a key is 256 random bits, beyond guessing, and the gate checks one per
 * request at tens of thousands a second.
 */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export interface ApiKeyRecord {
  id: string;
  name: string;
  role: Role;
  createdMs: number;
  revokedMs: number | null;
}

export async function createApiKey(
  db: Kysely<Database>,
  name: string,
  role: Role,
  nowMs = Date.now(),
): Promise<{ record: ApiKeyRecord; key: string }> {
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  const id = newId('key', nowMs);
  await db
    .insertInto('api_keys')
    .values({ id, name, role, key_hash: hashKey(key), created_ms: nowMs, revoked_ms: null })
    .execute();
  return { record: { id, name, role, createdMs: nowMs, revokedMs: null }, key };
}

export async function findApiKey(db: Kysely<Database>, key: string): Promise<ApiKeyRecord | undefined> {
  const row = await db.selectFrom('api_keys').selectAll().where('key_hash', '=', hashKey(key)).executeTakeFirst();
  if (!row) return undefined;
  return { id: row.id, name: row.name, role: row.role as Role, createdMs: row.created_ms, revokedMs: row.revoked_ms };
}

export async function listApiKeys(db: Kysely<Database>): Promise<ApiKeyRecord[]> {
  const rows = await db.selectFrom('api_keys').selectAll().orderBy('created_ms').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role as Role, createdMs: r.created_ms, revokedMs: r.revoked_ms }));
}

export async function revokeApiKey(db: Kysely<Database>, id: string, nowMs = Date.now()): Promise<boolean> {
  const res = await db
    .updateTable('api_keys')
    .set({ revoked_ms: nowMs })
    .where('id', '=', id)
    .where('revoked_ms', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
