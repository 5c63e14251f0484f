import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { adult, at, nextId } from '../testing/events.js';
import { bearer, createTestApp, type TestApp } from '../testing/test-app.js';

/**
 * Issue 15 item 4: a reviewer could not open a known-image case but read its alert (bank,
 * entry, media id, distance) from `GET /v1/alerts`. The one predicate (core/restricted.ts)
 * now holds on every way in: alert list and get, filters, actions, account risk.
 */
describe('known-image material is for child_safety and admin only, everywhere', () => {
  let t: TestApp;
  let csamAlertId: string;
  const md5 = 'c3'.repeat(16);
  const get = (url: string, key: string) => t.app.inject({ method: 'GET', url, headers: bearer(key) });
  const post = (url: string, key: string, body: unknown) =>
    t.app.inject({ method: 'POST', url, headers: { ...bearer(key), 'content-type': 'application/json' }, payload: JSON.stringify(body) });

  before(async () => {
    t = await createTestApp();
    assert.equal((await post('/v1/banks', t.keys.admin, { name: 'known' })).statusCode, 201);
    assert.equal((await post('/v1/banks/known/entries', t.keys.admin, [{ signalType: 'md5', value: md5 }])).json().stored, 1);
    const r = await post('/v1/events', t.keys.ingest, [
      adult('kim_uploader'),
      { id: nextId(), type: 'media.uploaded', ts: at(1), media: { id: 'm_known', kind: 'image', owner: 'kim_uploader', md5 } },
    ]);
    assert.equal(r.json().alerts, 1);
    // The rules runner turns the alert into a case and actions.
    while ((await t.services.runner.runOnce()) > 0);
    const all = (await get('/v1/alerts?category=csam_hash_match', t.keys.child_safety)).json().alerts;
    assert.equal(all.length, 1);
    csamAlertId = all[0].id;
  });
  after(() => t.close());

  it('lists and opens the alert for child_safety and admin', async () => {
    for (const key of [t.keys.child_safety, t.keys.admin]) {
      assert.equal((await get('/v1/alerts', key)).json().alerts.filter((a: { id: string }) => a.id === csamAlertId).length, 1);
      const one = await get(`/v1/alerts/${csamAlertId}`, key);
      assert.equal(one.statusCode, 200);
      assert.equal(one.json().media[0].matches[0].bankName, 'known');
    }
  });

  it('hides it from reviewer in every list, filter and lookup, as if it did not exist', async () => {
    const key = t.keys.reviewer;
    assert.deepEqual((await get('/v1/alerts?category=csam_hash_match', key)).json().alerts, []);
    assert.deepEqual((await get('/v1/alerts?subject=kim_uploader', key)).json().alerts, []);
    assert.ok(!(await get('/v1/alerts', key)).body.includes(csamAlertId));
    assert.ok(!(await get('/v1/alerts', key)).body.includes('m_known'));
    assert.equal((await get(`/v1/alerts/${csamAlertId}`, key)).statusCode, 404);
    const cases = await get('/v1/cases', key);
    assert.equal(cases.statusCode, 200);
    assert.ok(!cases.body.includes('kim_uploader'));
    assert.ok((await get('/v1/cases', t.keys.child_safety)).body.includes('kim_uploader'));
  });

  it("keeps the actions it caused out of a reviewer's actions list", async () => {
    const mine = (await get('/v1/actions?subject=kim_uploader', t.keys.child_safety)).json().actions;
    assert.ok(mine.length > 0, 'the default policy acts on a known-image alert');
    assert.deepEqual((await get('/v1/actions?subject=kim_uploader', t.keys.reviewer)).json().actions, []);
    assert.ok(!(await get('/v1/actions', t.keys.reviewer)).body.includes(csamAlertId));
  });

  it("leaves the known-image reason out of the account's risk for reviewer", async () => {
    const full = (await get('/v1/accounts/kim_uploader/risk', t.keys.child_safety)).json();
    assert.ok(
      full.reasons.some((r: { code: string }) => r.code === 'alert_csam_hash_match'),
      JSON.stringify(full),
    );
    const seen = await get('/v1/accounts/kim_uploader/risk', t.keys.reviewer);
    assert.equal(seen.statusCode, 200);
    assert.ok(!seen.body.includes('csam_hash_match'));
  });

  it('audits a refused attempt to open the case by its id (issue 17)', async () => {
    const c = await t.store.db.selectFrom('cases').select(['id', 'subject_account']).where('restricted', '=', 1).executeTakeFirstOrThrow();
    assert.equal((await get(`/v1/cases/${c.id}`, t.keys.reviewer)).statusCode, 404);
    const refused = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'subject_account', 'target_id'])
      .where('action', '=', 'case.access_refused')
      .execute();
    assert.deepEqual(refused, [{ action: 'case.access_refused', subject_account: c.subject_account, target_id: c.id }]);
    assert.equal((await get(`/v1/cases/${c.id}`, t.keys.child_safety)).statusCode, 200);
  });
});
