import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { FormData, request } from 'undici';
import { createTestApp, type TestApp } from '../testing/test-app.js';

const ROOT = new URL('../../testdata/pdq-reference/', import.meta.url).pathname;
/** PDQ of the reference bridge photo (Meta's pdq test data), as media-routes.test.ts uses it. */
const BRIDGE = 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22';

/**
 * What an HMA client does, over real HTTP: the calls of python-threatexchange's and HMA's own
 * clients (`GET {base}/m/lookup?signal_type=pdq&signal=…`, `POST {base}/c/banks`, …) with the
 * base URL pointed at Warden's `/v1/hma` and the API key in a header, and nothing else changed.
 */
function hmaClient(base: string, key: string) {
  const headers = { authorization: `Bearer ${key}` };
  const json = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) => {
    const res = await request(`${base}${path}`, {
      method,
      headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> & unknown[] };
  };
  return {
    json,
    lookup: (signalType: string, signal: string, banks?: string) =>
      json('GET', `/m/lookup?${new URLSearchParams({ signal_type: signalType, signal, ...(banks ? { banks } : {}) })}`),
    async lookupFile(bytes: Buffer) {
      const form = new FormData();
      form.append('photo', new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg');
      const res = await request(`${base}/m/lookup`, { method: 'POST', headers, body: form });
      return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> };
    },
  };
}

describe('HMA compatibility: an HMA client pointed at Warden', () => {
  let t: TestApp;
  let base: string;
  let admin: ReturnType<typeof hmaClient>;
  let matcher: ReturnType<typeof hmaClient>;
  let contentId: number;
  before(async () => {
    t = await createTestApp();
    base = `${await t.app.listen({ host: '127.0.0.1', port: 0 })}/v1/hma`;
    admin = hmaClient(base, t.keys.admin);
    matcher = hmaClient(base, t.keys.decide);
  });
  after(() => t.close());

  it('creates a bank and adds a signal as HMA curation does', async () => {
    const created = await admin.json('POST', '/c/banks', { name: 'KNOWN_IMAGES' });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body, { name: 'KNOWN_IMAGES', matching_enabled_ratio: 1 });
    assert.equal((await admin.json('POST', '/c/banks', { name: 'lower' })).status, 400);
    assert.equal((await admin.json('POST', '/c/banks', { name: 'KNOWN_IMAGES' })).status, 409);
    const banks = await admin.json('GET', '/c/banks');
    assert.deepEqual(banks.body, [{ name: 'KNOWN_IMAGES', matching_enabled_ratio: 1 }]);
    const added = await admin.json('POST', '/c/bank/KNOWN_IMAGES/signal', { pdq: BRIDGE, note: 'reference photo' });
    assert.equal(added.status, 200);
    contentId = added.body.id as number;
    assert.deepEqual(added.body.signals, { pdq: BRIDGE });
    const content = await admin.json('GET', `/c/bank/KNOWN_IMAGES/content/${contentId}?include_signals=true`);
    assert.deepEqual(content.body, {
      id: contentId,
      disable_until_ts: 1,
      original_media_uri: null,
      bank: { name: 'KNOWN_IMAGES', matching_enabled_ratio: 1 },
      signals: { pdq: BRIDGE },
      note: 'reference photo',
    });
    assert.equal((await matcher.json('POST', '/c/banks', { name: 'NOT_ALLOWED' })).status, 403, 'curation needs an admin key');
  });

  it('looks up a hash with HMA’s answer shape: bank name to content ids and distances', async () => {
    const near = BRIDGE.slice(0, 63) + '3';
    const r = await matcher.lookup('pdq', near);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { KNOWN_IMAGES: [{ bank_content_id: contentId, distance: '1' }] });
    assert.deepEqual((await matcher.lookup('pdq', near, 'OTHER_BANK')).body, {});
    assert.deepEqual((await matcher.json('GET', `/m/raw_lookup?signal_type=pdq&signal=${near}`)).body, { matches: [contentId] });
    assert.deepEqual((await matcher.json('GET', `/m/raw_lookup?signal_type=pdq&signal=${near}&include_distance=true`)).body, {
      matches: [{ bank_content_id: contentId, distance: '1' }],
    });
    const status = await matcher.json('GET', '/m/index/status?signal_type=pdq');
    assert.equal((status.body as unknown as { pdq: { present: boolean; size: number } }).pdq.size, 1);
  });

  it('hashes and looks up an uploaded photo (multipart, field "photo")', async () => {
    const r = await matcher.lookupFile(readFileSync(ROOT + 'pdq/data/bridge-mods/sharpen-a-little.jpg'));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const pdq = r.body.pdq as Record<string, { bank_content_id: number; distance: string }[]>;
    assert.equal(pdq.KNOWN_IMAGES?.[0]?.bank_content_id, contentId);
    assert.ok(Number(pdq.KNOWN_IMAGES[0]!.distance) <= 31);
  });

  it('refuses what it does not offer with the field named, and unauthenticated calls', async () => {
    // HMA's video_md5 and sha1 are offered (a video MD5 is the file's MD5); PhotoDNA is not.
    assert.deepEqual((await matcher.lookup('video_md5', 'ab'.repeat(16))).body, {});
    assert.deepEqual((await matcher.lookup('sha1', 'ab'.repeat(20))).body, {});
    const bad = await matcher.lookup('photodna', 'ab'.repeat(16));
    assert.equal(bad.status, 400);
    assert.equal((bad.body as unknown as { errors: { field: string }[] }).errors[0]!.field, 'signal_type');
    assert.equal((await matcher.json('GET', '/m/lookup?url=https://example.com/x.jpg')).status, 400);
    assert.equal((await request(`${base}/m/lookup?signal_type=pdq&signal=${BRIDGE}`)).statusCode, 401);
  });

  it('disables a bank and deletes content as HMA does, and lookups follow', async () => {
    assert.deepEqual((await admin.json('PUT', '/c/bank/KNOWN_IMAGES', { enabled: false })).body, {
      name: 'KNOWN_IMAGES',
      matching_enabled_ratio: 0,
    });
    assert.deepEqual((await matcher.lookup('pdq', BRIDGE)).body, {});
    await admin.json('PUT', '/c/bank/KNOWN_IMAGES', { enabled_ratio: 1.0 });
    assert.equal(Object.keys((await matcher.lookup('pdq', BRIDGE)).body).length, 1);
    assert.deepEqual((await admin.json('DELETE', `/c/bank/KNOWN_IMAGES/content/${contentId}`)).body, { deleted: 1 });
    assert.deepEqual((await matcher.lookup('pdq', BRIDGE)).body, {});
    assert.equal((await admin.json('GET', `/c/bank/KNOWN_IMAGES/content/${contentId}`)).status, 404);
  });
});
