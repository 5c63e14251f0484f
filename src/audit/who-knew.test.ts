import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { adult, at, message, minor } from '../testing/events.js';
import { bearer, createTestApp, type TestApp } from '../testing/test-app.js';
import { DIALECTS, storeLocation, type TestDatabase } from '../testing/test-databases.js';
import { whoKnew } from './who-knew.js';

const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url));

for (const dialect of DIALECTS) {
  describe(`who knew, on ${dialect}: every read of case, evidence or report data, and every account an entry names`, () => {
    let tdb: TestDatabase;
    let t: TestApp;
    let caseId = '';
    before(async () => {
      tdb = await storeLocation(dialect);
      const evidence = {
        keys: `k1:${randomBytes(32).toString('base64')}`,
        signingKey: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      };
      t = await createTestApp(tdb.url, { evidence });
      const kids = ['wk_k1', 'wk_k2', 'wk_k3', 'wk_k4', 'wk_k5'];
      await t.app.inject({
        method: 'POST',
        url: '/v1/events',
        headers: bearer(t.keys.ingest),
        payload: [adult('wk_a'), ...kids.map((k) => minor(k)), ...kids.map((k, i) => message('wk_a', k, at(10 + i)))],
      });
      while ((await t.services.runner.runOnce()) > 0);
      caseId = (await t.store.db.selectFrom('cases').select('id').where('subject_account', '=', 'wk_a').executeTakeFirstOrThrow()).id;
    });
    after(async () => {
      await t.close();
      await tdb.drop();
    });

    const get = (url: string, key: string) => t.app.inject({ method: 'GET', url, headers: bearer(key) });
    const actionsOf = async (account: string, actor?: string) =>
      (await whoKnew(t.store.db, account)).entries.filter((e) => !actor || e.actor === actor).map((e) => e.action);

    it('audits listing cases, reports, evidence and actions, and verifying evidence', async () => {
      const cs = `key:${(await t.store.db.selectFrom('api_keys').select('id').where('role', '=', 'child_safety').executeTakeFirstOrThrow()).id}`;
      const legal = `key:${(await t.store.db.selectFrom('api_keys').select('id').where('role', '=', 'legal').executeTakeFirstOrThrow()).id}`;
      const reviewer = `key:${(await t.store.db.selectFrom('api_keys').select('id').where('role', '=', 'reviewer').executeTakeFirstOrThrow()).id}`;
      assert.equal((await get('/v1/cases', t.keys.child_safety)).statusCode, 200);
      assert.ok((await actionsOf('wk_a', cs)).includes('cases.listed'), 'listing cases is a read');
      await t.app.inject({ method: 'POST', url: `/v1/cases/${caseId}/claim`, headers: bearer(t.keys.child_safety) });
      await t.app.inject({
        method: 'POST',
        url: `/v1/cases/${caseId}/decision`,
        headers: bearer(t.keys.child_safety),
        payload: { decision: 'confirm', category: 'grooming' },
      });
      for (
        let i = 0;
        i < 100 && !(await t.store.db.selectFrom('cybertip_reports').select('id').where('case_id', '=', caseId).executeTakeFirst());
        i++
      )
        await new Promise((r) => setTimeout(r, 10));
      assert.equal((await get('/v1/reports', t.keys.legal)).statusCode, 200);
      assert.ok((await actionsOf('wk_a', legal)).includes('reports.listed'), 'listing reports is a read');
      assert.equal((await get('/v1/actions', t.keys.reviewer)).statusCode, 200);
      assert.ok((await actionsOf('wk_a', reviewer)).includes('actions.listed'), 'listing actions is a read');
      const preserved = await t.app.inject({
        method: 'POST',
        url: `/v1/cases/${caseId}/evidence`,
        headers: bearer(t.keys.child_safety),
        payload: { reason: 'who-knew test' },
      });
      assert.equal(preserved.statusCode, 201, preserved.body);
      const pkg = (preserved.json() as { packageId: string }).packageId;
      assert.equal((await get('/v1/evidence', t.keys.legal)).statusCode, 200);
      const verify = await get(`/v1/evidence/${pkg}/verify`, t.keys.legal);
      assert.equal((verify.json() as { ok: boolean }).ok, true);
      const legalReads = await actionsOf('wk_a', legal);
      assert.ok(legalReads.includes('evidence.listed'), 'listing evidence is a read');
      assert.ok(legalReads.includes('evidence.verified'), 'verifying evidence is a read');
    });

    it('finds, for a child in the case, the entries about the case, its alerts, report and evidence', async () => {
      await get(`/v1/cases/${caseId}`, t.keys.child_safety);
      const { known, entries } = await whoKnew(t.store.db, 'wk_k3');
      assert.equal(known, true);
      const actions = new Set(entries.map((e) => e.action));
      for (const a of [
        'alert.raised',
        'case.opened',
        'case.viewed',
        'case.claimed',
        'case.confirmed',
        'cases.listed',
        'evidence.listed',
        'evidence.verified',
        'reports.listed',
      ]) {
        assert.ok(actions.has(a), `${a} is missing from who-knew for the child: ${[...actions].join(', ')}`);
      }
      const viewed = entries.find((e) => e.action === 'case.viewed')!;
      assert.equal(viewed.reason, `via:case:${caseId}`, 'says why the entry concerns the child');
      // An account named nowhere is not swept in by a shared prefix or a LIKE wildcard.
      assert.deepEqual((await whoKnew(t.store.db, 'wk_k')).entries, []);
      assert.deepEqual((await whoKnew(t.store.db, 'wk%k3')).entries, []);
      assert.deepEqual(await whoKnew(t.store.db, 'nobody_at_all'), { known: false, entries: [] });
    });
  });
}

describe('warden audit who-knew', () => {
  it('says so when the account is unknown instead of printing nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-whoknew-'));
    const db = join(dir, 'w.db');
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run('keys', 'create', '--role', 'admin', '--db', db).status, 0);
    const r = run('audit', 'who-knew', '--account', 'no_such_kid', '--db', db);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /account no_such_kid is unknown to Warden and no audit entry names it/);
  });
});
