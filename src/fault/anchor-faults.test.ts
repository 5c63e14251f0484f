/*
 * Fault and abuse suite (issue 15): an operator with database access who truncates the audit
 * log's tail or edits an entry and re-hashes the chain; a forged evidence export and an edited
 * stored manifest; invalid UTF-8 at the HTTP door and in replay files. Bounded, on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import canonicalize from 'canonicalize';
import tar from 'tar-stream';
import { createApiKey } from '../server/api-key-store.js';
import { startServer } from '../server/start-server.js';
import { createStore } from '../store/store.js';
import { checkpointKeys, editAndRechain } from '../testing/audit-tamper.js';
import { adult, at, message, minor, nextId, silentLogger, testConfig } from '../testing/events.js';
import { bearer, createTestApp } from '../testing/test-app.js';

const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url));
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });

async function untar(buf: Buffer): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const ex = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    ex.on('entry', (h, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: unknown) => chunks.push(c as Buffer));
      stream.on('end', () => {
        out.set(h.name.split('/').slice(1).join('/'), Buffer.concat(chunks));
        next();
      });
    });
    ex.on('finish', resolve);
    ex.on('error', reject);
  });
  ex.end(buf);
  await done;
  return out;
}

describe('fault: the audit tail truncated and re-chained', () => {
  it('is intact to the chain walk alone, and caught against the signed checkpoints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-fault-audit-'));
    const keys = checkpointKeys(dir);
    const checkpoints = join(dir, 'checkpoints.jsonl');
    const db = join(dir, 'live.db');
    const config = testConfig({
      store: { url: db },
      server: { port: 0 },
      audit: { checkpointKeyFile: keys.keyFile, checkpointFile: checkpoints, checkpointEveryEntries: 100 },
    });
    const server = await startServer(config, silentLogger());
    const { key } = await createApiKey(server.store.db, 'fault', 'admin');
    const res = await fetch(`${server.url}/v1/events`, {
      method: 'POST',
      headers: { ...bearer(key), 'content-type': 'application/json' },
      body: JSON.stringify([adult('fa'), minor('fk'), message('fa', 'fk', at(5))]),
    });
    assert.equal(res.status, 200);
    for (let round = 0; round < 3; round++) {
      await server.engine.audit(
        Array.from({ length: 100 }, (_, i) => ({ actor: 'key:fault', action: 'alert.viewed', subjectAccountId: `fa${round}_${i}` })),
      );
      await server.checkpointer!.checkpoint();
    }
    await server.engine.audit(Array.from({ length: 20 }, () => ({ actor: 'key:fault', action: 'alerts.listed' })));
    await server.close(); // the shutdown checkpoint pins the last 20 too
    const head = new BetterSqlite3(db, { readonly: true }).prepare('select max(seq) as s from audit_log').get() as { s: number };
    const lines = readFileSync(checkpoints, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { fromSeq: number; toSeq: number });
    assert.ok(lines.length >= 3);
    assert.equal(lines[lines.length - 1]!.toSeq, head.s, 'the shutdown checkpoint covers the head');

    const anchored = (file: string) =>
      cli(['audit', 'verify', '--db', file, '--checkpoints', checkpoints, '--public-key', keys.publicFile]);
    const intact = anchored(db);
    assert.equal(intact.status, 0, intact.stdout + intact.stderr);
    assert.match(intact.stdout, new RegExp(`covers entries 1\\.\\.${head.s}`));

    // Truncated: the last 96 entries deleted.
    const truncated = join(dir, 'truncated.db');
    copyFileSync(db, truncated);
    const raw = new BetterSqlite3(truncated);
    raw.prepare('delete from audit_log where seq > ?').run(head.s - 96);
    raw.close();
    const plain = cli(['audit', 'verify', '--db', truncated]);
    assert.equal(plain.status, 0, 'the chain alone cannot see a missing tail');
    const t = anchored(truncated);
    assert.equal(t.status, 1);
    assert.match(t.stdout, new RegExp(`BROKEN at entry ${head.s - 95} \\(truncated\\): entries ${head.s - 95}\\.\\.${head.s} are missing`));

    // Re-chained: entry 2 (the alert) edited, every later hash recomputed.
    const rechained = join(dir, 'rechained.db');
    copyFileSync(db, rechained);
    const store = await createStore(rechained, { writerThread: false });
    await editAndRechain(store.db, 2, 'detector:nothing_to_see');
    await store.close();
    assert.equal(cli(['audit', 'verify', '--db', rechained]).status, 0, 'the re-hashed chain walks clean');
    const r = anchored(rechained);
    assert.equal(r.status, 1);
    assert.match(r.stdout, new RegExp(`BROKEN in entries 1\\.\\.${lines[0]!.toSeq} \\(rechained\\)`));

    // A checkpoint file whose line was edited to match is refused by its signature.
    const forged = JSON.parse(readFileSync(checkpoints, 'utf8').trim().split('\n')[0]!) as { headHash: string };
    forged.headHash = 'a'.repeat(64);
    writeFileSync(join(dir, 'forged.jsonl'), JSON.stringify(forged) + '\n');
    const f = cli(['audit', 'verify', '--db', rechained, '--checkpoints', join(dir, 'forged.jsonl'), '--public-key', keys.publicFile]);
    assert.equal(f.status, 1);
    assert.match(f.stdout, /checkpoint file BROKEN: checkpoint line 1 has a signature that does not verify/);

    // The key to publish, with its fingerprint.
    const pub = cli(['audit', 'public-key', '--key', keys.keyFile]);
    assert.equal(pub.status, 0, pub.stderr);
    assert.ok(pub.stdout.startsWith(readFileSync(keys.publicFile, 'utf8')));
    assert.match(pub.stdout, /fingerprint sha256:[0-9a-f]{64}/);
  });
});

describe('fault: a forged evidence export and an edited stored manifest', () => {
  it("fails the recipient's check with the published key, and refuses and audits the edited record", async () => {
    const media = mkdtempSync(join(tmpdir(), 'warden-fault-evidence-'));
    const bytes = Buffer.from('synthetic abstract bytes standing in for a banked file');
    writeFileSync(join(media, 'banked.bin'), bytes);
    const signingKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const t = await createTestApp(':memory:', {
      media: { root: media },
      evidence: { keys: `k1:${randomBytes(32).toString('base64')}`, signingKey },
    });
    try {
      const bank = (
        await t.app.inject({ method: 'POST', url: '/v1/banks', headers: bearer(t.keys.admin), payload: { name: 'known' } })
      ).json() as { id: string };
      await t.app.inject({
        method: 'POST',
        url: `/v1/banks/${bank.id}/entries`,
        headers: bearer(t.keys.admin),
        payload: [{ signalType: 'sha256', value: createHash('sha256').update(bytes).digest('hex') }],
      });
      await t.app.inject({
        method: 'POST',
        url: '/v1/events',
        headers: bearer(t.keys.ingest),
        payload: [
          adult('uploader'),
          { id: nextId(), type: 'media.uploaded', ts: at(3), media: { id: 'f1', kind: 'image', owner: 'uploader', path: 'banked.bin' } },
        ],
      });
      while ((await t.services.runner.runOnce()) > 0);
      const caseId = (await t.store.db.selectFrom('cases').select('id').executeTakeFirstOrThrow()).id;
      const created = await t.app.inject({
        method: 'POST',
        url: `/v1/cases/${caseId}/evidence`,
        headers: bearer(t.keys.child_safety),
        payload: { reason: 'fault test' },
      });
      assert.equal(created.statusCode, 201, created.body);
      const packageId = (created.json() as { packageId: string }).packageId;

      // What the recipient was given beforehand: the key Warden's operator published.
      const published = cli(['evidence', 'public-key'], { WARDEN_EVIDENCE_SIGNING_KEY: signingKey, WARDEN_DB: ':memory:' });
      assert.equal(published.status, 0, published.stderr);
      const recipientKey = published.stdout.slice(0, published.stdout.indexOf('fingerprint'));
      const fingerprint = /fingerprint (sha256:[0-9a-f]{64})/.exec(published.stdout)![1]!;

      const exported = await t.app.inject({ method: 'GET', url: `/v1/evidence/${packageId}/export`, headers: bearer(t.keys.legal) });
      assert.equal(exported.statusCode, 200, exported.body);
      const files = await untar(exported.rawPayload);
      assert.ok(verify(null, files.get('manifest.json')!, recipientKey, files.get('manifest.sig')!), 'the genuine export verifies');
      assert.equal(files.get('key-fingerprint.txt')!.toString().trim(), fingerprint);
      assert.equal(files.has('signing-key.pem'), false, 'no key inside the archive to trust');

      // The forgery: a changed file, its digest fixed in the manifest, signed with a fresh key.
      const m = JSON.parse(files.get('manifest.json')!.toString()) as { files: { name: string; sha256: string; bytes: number }[] };
      const changed = Buffer.from('{"status":"closed"}\n');
      Object.assign(
        m.files.find((x) => x.name === 'case.json')!,
        { sha256: createHash('sha256').update(changed).digest('hex'), bytes: changed.length },
      );
      const forgedManifest = Buffer.from(canonicalize(m)!);
      const forger = generateKeyPairSync('ed25519');
      const forgedSig = sign(null, forgedManifest, forger.privateKey);
      assert.equal(verify(null, forgedManifest, recipientKey, forgedSig), false, 'the forgery fails against the published key');

      // The edited record: a file dropped from the stored manifest, and its row.
      const row = await t.store.db.selectFrom('evidence_packages').select('manifest').where('id', '=', packageId).executeTakeFirstOrThrow();
      const stored = JSON.parse(row.manifest) as { files: { name: string }[] };
      stored.files = stored.files.filter((x) => x.name !== 'alerts.jsonl');
      await t.store.db
        .updateTable('evidence_packages')
        .set({ manifest: canonicalize(stored)! })
        .where('id', '=', packageId)
        .execute();
      await t.store.db.deleteFrom('evidence_files').where('package_id', '=', packageId).where('name', '=', 'alerts.jsonl').execute();
      const v = (await t.app.inject({ method: 'GET', url: `/v1/evidence/${packageId}/verify`, headers: bearer(t.keys.legal) })).json() as {
        ok: boolean;
        problems: string[];
      };
      assert.equal(v.ok, false);
      assert.match(v.problems.join('; '), /MAC/);
      assert.match(v.problems.join('; '), /manifestSha256/);
      const exp = await t.app.inject({ method: 'GET', url: `/v1/evidence/${packageId}/export`, headers: bearer(t.keys.legal) });
      assert.equal(exp.statusCode, 409);
      const failures = await t.store.db
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'evidence.integrity_failed')
        .where('target_id', '=', packageId)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        failures.map((f) => (JSON.parse(f.detail!) as { check: string }).check),
        ['verify', 'export'],
      );
    } finally {
      await t.close();
    }
  });
});

describe('fault: invalid UTF-8', () => {
  it('is refused at the HTTP door with its byte offset, over a real socket', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-fault-utf8-'));
    const server = await startServer(testConfig({ store: { url: join(dir, 'u.db') }, server: { port: 0 } }), silentLogger());
    try {
      const { key } = await createApiKey(server.store.db, 'fault', 'ingest');
      const send = (id: Buffer, band: string) => {
        const body = Buffer.concat([
          Buffer.from(`[{"id":"${nextId()}","type":"account.upserted","ts":"${at(0)}","account":{"id":"`),
          id,
          Buffer.from(`","ageBand":"${band}"}}]`),
        ]);
        return {
          body,
          res: fetch(`${server.url}/v1/events`, { method: 'POST', headers: { ...bearer(key), 'content-type': 'application/json' }, body }),
        };
      };
      for (const [last, band] of [
        [0xff, '13-15'],
        [0xfe, 'adult'],
      ] as const) {
        const { body, res } = send(Buffer.from([0x6b, 0x69, 0x64, 0x5f, last]), band);
        const r = await res;
        assert.equal(r.status, 400);
        const problem = (await r.json()) as { detail: string };
        assert.equal(problem.detail, `the body is not valid UTF-8 at byte offset ${body.indexOf(last)} (0x${last.toString(16)})`);
      }
      assert.equal(server.engine.state.facts.accountCount, 0, 'neither account exists, so neither became the other');
    } finally {
      await server.close();
    }
  });

  it('is refused in a replay file with its line and byte offsets, past a read-chunk boundary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-fault-replay-'));
    const filler = Array.from({ length: 9000 }, (_, i) => JSON.stringify({ ...adult(`rf${i}`), id: `rf_${i}` })).join('\n') + '\n';
    const badLine = Buffer.concat([
      Buffer.from(`{"id":"bad","type":"account.upserted","ts":"${at(0)}","account":{"id":"kid_`),
      Buffer.from([0xff]),
      Buffer.from('"}}\n'),
    ]);
    const content = Buffer.concat([Buffer.from(filler), badLine]);
    assert.ok(content.length > 1 << 20, 'the bad line lies past the first 1 MiB read');
    const file = join(dir, 'events.jsonl');
    writeFileSync(file, content);
    const r = cli(['replay', file, '--alerts', join(dir, 'alerts.jsonl'), '--db', join(dir, 'r.db')]);
    const inLine = badLine.indexOf(0xff);
    assert.match(
      r.stderr,
      new RegExp(`line 9001: is not valid UTF-8 at byte ${inLine} of the line \\(byte ${filler.length + inLine} of the file, 0xff\\)`),
    );
  });
});
