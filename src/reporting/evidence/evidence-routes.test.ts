import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { bearer, createTestApp, type TestApp } from '../../testing/test-app.js';
import { adult, at, nextId } from '../../testing/events.js';

describe('/v1/evidence', () => {
  let t: TestApp;
  let caseId = '';
  let packageId = '';
  const media = mkdtempSync(join(tmpdir(), 'warden-evidence-api-'));
  const bytes = Buffer.from('abstract synthetic bytes standing in for a banked file');

  before(async () => {
    writeFileSync(join(media, 'banked.bin'), bytes);
    t = await createTestApp(':memory:', {
      media: { root: media },
      evidence: {
        keys: `k1:${randomBytes(32).toString('base64')}`,
        signingKey: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
    });
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
    caseId = (await t.store.db.selectFrom('cases').select('id').executeTakeFirstOrThrow()).id;
  });
  after(() => t.close());

  it('preserves a known-image case as soon as the rule fires (preserve_evidence)', async () => {
    let list: { packages: { id: string; caseId: string; reason: string }[] } = { packages: [] };
    for (let i = 0; i < 100 && list.packages.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
      list = (
        await t.app.inject({ method: 'GET', url: `/v1/evidence?caseId=${caseId}`, headers: bearer(t.keys.legal) })
      ).json() as typeof list;
    }
    assert.equal(list.packages.length, 1);
    assert.match(list.packages[0]!.reason, /preserve_evidence/);
    packageId = list.packages[0]!.id;
  });

  it('lets a reviewer ask for preservation of a case they can see, but not read evidence', async () => {
    assert.equal(
      (
        await t.app.inject({
          method: 'POST',
          url: `/v1/cases/${caseId}/evidence`,
          headers: bearer(t.keys.reviewer),
          payload: { reason: 'more context' },
        })
      ).statusCode,
      404,
      "a known-image case is not the reviewer's to see",
    );
    const r = await t.app.inject({
      method: 'POST',
      url: `/v1/cases/${caseId}/evidence`,
      headers: bearer(t.keys.child_safety),
      payload: { reason: 'before the report' },
    });
    assert.equal(r.statusCode, 201);
    assert.equal(
      (await t.app.inject({ method: 'GET', url: `/v1/evidence/${packageId}`, headers: bearer(t.keys.reviewer) })).statusCode,
      403,
    );
    assert.equal(
      (await t.app.inject({ method: 'POST', url: `/v1/cases/${caseId}/evidence`, headers: bearer(t.keys.child_safety), payload: {} }))
        .statusCode,
      400,
    );
  });

  it('serves the manifest and files to legal, holds and exports', async () => {
    const m = (await t.app.inject({ method: 'GET', url: `/v1/evidence/${packageId}`, headers: bearer(t.keys.legal) })).json() as {
      files: { name: string }[];
    };
    const mediaFile = m.files.find((f) => f.name.endsWith('/f1'))!.name;
    const file = await t.app.inject({ method: 'GET', url: `/v1/evidence/${packageId}/files/${mediaFile}`, headers: bearer(t.keys.legal) });
    assert.equal(file.statusCode, 200);
    assert.deepEqual(file.rawPayload, bytes);
    assert.equal(
      (
        await t.app.inject({
          method: 'POST',
          url: `/v1/evidence/${packageId}/hold`,
          headers: bearer(t.keys.child_safety),
          payload: { hold: true, reason: 'x' },
        })
      ).statusCode,
      403,
    );
    assert.equal(
      (
        await t.app.inject({
          method: 'POST',
          url: `/v1/evidence/${packageId}/hold`,
          headers: bearer(t.keys.legal),
          payload: { hold: true, reason: 'preservation letter' },
        })
      ).statusCode,
      200,
    );
    const tarball = await t.app.inject({ method: 'GET', url: `/v1/evidence/${packageId}/export`, headers: bearer(t.keys.legal) });
    assert.equal(tarball.statusCode, 200);
    assert.equal(tarball.headers['content-type'], 'application/x-tar');
    assert.ok(tarball.rawPayload.includes(Buffer.from('manifest.json')));
    const v = (await t.app.inject({ method: 'GET', url: `/v1/evidence/${packageId}/verify`, headers: bearer(t.keys.legal) })).json() as {
      ok: boolean;
      bad: string[];
      problems: string[];
      auditSeq: number;
    };
    assert.deepEqual([v.ok, v.bad, v.problems], [true, [], []]);
    assert.equal(typeof v.auditSeq, 'number');
  });
});
