import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createEngine, type Engine } from '../engine/create-engine.js';
import { createStore, type Store } from '../store/store.js';
import { silentLogger, testConfig } from '../testing/events.js';
import { DIALECTS, storeLocation, type TestDatabase } from '../testing/test-databases.js';
import { createCheckpointer, verifyAgainstCheckpoints, type Checkpointer } from './audit-checkpoint.js';
import { readCheckpointFile, readPublicKeyFile } from './signed-checkpoint.js';
import { verifyAudit } from './audit-store.js';
import { checkpointKeys, editAndRechain } from '../testing/audit-tamper.js';

const quiet = { info() {}, warn() {}, error() {} };

for (const dialect of DIALECTS) {
  describe(`audit checkpoints on ${dialect}`, () => {
    let tdb: TestDatabase;
    let store: Store;
    let engine: Engine;
    let dir: string;
    let keys: { keyFile: string; publicFile: string };
    let file: string;
    let cp: Checkpointer;
    const append = (n: number, from: number) =>
      engine.audit(Array.from({ length: n }, (_, i) => ({ actor: 'key:k', action: 'alert.viewed', subjectAccountId: `acc${from + i}` })));
    const anchored = () => verifyAgainstCheckpoints(store.db, readCheckpointFile(file), readPublicKeyFile(keys.publicFile));

    before(async () => {
      tdb = await storeLocation(dialect);
      store = await createStore(tdb.url, { sqliteSynchronous: 'normal' });
      engine = await createEngine({ store, config: testConfig(), logger: silentLogger() });
      dir = mkdtempSync(join(tmpdir(), 'warden-checkpoint-'));
      keys = checkpointKeys(dir);
      file = join(dir, 'checkpoints.jsonl');
      cp = createCheckpointer({
        db: store.db,
        config: { checkpointKeyFile: keys.keyFile, checkpointFile: file, checkpointEveryEntries: 50, checkpointEverySeconds: 3600 },
        logger: quiet,
      });
    });
    after(async () => {
      await store.close();
      await tdb.drop();
    });

    it('signs a checkpoint every N entries, naming the range it adds, and one when stopped', async () => {
      await append(30, 0);
      assert.equal(await cp.checkpoint(), undefined, 'below the entry threshold, within the time one');
      await append(30, 30);
      const first = await cp.checkpoint();
      assert.deepEqual([first?.fromSeq, first?.toSeq], [1, 60]);
      await append(100, 60);
      const second = await cp.checkpoint();
      assert.deepEqual([second?.fromSeq, second?.toSeq], [61, 160]);
      await append(40, 160);
      await cp.stop();
      const lines = readCheckpointFile(file);
      assert.deepEqual(
        lines.map((l) => ('checkpoint' in l ? [l.checkpoint.fromSeq, l.checkpoint.toSeq] : l.error)),
        [
          [1, 60],
          [61, 160],
          [161, 200],
        ],
      );
      const r = await anchored();
      assert.equal(r.ok, true, JSON.stringify(r.firstProblem));
      assert.deepEqual(r.covered && [r.covered.line, r.covered.toSeq], [3, 200]);
    });

    it('resumes from the last checkpoint in the file after a restart, and reports entries not yet covered', async () => {
      const again = createCheckpointer({
        db: store.db,
        config: { checkpointKeyFile: keys.keyFile, checkpointFile: file, checkpointEveryEntries: 50, checkpointEverySeconds: 3600 },
        logger: quiet,
      });
      assert.equal(again.last.seq, 200);
      await append(10, 200);
      const r = await anchored();
      assert.equal(r.ok, true);
      assert.deepEqual([r.covered?.toSeq, r.head.seq], [200, 210]);
      const c = await again.checkpoint(true);
      assert.deepEqual([c?.fromSeq, c?.toSeq], [201, 210]);
    });

    it('names the range holding an edit whose chain was re-hashed', async () => {
      const saved = await store.db.selectFrom('audit_log').select(['seq', 'actor', 'prev_hash', 'hash']).where('seq', '>=', 70).execute();
      await editAndRechain(store.db, 70, 'someone-else');
      assert.equal((await verifyAudit(store.db)).ok, true, 'the re-hashed chain walks clean');
      const r = await anchored();
      assert.equal(r.ok, false);
      assert.equal(r.firstProblem?.problem, 'rechained');
      assert.deepEqual(r.firstProblem?.range, { fromSeq: 61, toSeq: 160 });
      assert.equal(r.covered?.toSeq, 60);
      for (const x of saved)
        await store.db
          .updateTable('audit_log')
          .set({ actor: x.actor, prev_hash: x.prev_hash, hash: x.hash })
          .where('seq', '=', x.seq)
          .execute();
      assert.equal((await anchored()).ok, true);
    });

    it('names a truncated tail that the chain walk alone calls intact', async () => {
      await store.db.deleteFrom('audit_log').where('seq', '>', 114).execute();
      assert.equal((await verifyAudit(store.db)).ok, true, 'without checkpoints, a shorter chain is still a chain');
      const r = await anchored();
      assert.equal(r.ok, false);
      assert.deepEqual([r.firstProblem?.problem, r.firstProblem?.seq], ['truncated', 115]);
      assert.match(r.firstProblem!.detail, /entries 115\.\.210 are missing: the checkpoint at line 4/);
      assert.deepEqual(r.covered?.toSeq, 60, 'the checkpoint before the cut still holds');
      const refusing = createCheckpointer({
        db: store.db,
        config: { checkpointKeyFile: keys.keyFile, checkpointFile: file, checkpointEveryEntries: 1, checkpointEverySeconds: 3600 },
        logger: quiet,
      });
      assert.equal(await refusing.checkpoint(true), undefined, 'a log that ends below the last checkpoint is not signed');
    });

    it('refuses to start without a place for checkpoints, or with a key that is not Ed25519', () => {
      const cfg = { checkpointKeyFile: keys.keyFile, checkpointEveryEntries: 1, checkpointEverySeconds: 1 };
      assert.throws(() => createCheckpointer({ db: store.db, config: cfg, logger: quiet }), /audit.checkpointFile must be set/);
      assert.throws(
        () => createCheckpointer({ db: store.db, config: { ...cfg, checkpointFile: join(dir, 'no-such-dir', 'c.jsonl') }, logger: quiet }),
        /cannot be appended to/,
      );
      const rsa = join(dir, 'rsa.pem');
      writeFileSync(rsa, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
      assert.throws(
        () =>
          createCheckpointer({
            db: store.db,
            config: { ...cfg, checkpointKeyFile: rsa, checkpointFile: join(dir, 'x.jsonl') },
            logger: quiet,
          }),
        /must be an Ed25519 key/,
      );
    });

    it('refuses a checkpoint file that was edited or signed with another key', async () => {
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      const first = JSON.parse(lines[0]!) as { headHash: string };
      first.headHash = 'f'.repeat(64);
      const edited = join(dir, 'edited.jsonl');
      writeFileSync(edited, [JSON.stringify(first), ...lines.slice(1)].join('\n') + '\n');
      const r = await verifyAgainstCheckpoints(store.db, readCheckpointFile(edited), readPublicKeyFile(keys.publicFile));
      assert.deepEqual([r.ok, r.firstProblem?.problem, r.firstProblem?.line], [false, 'checkpoint_invalid', 1]);
      assert.match(r.firstProblem!.detail, /does not verify/);
      const other = checkpointKeys(mkdtempSync(join(tmpdir(), 'warden-other-key-')));
      const w = await verifyAgainstCheckpoints(store.db, readCheckpointFile(file), readPublicKeyFile(other.publicFile));
      assert.match(w.firstProblem!.detail, /not by the given public key/);
    });
  });
}
