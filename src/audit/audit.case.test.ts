import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { createEngine, type Engine } from '../engine/create-engine.js';
import { createStore, type Store } from '../store/store.js';
import { adult, at, message, minor, silentLogger, testConfig, valid } from '../testing/events.js';
import { DIALECTS, storeLocation, type TestDatabase } from '../testing/test-databases.js';
import canonicalize from 'canonicalize';
import { canonicalEntry, createAuditChain, entryHash, GENESIS_HASH } from './audit-chain.js';
import { verifyAudit, whoKnew } from './audit-store.js';

const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url));

describe('audit chain', () => {
  it('chains each entry to the one before by SHA-256 over the canonical entry', () => {
    const chain = createAuditChain();
    const a = chain.next(
      { actor: 'cli', action: 'api_key.created', target: { type: 'api_key', id: 'key_1' }, detail: { role: 'admin' } },
      1_000,
    );
    const b = chain.next({ actor: 'key:key_1', action: 'alert.viewed', subjectAccountId: 'u1' }, 2_000);
    assert.equal(a.seq, 1);
    assert.equal(a.prevHash, GENESIS_HASH);
    assert.equal(b.prevHash, a.hash);
    assert.equal(b.hash, entryHash({ ...b, hash: undefined } as never));
    // Canonical (RFC 8785): keys sorted, so any implementation can recompute it.
    assert.equal(
      canonicalEntry(a),
      '{"action":"api_key.created","actor":"cli","detail":{"role":"admin"},"prevHash":"' +
        GENESIS_HASH +
        '","seq":1,"subject":null,"target":{"id":"key_1","type":"api_key"},"ts":"1970-01-01T00:00:01.000Z"}',
    );
    // The same bytes as the canonicalize library gives for the whole entry (RFC 8785).
    const whole = {
      seq: b.seq,
      ts: '1970-01-01T00:00:02.000Z',
      actor: b.actor,
      action: b.action,
      subject: 'u1',
      target: null,
      detail: null,
      prevHash: b.prevHash,
    };
    assert.equal(canonicalEntry(b), canonicalize(whole));
    const c = chain.next(
      { actor: 'x"\\y\u2028', action: 'a', target: { type: 't', id: 'é' }, detail: { z: [1, 2.5, { b: true, a: null }], a: 'ü' } },
      3_000,
    );
    const flat = chain.next(
      { actor: 'a', action: 'b', detail: { z: 1.5e-7, b: ['x', 'y'], a: 'q\u0000\u007f', m: false, e: null, é: 2, A: -0 } },
      4_000,
    );
    assert.equal(
      canonicalEntry(flat),
      canonicalize({
        seq: 4,
        ts: '1970-01-01T00:00:04.000Z',
        actor: 'a',
        action: 'b',
        subject: null,
        target: null,
        detail: JSON.parse(flat.detail!),
        prevHash: flat.prevHash,
      }),
    );
    assert.equal(
      canonicalEntry(c),
      canonicalize({
        seq: 3,
        ts: '1970-01-01T00:00:03.000Z',
        actor: c.actor,
        action: 'a',
        subject: null,
        target: { type: 't', id: 'é' },
        detail: { z: [1, 2.5, { b: true, a: null }], a: 'ü' },
        prevHash: c.prevHash,
      }),
    );
  });
});

for (const dialect of DIALECTS) {
  describe(`audit log on ${dialect}`, () => {
    let tdb: TestDatabase;
    let store: Store;
    let engine: Engine;
    before(async () => {
      tdb = await storeLocation(dialect);
      store = await createStore(tdb.url, { sqliteSynchronous: 'normal' });
      engine = await createEngine({ store, config: testConfig(), logger: silentLogger() });
    });
    after(async () => {
      await store.close();
      await tdb.drop();
    });

    it('records detections in the same commit as the alerts, and views and changes through engine.audit', async () => {
      await engine.ingest([adult('au_a'), minor('au_k'), message('au_a', 'au_k', at(5))].map((e) => valid(e)));
      await engine.audit([{ actor: 'key:key_rev', action: 'alerts.viewed', subjectAccountId: 'au_a', detail: { alertIds: ['x'] } }]);
      const rows = await whoKnew(store.db, 'au_a');
      assert.deepEqual(
        rows.map((r) => [r.actor, r.action]),
        [
          ['detector:unwanted_contact', 'alert.raised'],
          ['key:key_rev', 'alerts.viewed'],
        ],
      );
      const v = await verifyAudit(store.db);
      assert.equal(v.ok, true);
      assert.equal(v.entries, 2);
    });

    it('keeps one unbroken chain across concurrent ingest and audit appends, and across a restart', async () => {
      const kids = Array.from({ length: 20 }, (_, i) => `cc_k${i}`);
      await engine.ingest([adult('cc_a'), ...kids.map((k) => minor(k))].map((e) => valid(e)));
      await Promise.all([
        ...kids.map((k, i) => engine.ingest([valid(message('cc_a', k, at(10 + i)))])),
        ...kids.map((k) => engine.audit([{ actor: 'key:k', action: 'alert.viewed', subjectAccountId: k }])),
      ]);
      await store.close();
      store = await createStore(tdb.url, { sqliteSynchronous: 'normal' });
      engine = await createEngine({ store, config: testConfig(), logger: silentLogger() });
      await engine.audit([{ actor: 'system', action: 'restarted' }]);
      const v = await verifyAudit(store.db);
      assert.equal(v.ok, true, JSON.stringify(v.firstProblem));
      assert.ok(v.entries > 40);
    });

    it('names the first entry altered, removed or reordered', async () => {
      const head = (await verifyAudit(store.db)).head.seq;
      assert.ok(head >= 10);
      // Altered: one byte of one entry's detail.
      const victim = await store.db.selectFrom('audit_log').selectAll().where('seq', '=', 5).executeTakeFirstOrThrow();
      await store.db
        .updateTable('audit_log')
        .set({ actor: victim.actor + 'x' })
        .where('seq', '=', 5)
        .execute();
      assert.deepEqual((await verifyAudit(store.db)).firstProblem?.seq, 5);
      assert.equal((await verifyAudit(store.db)).firstProblem?.problem, 'altered');
      await store.db.updateTable('audit_log').set({ actor: victim.actor }).where('seq', '=', 5).execute();
      assert.equal((await verifyAudit(store.db)).ok, true);
      // Reordered: swap the contents of entries 7 and 8 (keeping their seq numbers).
      const [e7, e8] = await store.db.selectFrom('audit_log').selectAll().where('seq', 'in', [7, 8]).orderBy('seq').execute();
      const { seq: s7, ...c7 } = e7!;
      const { seq: s8, ...c8 } = e8!;
      await store.db.updateTable('audit_log').set(c8).where('seq', '=', s7).execute();
      await store.db.updateTable('audit_log').set(c7).where('seq', '=', s8).execute();
      const r = await verifyAudit(store.db);
      assert.deepEqual([r.firstProblem?.seq, r.firstProblem?.problem], [7, 'reordered']);
      await store.db.updateTable('audit_log').set(c7).where('seq', '=', s7).execute();
      await store.db.updateTable('audit_log').set(c8).where('seq', '=', s8).execute();
      // Removed: delete entry 9.
      await store.db.deleteFrom('audit_log').where('seq', '=', 9).execute();
      const removed = await verifyAudit(store.db);
      assert.deepEqual([removed.firstProblem?.seq, removed.firstProblem?.problem, removed.entries], [9, 'removed', 8]);
    });
  });
}

describe('warden audit', () => {
  it('verifies the chain and answers who-knew from the command line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-audit-'));
    const db = join(dir, 'a.db');
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run('keys', 'create', '--role', 'admin', '--db', db).status, 0);
    const events = join(dir, 'e.jsonl');
    const lines = [adult('cli_a'), minor('cli_k'), message('cli_a', 'cli_k', at(5))].map((e) => JSON.stringify(e)).join('\n');
    spawnSync('sh', ['-c', `printf '%s\\n' '${lines.replace(/'/g, "'\\''")}' > ${events}`]);
    assert.equal(run('replay', events, '--alerts', join(dir, 'alerts.jsonl'), '--db', db).status, 0);
    const ok = run('audit', 'verify', '--db', db);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /audit log intact: 2 entries/);
    const who = run('audit', 'who-knew', '--account', 'cli_a', '--db', db, '--json');
    const rows = who.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string; actor: string; detail: { category: string } });
    assert.deepEqual(
      rows.map((r) => [r.actor, r.action, r.detail.category]),
      [['detector:unwanted_contact', 'alert.raised', 'unwanted_contact']],
    );
    // Someone with database access edits what Warden recorded.
    const raw = new BetterSqlite3(db);
    raw.prepare("update audit_log set detail = replace(detail, 'unwanted', 'wanted') where seq = 2").run();
    raw.close();
    const broken = run('audit', 'verify', '--db', db);
    assert.equal(broken.status, 1);
    assert.match(broken.stdout, /BROKEN at entry 2 \(altered\)/);
  });
});
