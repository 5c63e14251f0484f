import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { revokeApiKey, listApiKeys } from './api-key-store.js';
import { adult, at, message, minor } from '../testing/events.js';
import { bearer, createTestApp, type TestApp } from '../testing/test-app.js';

describe('HTTP API', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const post = (url: string, key: string, payload: unknown, extra: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...bearer(key), 'content-type': 'application/json', ...extra },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  describe('authentication and roles', () => {
    it('refuses requests without a key, with an unknown key, and with a revoked key', async () => {
      const none = await t.app.inject({ method: 'GET', url: '/v1/alerts' });
      assert.equal(none.statusCode, 401);
      assert.equal(none.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(none.json().type, 'urn:warden:problem:unauthenticated');
      const wrong = await t.app.inject({ method: 'GET', url: '/v1/alerts', headers: bearer('wdn_not-a-key') });
      assert.equal(wrong.statusCode, 401);
      const { createApiKey } = await import('./api-key-store.js');
      const { record, key } = await createApiKey(t.store.db, 'leaver', 'reviewer');
      assert.equal((await t.app.inject({ method: 'GET', url: '/v1/alerts', headers: bearer(key) })).statusCode, 200);
      await revokeApiKey(t.store.db, record.id);
      const revoked = await t.app.inject({ method: 'GET', url: '/v1/alerts', headers: bearer(key) });
      assert.equal(revoked.statusCode, 401);
      assert.match(revoked.json().detail, /revoked/);
    });

    it('enforces roles: ingest, decide and reviewer each reach only their endpoints; admin reaches all', async () => {
      const cases: [string, 'GET' | 'POST', string, unknown][] = [
        ['ingest', 'POST', '/v1/events', []],
        ['decide', 'POST', '/v1/decisions', { action: 'message', actor: 'a', target: 'b' }],
        ['reviewer', 'GET', '/v1/alerts', undefined],
      ];
      for (const [owner, method, url, body] of cases) {
        for (const role of ['ingest', 'decide', 'reviewer', 'admin'] as const) {
          const res = await t.app.inject({
            method,
            url,
            headers: { ...bearer(t.keys[role]), 'content-type': 'application/json' },
            ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
          });
          const allowed = role === owner || role === 'admin';
          assert.equal(res.statusCode === 403, !allowed, `${role} on ${url}: ${res.statusCode}`);
          if (!allowed) assert.match(res.json().detail, new RegExp(`needs the ${owner} role`));
        }
      }
    });

    it('accepts the key as x-api-key too', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/v1/alerts', headers: { 'x-api-key': t.keys.reviewer } });
      assert.equal(res.statusCode, 200);
    });

    it('stores keys hashed, never in the clear', async () => {
      const rows = await t.store.db.selectFrom('api_keys').selectAll().execute();
      for (const row of rows) for (const key of Object.values(t.keys)) assert.ok(!JSON.stringify(row).includes(key.slice(4)));
      assert.equal((await listApiKeys(t.store.db)).length, rows.length);
    });
  });

  describe('POST /v1/events', () => {
    it('accepts good events and rejects bad ones in the same batch, with index, field and reason', async () => {
      const good1 = adult('h_adult');
      const good2 = minor('h_kid');
      const res = await post('/v1/events', t.keys.ingest, [
        good1,
        { id: 'bad1', type: 'nope', ts: at(0) },
        good2,
        { id: 'bad2', type: 'block.created', ts: at(0), from: 'x' },
        42,
      ]);
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.errors, true);
      assert.equal(body.accepted, 2);
      assert.deepEqual(
        body.rejected.map((r: { index: number; id?: string; errors: { field: string }[] }) => [
          r.index,
          r.id,
          r.errors.map((e) => e.field),
        ]),
        [
          [1, 'bad1', ['type']],
          [3, 'bad2', ['to']],
          [4, undefined, ['(event)']],
        ],
      );
      const stored = await t.store.db.selectFrom('events').select('id').where('id', 'in', [good1.id, good2.id]).execute();
      assert.equal(stored.length, 2, 'accepted events are persisted before the response');
    });

    it('answers 400 with every error when all events are bad', async () => {
      const res = await post('/v1/events', t.keys.ingest, [{ id: 'x', type: 'block.created', ts: 'later', from: 'a', to: 'b' }]);
      assert.equal(res.statusCode, 400);
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.deepEqual(res.json().errors, [
        { index: 0, id: 'x', field: 'ts', reason: 'must be an RFC 3339 timestamp with a time zone offset' },
      ]);
    });

    it('acknowledges duplicates and does not apply them twice', async () => {
      const e = message('h_adult', 'h_kid', at(5));
      const first = (await post('/v1/events', t.keys.ingest, [e])).json();
      assert.equal(first.accepted, 1);
      assert.equal(first.alerts, 1);
      const second = (await post('/v1/events', t.keys.ingest, [e])).json();
      assert.deepEqual([second.accepted, second.duplicates, second.alerts], [0, 1, 0]);
    });

    it('rejects malformed JSON, a non-array body, an empty body and the wrong content type', async () => {
      const bad = await post('/v1/events', t.keys.ingest, '[{"id": "x",');
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().type, 'urn:warden:problem:invalid_input');
      assert.match(bad.json().detail, /not valid JSON/);
      const obj = await post('/v1/events', t.keys.ingest, { id: 'x' });
      assert.equal(obj.statusCode, 400);
      assert.deepEqual(obj.json().errors, [{ field: '(body)', reason: 'must be an array' }]);
      const empty = await post('/v1/events', t.keys.ingest, '');
      assert.equal(empty.statusCode, 400);
      const text = await t.app.inject({
        method: 'POST',
        url: '/v1/events',
        headers: { ...bearer(t.keys.ingest), 'content-type': 'text/plain' },
        payload: '[]',
      });
      assert.equal(text.statusCode, 415);
    });

    it('answers 413 above 1,000 events or 4 MiB', async () => {
      const many = Array.from({ length: 1001 }, (_, i) => ({ id: `m${i}`, type: 'search.performed', ts: at(0), actor: 'a', query: 'q' }));
      const tooMany = await post('/v1/events', t.keys.ingest, many);
      assert.equal(tooMany.statusCode, 413);
      assert.match(tooMany.json().detail, /at most 1000 events/);
      const big = JSON.stringify([{ id: 'big', type: 'search.performed', ts: at(0), actor: 'a', query: 'q'.repeat(4 * 1024 * 1024) }]);
      const tooBig = await post('/v1/events', t.keys.ingest, big);
      assert.equal(tooBig.statusCode, 413);
      assert.equal(tooBig.json().type, 'urn:warden:problem:payload_too_large');
    });
  });

  describe('POST /v1/decisions', () => {
    it('answers from the facts ingested', async () => {
      const res = await post('/v1/decisions', t.keys.decide, { action: 'message', actor: 'h_adult', target: 'h_kid', text: 'hi' });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), {
        decision: 'block',
        reasons: [
          {
            code: 'unconnected_adult_to_minor',
            detail:
              'an adult may not reach a minor who does not follow, befriend or hold them as a contact, and shares no family link with them',
          },
        ],
      });
    });

    it('names the bad field of a bad request', async () => {
      const res = await post('/v1/decisions', t.keys.decide, { action: 'poke', actor: 'a', target: 'b', extra: true });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(
        res
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
        ['action', 'extra'],
      );
    });
  });

  describe('GET /v1/alerts', () => {
    it('filters by category, subject and time, and pages newest first', async () => {
      const kids = ['p1', 'p2', 'p3', 'p4', 'p5'];
      await post('/v1/events', t.keys.ingest, [adult('pager'), ...kids.map((k) => minor(k))]);
      for (const [i, k] of kids.entries()) await post('/v1/events', t.keys.ingest, [message('pager', k, at(60 + i))]);
      const all = (await t.app.inject({ method: 'GET', url: '/v1/alerts?subject=pager', headers: bearer(t.keys.reviewer) })).json();
      assert.equal(all.alerts.length, 6);
      assert.equal(all.nextCursor, null);
      const page1 = (
        await t.app.inject({
          method: 'GET',
          url: '/v1/alerts?subject=pager&category=unwanted_contact&limit=2',
          headers: bearer(t.keys.reviewer),
        })
      ).json();
      assert.deepEqual(
        page1.alerts.map((a: { relatedAccountIds: string[] }) => a.relatedAccountIds[0]),
        ['p5', 'p4'],
      );
      const seen = [...page1.alerts];
      let cursor = page1.nextCursor;
      while (cursor) {
        const page = (
          await t.app.inject({
            method: 'GET',
            url: `/v1/alerts?subject=pager&category=unwanted_contact&limit=2&cursor=${cursor}`,
            headers: bearer(t.keys.reviewer),
          })
        ).json();
        seen.push(...page.alerts);
        cursor = page.nextCursor;
      }
      assert.deepEqual(
        seen.map((a) => a.relatedAccountIds[0]),
        ['p5', 'p4', 'p3', 'p2', 'p1'],
      );
      const since = (
        await t.app.inject({
          method: 'GET',
          url: `/v1/alerts?subject=pager&since=${encodeURIComponent(at(63))}`,
          headers: bearer(t.keys.reviewer),
        })
      ).json();
      assert.deepEqual(since.alerts.map((a: { category: string }) => a.category).sort(), [
        'suspicious_adult',
        'unwanted_contact',
        'unwanted_contact',
      ]);
      const one = await t.app.inject({ method: 'GET', url: `/v1/alerts/${all.alerts[0].id}`, headers: bearer(t.keys.reviewer) });
      assert.deepEqual(one.json(), all.alerts[0]);
    });

    it('names bad query parameters and answers 404 for an unknown alert', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/v1/alerts?category=bogus&limit=0&colour=red',
        headers: bearer(t.keys.reviewer),
      });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(
        res
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
        ['category[0]', 'colour', 'limit'],
      );
      const cursor = await t.app.inject({ method: 'GET', url: '/v1/alerts?cursor=abc', headers: bearer(t.keys.reviewer) });
      assert.equal(cursor.statusCode, 400);
      const missing = await t.app.inject({ method: 'GET', url: '/v1/alerts/alr_nope', headers: bearer(t.keys.reviewer) });
      assert.equal(missing.statusCode, 404);
    });
  });

  describe('operations', () => {
    it('serves health, readiness and an OpenAPI document without a key', async () => {
      assert.deepEqual((await t.app.inject({ method: 'GET', url: '/healthz' })).json(), { status: 'ok' });
      const ready = (await t.app.inject({ method: 'GET', url: '/readyz' })).json();
      assert.equal(ready.status, 'ready');
      assert.ok(ready.accounts > 0);
      const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
      assert.equal(doc.openapi, '3.0.3');
      assert.ok(doc.paths['/v1/events'].post);
      assert.ok(doc.paths['/v1/decisions'].post);
      for (const path of ['/v1/hash', '/v1/match', '/v1/banks', '/v1/banks/{id}/import']) assert.ok(doc.paths[path], path);
      assert.ok(doc.components.schemas.Event.oneOf || doc.components.schemas.Event.anyOf, 'the event union is described');
      assert.deepEqual(doc.components.schemas.DecisionRequest.required.sort(), ['action', 'actor', 'target']);
    });

    it('answers unknown routes with a problem', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/v2/nothing', headers: bearer(t.keys.admin) });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().type, 'urn:warden:problem:not_found');
    });
  });
});
