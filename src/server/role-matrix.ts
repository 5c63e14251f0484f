import type { FastifyInstance, RouteOptions } from 'fastify';
import { AppError } from '../core/app-error.js';
import { ROLES, type Role } from './api-key-store.js';
import type { Authenticator } from './auth.js';

/**
 * SECURITY: who may call what, written once. Every `/v1` route is listed here with the roles
 * named for it; `installRoleMatrix` checks each request against this table in `onRequest`,
 * before a byte of its body is read, and refuses to start a server with a `/v1` route the
 * table does not list. README.md's role table is generated from it (scripts/role-table.mjs)
 * and a test fails when the two drift.
 */

/** Roles that hold other roles: `child_safety` is a reviewer trained for known-image cases; `admin` holds every role. */
export const ROLE_INCLUDES: Readonly<Record<Role, readonly Role[]>> = {
  ingest: [],
  decide: [],
  reviewer: [],
  child_safety: ['reviewer'],
  legal: [],
  admin: ROLES.filter((r) => r !== 'admin'),
};

/** The role itself and every role it includes. */
export function rolesHeldBy(role: Role): ReadonlySet<Role> {
  const held = new Set<Role>([role]);
  for (const r of ROLE_INCLUDES[role]) for (const h of rolesHeldBy(r)) held.add(h);
  return held;
}

/** Whether a key with `role` may call a route open to `allowed`. */
export const roleAllows = (role: Role, allowed: readonly Role[]) => allowed.some((r) => rolesHeldBy(role).has(r));

/**
 * How much body a route takes: a byte count, `events` (server.bodyLimitBytes, the protocol's
 * batch limit), `media` (media.maxFileBytes) or `stream` (read as it arrives, capped by the
 * route itself). Set per route so a small JSON route never buffers a large upload.
 */
export type BodyLimit = number | 'events' | 'media' | 'stream';

export interface RouteAccess {
  /** The roles named for the route; a role that includes one of them may call it too. */
  roles: readonly Role[];
  /** For the docs. */
  does: string;
  body?: BodyLimit;
}

const KB = 1024;
const SMALL = 64 * KB;
const POLICY = 1024 * KB;

/** Keyed by `METHOD path` as Fastify registers the route. */
export const ROLE_MATRIX: Readonly<Record<string, RouteAccess>> = {
  'POST /v1/events': { roles: ['ingest'], does: 'send events', body: 'events' },
  'POST /v1/decisions': { roles: ['decide'], does: 'ask the inline gate', body: SMALL },
  'GET /v1/accounts/:id/risk': { roles: ['reviewer'], does: "an account's behaviour score" },
  'GET /v1/alerts': { roles: ['reviewer'], does: 'list alerts' },
  'GET /v1/alerts/:id': { roles: ['reviewer'], does: 'read an alert' },
  'POST /v1/hash': { roles: ['decide', 'reviewer'], does: 'hash media', body: 'media' },
  'POST /v1/match': { roles: ['decide', 'reviewer'], does: 'match media against banks', body: 'media' },
  'GET /v1/banks': { roles: ['reviewer'], does: 'list banks' },
  'POST /v1/banks': { roles: ['admin'], does: 'create a bank', body: SMALL },
  'GET /v1/banks/:id': { roles: ['reviewer'], does: 'read a bank' },
  'PATCH /v1/banks/:id': { roles: ['admin'], does: 'change a bank', body: SMALL },
  'GET /v1/banks/:id/entries': { roles: ['reviewer'], does: "list a bank's entries" },
  'POST /v1/banks/:id/entries': { roles: ['admin'], does: 'add bank entries', body: 64 * 1024 * KB },
  'DELETE /v1/banks/:id/entries/:entryId': { roles: ['admin'], does: 'remove a bank entry' },
  'POST /v1/banks/:id/entries/:entryId/quarantine': { roles: ['admin'], does: 'quarantine or restore an entry', body: SMALL },
  'POST /v1/banks/:id/import': { roles: ['admin'], does: 'import a hash list (streamed)', body: 'stream' },
  'GET /v1/banks/:id/export': { roles: ['reviewer'], does: 'export a hash list' },
  'GET /v1/admin/notices': { roles: ['admin'], does: 'operator notices' },
  'GET /v1/cases': { roles: ['reviewer'], does: 'list cases' },
  'GET /v1/cases/queues': { roles: ['reviewer'], does: 'queue counts' },
  'GET /v1/cases/:id': { roles: ['reviewer'], does: 'read a case' },
  'POST /v1/cases/:id/claim': { roles: ['reviewer'], does: 'claim a case', body: SMALL },
  'POST /v1/cases/:id/release': { roles: ['reviewer'], does: 'release a case', body: SMALL },
  'POST /v1/cases/:id/decision': { roles: ['reviewer'], does: 'decide a case', body: SMALL },
  'POST /v1/cases/:id/evidence': { roles: ['reviewer', 'legal'], does: 'preserve evidence for a case', body: SMALL },
  'POST /v1/cases/:id/report': { roles: ['child_safety', 'legal'], does: 'draft a CyberTipline report', body: SMALL },
  'GET /v1/rules': { roles: ['reviewer'], does: 'read the policy' },
  'PUT /v1/rules': { roles: ['admin'], does: 'replace the policy', body: POLICY },
  'POST /v1/rules/validate': { roles: ['reviewer'], does: 'check a policy', body: POLICY },
  'GET /v1/rules/versions': { roles: ['reviewer'], does: 'list policy versions' },
  'GET /v1/rules/versions/:version': { roles: ['reviewer'], does: 'read a policy version' },
  'GET /v1/actions': { roles: ['reviewer'], does: 'list actions' },
  'POST /v1/actions/:id/retry': { roles: ['admin'], does: 'retry a failed action', body: SMALL },
  'GET /v1/reports': { roles: ['child_safety', 'legal'], does: 'list reports' },
  'GET /v1/reports/:id': { roles: ['child_safety', 'legal'], does: 'read a report' },
  'PUT /v1/reports/:id': { roles: ['child_safety', 'legal'], does: 'edit a report draft', body: POLICY },
  'POST /v1/reports/:id/approve': { roles: ['child_safety', 'legal'], does: 'approve and submit a report', body: SMALL },
  'POST /v1/reports/:id/resolution': { roles: ['child_safety', 'legal'], does: 'record what NCMEC said of a stopped report', body: SMALL },
  'POST /v1/reports/:id/resolution/confirm': { roles: ['child_safety', 'legal'], does: "sign off another's resolution", body: SMALL },
  'POST /v1/reports/:id/resolution/decline': { roles: ['child_safety', 'legal'], does: 'send a resolution back', body: SMALL },
  'GET /v1/evidence': { roles: ['child_safety', 'legal'], does: 'list evidence packages' },
  'GET /v1/evidence/:id': { roles: ['child_safety', 'legal'], does: "read a package's manifest" },
  'GET /v1/evidence/:id/files/*': { roles: ['child_safety', 'legal'], does: 'read a preserved file' },
  'GET /v1/evidence/:id/verify': { roles: ['child_safety', 'legal'], does: 'verify a package' },
  'POST /v1/evidence/:id/hold': { roles: ['legal'], does: 'set or lift a legal hold', body: SMALL },
  'GET /v1/evidence/:id/export': { roles: ['legal'], does: 'export a signed package' },
  'PUT /v1/admin/decoys/:accountId': { roles: ['child_safety'], does: 'mark a decoy account', body: SMALL },
  'DELETE /v1/admin/decoys/:accountId': { roles: ['child_safety'], does: 'retire a decoy account' },
  'GET /v1/admin/decoys': { roles: ['child_safety'], does: 'list decoys and their exposure' },
  'GET /v1/transparency': { roles: ['child_safety', 'legal'], does: 'a transparency report (JSON, CSV, HTML)' },
  'GET /v1/transparency/statements': { roles: ['child_safety', 'legal'], does: 'DSA statements of reasons' },
  'GET /v1/exchanges': { roles: ['reviewer'], does: "hash exchanges' state" },
  'GET /v1/exchanges/:name': { roles: ['reviewer'], does: "a hash exchange's state" },
  'POST /v1/exchanges/:name/fetch': { roles: ['admin'], does: 'fetch a hash exchange now', body: SMALL },
  'POST /v1/actions/:id/cancel': { roles: ['child_safety'], does: 'cancel a pending action', body: SMALL },
  'POST /v1/cases/:id/actions': { roles: ['child_safety'], does: 'request an action the policy uses', body: SMALL },
  'POST /v1/appeals': { roles: ['ingest'], does: "file an account's appeal", body: SMALL },
  'GET /v1/appeals': { roles: ['reviewer'], does: 'list appeals' },
  'GET /v1/appeals/:id': { roles: ['reviewer'], does: 'read an appeal' },
  'POST /v1/appeals/:id/decision': { roles: ['reviewer'], does: 'uphold or reverse on appeal', body: SMALL },
  'GET /v1/hma/m/lookup': { roles: ['decide', 'reviewer'], does: 'HMA: look up a hash' },
  'POST /v1/hma/m/lookup': { roles: ['decide', 'reviewer'], does: 'HMA: look up a file', body: 'media' },
  'GET /v1/hma/m/raw_lookup': { roles: ['decide', 'reviewer'], does: 'HMA: raw hash lookup' },
  'GET /v1/hma/m/index/status': { roles: ['decide', 'reviewer'], does: 'HMA: index status' },
  'GET /v1/hma/c/banks': { roles: ['reviewer'], does: 'HMA: list banks' },
  'POST /v1/hma/c/banks': { roles: ['admin'], does: 'HMA: create a bank', body: SMALL },
  'GET /v1/hma/c/bank/:bank_name': { roles: ['reviewer'], does: 'HMA: read a bank' },
  'PUT /v1/hma/c/bank/:bank_name': { roles: ['admin'], does: 'HMA: change a bank', body: SMALL },
  'POST /v1/hma/c/bank/:bank_name/signal': { roles: ['admin'], does: 'HMA: add signals to a bank', body: SMALL },
  'GET /v1/hma/c/bank/:bank_name/content/:content_id': { roles: ['reviewer'], does: 'HMA: read bank content' },
  'DELETE /v1/hma/c/bank/:bank_name/content/:content_id': { roles: ['admin'], does: 'HMA: remove bank content' },
};

/** The access entry of a registered route; HEAD is answered by its GET route. */
export function routeAccess(method: string, url: string): RouteAccess | undefined {
  return ROLE_MATRIX[`${method === 'HEAD' ? 'GET' : method} ${url}`];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/**
 * Ties every `/v1` route to its row of the matrix (start-up fails for one that has none), sets
 * its body limit, and checks the key and its role in `onRequest`, which Fastify runs before
 * the body is read: a refused upload costs the server nothing but the socket.
 */
export function installRoleMatrix(
  app: FastifyInstance,
  auth: Authenticator,
  limits: { events: number; media: number; streamCap: number },
): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/v1/')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) {
      const access = routeAccess(m, route.url);
      if (!access) throw new AppError('internal', `route ${m} ${route.url} is not in the role matrix (src/server/role-matrix.ts)`);
      route.config = { ...(route.config as object), access } as typeof route.config;
      const b = access.body;
      route.bodyLimit =
        b === undefined ? SMALL : b === 'events' ? limits.events : b === 'media' ? limits.media : b === 'stream' ? limits.streamCap : b;
    }
  });

  // The answer goes out at once; Node then discards whatever of the body still arrives
  // (never buffered). Closing the connection instead would reset it under a client still
  // sending, and the client would lose the 401 or 403.
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/v1/')) return;
    req.principal = await auth.authenticate(req);
    const access = req.is404 ? undefined : req.routeOptions.config.access;
    if (!access) throw new AppError('not_found', `no route ${req.method} ${req.url.split('?')[0]!.slice(0, 200)}`);
    auth.require(req.principal, access.roles);
  });
}

/** README.md's role table, generated from the matrix (scripts/role-table.mjs writes it). */
export function renderRoleTable(): string {
  const lines = [
    '`child_safety` holds every role `reviewer` has; `admin` holds every role. ✓: may call; blank: 403.',
    '',
    `| route | what | ${ROLES.map((r) => `\`${r}\``).join(' | ')} |`,
    `|---|---|${ROLES.map(() => ':-:').join('|')}|`,
  ];
  for (const [route, access] of Object.entries(ROLE_MATRIX)) {
    const [method, path] = route.split(' ') as [string, string];
    const shown = path.replace(/:(\w+)/g, '{$1}');
    lines.push(`| \`${method} ${shown}\` | ${access.does} | ${ROLES.map((r) => (roleAllows(r, access.roles) ? '✓' : ' ')).join(' | ')} |`);
  }
  return lines.join('\n');
}

export const ROLE_TABLE_START = '<!-- role-table: generated from src/server/role-matrix.ts by scripts/role-table.mjs -->';
export const ROLE_TABLE_END = '<!-- /role-table -->';
