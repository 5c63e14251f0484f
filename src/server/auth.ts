import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { AppError } from '../core/app-error.js';
import type { Database } from '../store/tables.js';
import { findApiKey, hashKey, type ApiKeyRecord, type Role } from './api-key-store.js';
import { roleAllows, rolesHeldBy } from './role-matrix.js';

export interface Principal {
  keyId: string;
  name: string;
  role: Role;
}

/** Every role the key holds, its own and those it includes (role-matrix.ts): what data-level checks read. */
export const heldRoles = (p: Principal): Role[] => [...rolesHeldBy(p.role)];

export interface Authenticator {
  authenticate(req: FastifyRequest): Promise<Principal>;
  /** Throws `forbidden` unless the principal holds one of the roles, itself or through ROLE_INCLUDES (admin holds all). */
  require(principal: Principal, roles: readonly Role[]): void;
}

/**
 * Bearer API keys. Verified keys are cached for `ttlMs` so the gate's hot path does not
 * query the store; a key revoked with `warden keys revoke` stops working within that time.
 */
export function createAuthenticator(db: Kysely<Database>, opts: { ttlMs?: number; now?: () => number } = {}): Authenticator {
  const ttlMs = opts.ttlMs ?? 30_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { record: ApiKeyRecord; until: number }>();

  function keyFrom(req: FastifyRequest): string | undefined {
    const auth = req.headers.authorization;
    if (typeof auth === 'string') {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      return m?.[1];
    }
    const header = req.headers['x-api-key'];
    return typeof header === 'string' ? header : undefined;
  }

  return {
    async authenticate(req) {
      const key = keyFrom(req);
      if (!key) throw new AppError('unauthenticated', 'send an API key as "Authorization: Bearer <key>"');
      const digest = hashKey(key);
      let entry = cache.get(digest);
      if (!entry || entry.until < now()) {
        const record = await findApiKey(db, key);
        if (!record) {
          cache.delete(digest);
          throw new AppError('unauthenticated', 'the API key is not valid');
        }
        entry = { record, until: now() + ttlMs };
        if (cache.size > 10_000) cache.clear();
        cache.set(digest, entry);
      }
      if (entry.record.revokedMs !== null) throw new AppError('unauthenticated', 'the API key has been revoked');
      return { keyId: entry.record.id, name: entry.record.name, role: entry.record.role };
    },
    require(principal, roles) {
      if (roleAllows(principal.role, roles)) return;
      throw new AppError('forbidden', `this endpoint needs the ${roles.join(' or ')} role; the key has ${principal.role}`);
    },
  };
}
