import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import { adult } from '../testing/events.js';
import { bearer, createTestApp, type TestApp } from '../testing/test-app.js';
import { ROLES } from './api-key-store.js';
import type { Authenticator } from './auth.js';
import {
  installRoleMatrix,
  renderRoleTable,
  ROLE_MATRIX,
  ROLE_TABLE_END,
  ROLE_TABLE_START,
  roleAllows,
  rolesHeldBy,
} from './role-matrix.js';

/** A concrete URL for a route pattern: every parameter `x`. */
const urlOf = (path: string) => path.replace(/:\w+/g, 'x').replace('*', 'f.bin');
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

describe('role matrix', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('makes inheritance explicit: child_safety holds reviewer, admin holds every role, no other role holds another', () => {
    assert.deepEqual([...rolesHeldBy('child_safety')].sort(), ['child_safety', 'reviewer']);
    assert.deepEqual([...rolesHeldBy('admin')].sort(), [...ROLES].sort());
    for (const r of ['ingest', 'decide', 'reviewer', 'legal'] as const) assert.deepEqual([...rolesHeldBy(r)], [r]);
  });

  it('answers every role on every route as the matrix says: 401 without a key, 403 outside it, never 401 or 403 inside it', async () => {
    const cells: string[] = [];
    for (const [route, access] of Object.entries(ROLE_MATRIX)) {
      const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string];
      const body = BODY_METHODS.has(method) ? { headers: { 'content-type': 'application/json' }, payload: '{}' } : { headers: {} };
      const anon = await t.app.inject({ method, url: urlOf(path), ...body });
      assert.equal(anon.statusCode, 401, `no key on ${route}`);
      for (const role of ROLES) {
        const res = await t.app.inject({
          method,
          url: urlOf(path),
          headers: { ...body.headers, ...bearer(t.keys[role]) },
          ...('payload' in body ? { payload: body.payload } : {}),
        });
        const allowed = roleAllows(role, access.roles);
        if (allowed)
          assert.ok(res.statusCode !== 401 && res.statusCode !== 403, `${role} on ${route}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        else {
          assert.equal(res.statusCode, 403, `${role} on ${route}: ${res.statusCode}`);
          assert.equal(res.json().type, 'urn:warden:problem:forbidden');
        }
        cells.push(`${role} ${route}`);
      }
    }
    assert.equal(cells.length, Object.keys(ROLE_MATRIX).length * ROLES.length);
  });

  it('lets child_safety do everything reviewer may (issue 15: alerts, banks, match, account risk were 403)', async () => {
    const key = t.keys.child_safety;
    assert.equal((await t.app.inject({ method: 'GET', url: '/v1/alerts', headers: bearer(key) })).statusCode, 200);
    assert.equal((await t.app.inject({ method: 'GET', url: '/v1/banks', headers: bearer(key) })).statusCode, 200);
    const match = await t.app.inject({
      method: 'POST',
      url: '/v1/match',
      headers: { ...bearer(key), 'content-type': 'application/json' },
      payload: JSON.stringify({ md5: 'ab'.repeat(16) }),
    });
    assert.equal(match.statusCode, 200);
    await t.app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { ...bearer(t.keys.ingest), 'content-type': 'application/json' },
      payload: JSON.stringify([adult('cs_acc')]),
    });
    assert.equal((await t.app.inject({ method: 'GET', url: '/v1/accounts/cs_acc/risk', headers: bearer(key) })).statusCode, 200);
  });

  it('lists every registered /v1 route and no route that is not registered', async () => {
    await t.app.ready();
    for (const route of Object.keys(ROLE_MATRIX)) {
      const [method, url] = route.split(' ') as [string, string];
      assert.ok(t.app.hasRoute({ method: method as 'GET', url }), `${route} is in the matrix but not served`);
    }
  });

  it('refuses to start with a /v1 route the matrix does not list', async () => {
    const app = Fastify();
    const auth: Authenticator = { authenticate: () => Promise.reject(new Error('unexpected')), require: () => assert.fail('unexpected') };
    installRoleMatrix(app, auth, { events: 1024, media: 1024, streamCap: 1024 });
    assert.throws(() => app.get('/v1/unlisted', async () => ({})), /not in the role matrix/);
    await app.close();
  });

  it("keeps README.md's role table as generated from the matrix (node scripts/role-table.mjs)", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf(ROLE_TABLE_START);
    const end = readme.indexOf(ROLE_TABLE_END);
    assert.ok(start >= 0 && end > start, 'README.md has the role table markers');
    assert.equal(
      readme.slice(start + ROLE_TABLE_START.length, end).trim(),
      renderRoleTable().trim(),
      'README.md role table drifted: run npm run build && node scripts/role-table.mjs',
    );
  });

  it("publishes each operation's roles in the OpenAPI document from the matrix", async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    assert.deepEqual(doc.paths['/v1/alerts'].get['x-roles'], ['reviewer', 'child_safety', 'admin']);
    assert.deepEqual(doc.paths['/v1/evidence/{id}/export'].get['x-roles'], ['legal', 'admin']);
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { 'x-roles'?: string[]; summary: string }>>)) {
      if (!path.startsWith('/v1/')) continue;
      for (const [method, op] of Object.entries(ops)) {
        assert.ok(op['x-roles'], `${method} ${path} has roles from the matrix`);
        assert.ok(op.summary.endsWith(`Roles: ${op['x-roles'].join(', ')}.`), op.summary);
      }
    }
  });

  describe('the key and role are checked before the body is read', () => {
    it('refuses a low role without parsing its body', async () => {
      // Not JSON at all: had the body been read first, this would be a 400.
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/banks',
        headers: { ...bearer(t.keys.ingest), 'content-type': 'application/json' },
        payload: '{not json',
      });
      assert.equal(res.statusCode, 403);
      const anon = await t.app.inject({
        method: 'POST',
        url: '/v1/banks/x/import',
        headers: { 'content-type': 'text/csv' },
        payload: 'signal_type,value\n',
      });
      assert.equal(anon.statusCode, 401);
    });

    it('answers an unknown /v1 route 404 after the key check, without reading its body', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/nowhere',
        headers: { ...bearer(t.keys.admin), 'content-type': 'application/json' },
        payload: '{not json',
      });
      assert.equal(res.statusCode, 404);
      assert.equal(
        (await t.app.inject({ method: 'POST', url: '/v1/nowhere', headers: { 'content-type': 'application/json' }, payload: '{}' }))
          .statusCode,
        401,
      );
    });

    it('gives each route its own body limit: a 100 KiB decision request is too large', async () => {
      const big = JSON.stringify({ action: 'message', actor: 'a', target: 'b', pad: 'x'.repeat(100 * 1024) });
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/decisions',
        headers: { ...bearer(t.keys.decide), 'content-type': 'application/json' },
        payload: big,
      });
      assert.equal(res.statusCode, 413);
      assert.match(res.json().detail, /limit of 65536 bytes/);
    });
  });
});
