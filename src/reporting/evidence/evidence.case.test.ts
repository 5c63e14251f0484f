import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, randomBytes, verify } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import tar from 'tar-stream';
import type { Viewer } from '../../cases/case-model.js';
import { fixedClock } from '../../core/clock.js';
import { createEngine, type Engine } from '../../engine/create-engine.js';
import { createServices, type Services } from '../../server/create-services.js';
import { createStore, type Store } from '../../store/store.js';
import { DIALECTS, storeLocation, type TestDatabase } from '../../testing/test-databases.js';
import { BASE_MS, adult, at, minor, nextId, silentLogger, testConfig, valid } from '../../testing/events.js';
import { createEvidenceService, type EvidenceService } from './evidence-service.js';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const signingKey = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
/** What a recipient holds: the public key Warden's operator published beforehand. */
const recipientKey = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

async function untar(buf: Buffer): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const ex = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    ex.on('entry', (h, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: unknown) => chunks.push(c as Buffer));
      stream.on('end', () => {
        out.set(h.name, Buffer.concat(chunks));
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

for (const dialect of DIALECTS) {
  describe(`evidence packages on ${dialect}`, () => {
    let tdb: TestDatabase;
    let store: Store;
    let engine: Engine;
    let services: Services;
    let evidence: EvidenceService;
    let caseId = '';
    let packageId = '';
    const clock = fixedClock(BASE_MS + 30 * 86_400_000);
    const media = mkdtempSync(join(tmpdir(), 'warden-evidence-'));
    const bytes = Buffer.from('synthetic abstract bytes for the evidence test');
    const config = (over: Record<string, unknown> = {}) =>
      testConfig({ media: { root: media }, evidence: { keys: `k1:${k1}`, signingKey, ...over } });
    const legal: Viewer = { actor: 'reviewer:lee', roles: ['legal'] };
    const reviewer: Viewer = { actor: 'reviewer:ana', roles: ['reviewer'] };

    before(async () => {
      writeFileSync(join(media, 'pic.bin'), bytes);
      tdb = await storeLocation(dialect);
      store = await createStore(tdb.url);
      engine = await createEngine({ store, config: config(), logger: silentLogger(), clock });
      services = await createServices({ store, engine, config: config(), clock, logger: silentLogger() });
      evidence = createEvidenceService({ store, engine, config: config(), clock });
      const kids = ['e1', 'e2', 'e3', 'e4', 'e5'];
      const msgs = kids.map((k, i) => ({
        id: nextId(),
        type: 'message.sent',
        ts: at(10 + i),
        message: {
          id: `mm${i}`,
          conversationId: `c_${k}`,
          from: 'adult_e',
          to: [k],
          text: 'are your parents home? this stays between us',
          media:
            i === 0
              ? [
                  { id: 'held', kind: 'image', path: 'pic.bin' },
                  { id: 'hashonly', kind: 'image', sha256: 'ef'.repeat(32) },
                ]
              : undefined,
        },
      }));
      await engine.ingest([adult('adult_e'), ...kids.map((k) => minor(k)), ...msgs].map((e) => valid(e, clock.now())));
      while ((await services.runner.runOnce()) > 0);
      caseId = (await store.db.selectFrom('cases').select('id').where('subject_account', '=', 'adult_e').executeTakeFirstOrThrow()).id;
    });
    after(async () => {
      await store.close();
      await tdb.drop();
    });

    it('freezes the case into an encrypted package with a manifest of SHA-256 digests', async () => {
      const m = await evidence.preserve(caseId, 'reviewer request', 'reviewer:ana');
      packageId = m.packageId;
      assert.deepEqual(
        m.files.map((f) => f.name).sort(),
        [
          'actions.jsonl',
          'alerts.jsonl',
          'case.json',
          'events.jsonl',
          'history.jsonl',
          `media/${m.files.find((f) => f.name.startsWith('media/'))!.name.split('/')[1]}/held`,
        ].sort(),
      );
      assert.deepEqual(
        m.mediaNotHeld.map((x) => [x.mediaId, x.sha256]),
        [['hashonly', 'ef'.repeat(32)]],
      );
      assert.equal(m.keyId, 'k1');
      const stored = await store.db.selectFrom('evidence_files').select(['ciphertext']).where('package_id', '=', packageId).execute();
      assert.ok(
        stored.every((s) => !Buffer.from(s.ciphertext).includes(Buffer.from('between us'))),
        'nothing stored in the clear',
      );
      assert.ok(stored.every((s) => !Buffer.from(s.ciphertext).includes(bytes)));
    });

    it('lets only child_safety and legal read it, auditing each read', async () => {
      await assert.rejects(evidence.readFile(packageId, 'events.jsonl', reviewer), /child_safety and legal/);
      const m = await evidence.manifest(packageId, legal);
      const mediaName = m.files.find((f) => f.name.endsWith('/held'))!.name;
      assert.deepEqual(await evidence.readFile(packageId, mediaName, legal), bytes);
      assert.match((await evidence.readFile(packageId, 'events.jsonl', legal)).toString(), /between us/);
      const audit = (await store.db.selectFrom('audit_log').select(['action', 'actor']).where('target_id', '=', packageId).execute()).map(
        (a) => `${a.action} ${a.actor}`,
      );
      assert.deepEqual(audit, [
        'evidence.preserved reviewer:ana',
        'evidence.viewed reviewer:lee',
        'evidence.read reviewer:lee',
        'evidence.read reviewer:lee',
      ]);
    });

    it('exports an archive signed with the configured key and bound to its audit entry', async () => {
      await assert.rejects(evidence.exportPackage(packageId, { actor: 'reviewer:cs', roles: ['child_safety'] }), /legal role/);
      const files = await untar(await evidence.exportPackage(packageId, legal));
      const manifest = files.get(`${packageId}/manifest.json`)!;
      // The recipient checks with the key they already hold; the archive carries no key to trust.
      assert.equal(files.has(`${packageId}/signing-key.pem`), false);
      assert.ok(verify(null, manifest, recipientKey, files.get(`${packageId}/manifest.sig`)!));
      const der = createHash('sha256')
        .update(publicKey.export({ type: 'spki', format: 'der' }))
        .digest('hex');
      assert.equal(files.get(`${packageId}/key-fingerprint.txt`)!.toString().trim(), `sha256:${der}`);
      const m = JSON.parse(manifest.toString()) as { files: { name: string; sha256: string }[] };
      for (const f of m.files) assert.equal(sha(files.get(`${packageId}/files/${f.name}`)!), f.sha256, f.name);
      // The binding: a signed copy of the audit entry that recorded this manifest's digest.
      const entryBytes = files.get(`${packageId}/audit-entry.json`)!;
      assert.ok(verify(null, entryBytes, recipientKey, files.get(`${packageId}/audit-entry.sig`)!));
      const entry = JSON.parse(entryBytes.toString()) as { seq: number; hash: string; prevHash: string; canonical: string };
      const canonical = JSON.parse(entry.canonical) as { action: string; target: { id: string }; detail: { manifestSha256: string } };
      assert.deepEqual(
        [canonical.action, canonical.target.id, canonical.detail.manifestSha256],
        ['evidence.preserved', packageId, sha(manifest)],
      );
      assert.equal(createHash('sha256').update(entry.prevHash).update('\n').update(entry.canonical).digest('hex'), entry.hash);
      const row = await store.db.selectFrom('audit_log').select(['hash']).where('seq', '=', entry.seq).executeTakeFirstOrThrow();
      assert.equal(row.hash, entry.hash, 'the entry is the one in the chain');
    });

    it("makes a forged export fail the recipient's check", async () => {
      const files = await untar(await evidence.exportPackage(packageId, legal));
      const m = JSON.parse(files.get(`${packageId}/manifest.json`)!.toString()) as {
        files: { name: string; sha256: string; bytes: number }[];
      };
      // A forger changes a file, fixes its digest in the manifest and signs with a key of their own.
      const forgedFile = Buffer.from('{"forged":true}\n');
      const f = m.files.find((x) => x.name === 'case.json')!;
      f.sha256 = sha(forgedFile);
      f.bytes = forgedFile.length;
      const forgedManifest = Buffer.from(JSON.stringify(m));
      const forger = generateKeyPairSync('ed25519');
      const forgedSig = (await import('node:crypto')).sign(null, forgedManifest, forger.privateKey);
      assert.ok(verify(null, forgedManifest, forger.publicKey, forgedSig), "it verifies with the forger's own key…");
      assert.equal(verify(null, forgedManifest, recipientKey, forgedSig), false, '…and not with the key the recipient holds');
    });

    it('refuses an edited stored manifest on verify, read and export, auditing each', async () => {
      const victim = await evidence.preserve(caseId, 'manifest edit test', 'system');
      const row = await store.db
        .selectFrom('evidence_packages')
        .select(['manifest'])
        .where('id', '=', victim.packageId)
        .executeTakeFirstOrThrow();
      const m = JSON.parse(row.manifest) as { files: { name: string }[] };
      // Someone with database access removes a file from the manifest, and its row.
      m.files = m.files.filter((x) => x.name !== 'history.jsonl');
      const canonicalize = (await import('canonicalize')).default;
      await store.db
        .updateTable('evidence_packages')
        .set({ manifest: canonicalize(m)! })
        .where('id', '=', victim.packageId)
        .execute();
      await store.db.deleteFrom('evidence_files').where('package_id', '=', victim.packageId).where('name', '=', 'history.jsonl').execute();
      const v = await evidence.verify(victim.packageId, 'reviewer:lee');
      assert.equal(v.ok, false);
      assert.deepEqual(v.bad, []);
      assert.match(v.problems.join('\n'), /does not match its MAC/);
      assert.match(v.problems.join('\n'), /differs from the one audit entry \d+ recorded/);
      await assert.rejects(evidence.readFile(victim.packageId, 'case.json', legal), /cannot be read/);
      await assert.rejects(evidence.exportPackage(victim.packageId, legal), /cannot be exported/);
      const failed = await store.db
        .selectFrom('audit_log')
        .select(['detail'])
        .where('target_id', '=', victim.packageId)
        .where('action', '=', 'evidence.integrity_failed')
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        failed.map((r) => (JSON.parse(r.detail!) as { check: string }).check),
        ['verify', 'read', 'export'],
      );
      // Restoring the MAC column cannot help: it is computed with a key the database does not hold.
      await store.db.updateTable('evidence_packages').set({ manifest_mac: null }).where('id', '=', victim.packageId).execute();
      assert.match((await evidence.verify(victim.packageId, 'system')).problems.join('\n'), /carries no MAC/);
    });

    it('detects a changed byte in a stored file', async () => {
      const other = await evidence.preserve(caseId, 'tamper test', 'system');
      const row = await store.db
        .selectFrom('evidence_files')
        .selectAll()
        .where('package_id', '=', other.packageId)
        .where('name', '=', 'events.jsonl')
        .executeTakeFirstOrThrow();
      const changed = Buffer.from(row.ciphertext);
      changed[5] = changed[5]! ^ 1;
      await store.db
        .updateTable('evidence_files')
        .set({ ciphertext: changed })
        .where('package_id', '=', other.packageId)
        .where('name', '=', 'events.jsonl')
        .execute();
      await assert.rejects(evidence.readFile(other.packageId, 'events.jsonl', legal), /does not match its manifest/);
      const broken = await evidence.verify(other.packageId, 'reviewer:lee');
      assert.deepEqual([broken.ok, broken.bad, broken.problems], [false, ['events.jsonl'], []]);
      const good = await evidence.verify(packageId, 'reviewer:lee');
      assert.deepEqual([good.ok, good.bad, good.problems], [true, [], []]);
      assert.ok(good.auditSeq! > 0);
      const failed = await store.db
        .selectFrom('audit_log')
        .select('detail')
        .where('target_id', '=', other.packageId)
        .where('action', '=', 'evidence.integrity_failed')
        .execute();
      assert.deepEqual(
        failed.map((r) => (JSON.parse(r.detail!) as { check: string }).check),
        ['read', 'verify'],
        'a failed read and a failed verify are entries',
      );
      await assert.rejects(evidence.exportPackage(other.packageId, legal), /events.jsonl do not match the manifest/);
      assert.equal(
        (
          await store.db
            .selectFrom('audit_log')
            .select('seq')
            .where('target_id', '=', other.packageId)
            .where('action', '=', 'evidence.integrity_failed')
            .execute()
        ).length,
        3,
        'a refused export is an entry',
      );
    });

    it('reads old packages after a key rotation, and seals new ones with the new key', async () => {
      const rotated = createEvidenceService({ store, engine, config: config({ keys: `k1:${k1},k2:${k2}`, activeKeyId: 'k2' }), clock });
      assert.match((await rotated.readFile(packageId, 'case.json', legal)).toString(), new RegExp(caseId));
      const m = await rotated.preserve(caseId, 'after rotation', 'system');
      assert.equal(m.keyId, 'k2');
      await assert.rejects(evidence.readFile(m.packageId, 'case.json', legal), /k2 is not configured/);
    });

    it('deletes packages after the retention period unless a legal hold keeps them', async () => {
      await assert.rejects(evidence.setHold(packageId, true, 'subpoena', reviewer), /legal role/);
      await evidence.setHold(packageId, true, 'preservation request from law enforcement', legal);
      clock.advance(366 * 86_400_000);
      const deleted = await evidence.sweep();
      assert.ok(deleted >= 1);
      assert.ok((await evidence.manifest(packageId, legal)).legalHold, 'held package kept');
      const remaining = await store.db.selectFrom('evidence_packages').select('id').where('deleted_ms', 'is', null).execute();
      assert.deepEqual(
        remaining.map((r) => r.id),
        [packageId],
      );
      await evidence.setHold(packageId, false, 'case closed', legal);
      assert.equal(await evidence.sweep(), 1);
      await assert.rejects(evidence.manifest(packageId, legal), /no such evidence package/);
      assert.equal((await store.db.selectFrom('evidence_files').select('name').where('package_id', '=', packageId).execute()).length, 0);
    });
  });
}
