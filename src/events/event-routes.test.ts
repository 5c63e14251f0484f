import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { adult, at, minor, nextId } from '../testing/events.js';
import { bearer, createTestApp, type TestApp } from '../testing/test-app.js';

describe('POST /v1/events: the body and the batch', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const post = (payload: string | Buffer, contentType = 'application/json', url = '/v1/events', key = t.keys.ingest) =>
    t.app.inject({ method: 'POST', url, headers: { ...bearer(key), 'content-type': contentType }, payload });
  const account = (id: Buffer, band: string) =>
    Buffer.concat([
      Buffer.from(`{"id":"${nextId()}","type":"account.upserted","ts":"${at(0)}","account":{"id":"`),
      id,
      Buffer.from(`","ageBand":"${band}"}}`),
    ]);

  it('refuses invalid UTF-8 with the byte offset, so two ids differing in bad bytes never become one account', async () => {
    const kid = account(Buffer.from([0x6b, 0x69, 0x64, 0x5f, 0xff]), '13-15');
    const body = Buffer.concat([Buffer.from('['), kid, Buffer.from(']')]);
    const r = await post(body);
    assert.equal(r.statusCode, 400);
    const offset = body.indexOf(0xff);
    assert.deepEqual(r.json().errors, [{ field: '(body)', reason: `is not valid UTF-8 at byte offset ${offset} (0xff)` }]);
    const adultOne = Buffer.concat([Buffer.from('['), account(Buffer.from([0x6b, 0x69, 0x64, 0x5f, 0xfe]), 'adult'), Buffer.from(']')]);
    assert.equal((await post(adultOne)).statusCode, 400);
    // An overlong encoding and a surrogate are ill-formed too (RFC 3629 section 4).
    assert.match((await post(Buffer.from([0x5b, 0x22, 0xc0, 0xaf, 0x22, 0x5d]))).json().detail, /byte offset 2 \(0xc0\)/);
    assert.match((await post(Buffer.from([0x5b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x5d]))).json().detail, /byte offset 2 \(0xed\)/);
    const stored = await t.store.db.selectFrom('accounts').select('id').where('id', 'like', 'kid_%').execute();
    assert.deepEqual(stored, []);
    // Valid multi-byte UTF-8 (and a leading byte-order mark) still goes through.
    const ok = await post(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify([adult('kid_é🙂')]))]));
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().accepted, 1);
  });

  it('answers 415 to an application/octet-stream body', async () => {
    const r = await post(Buffer.from(JSON.stringify([adult('oct_a')])), 'application/octet-stream');
    assert.equal(r.statusCode, 415);
    assert.equal(r.json().type, 'urn:warden:problem:unsupported_media_type');
    const withCharset = await post(Buffer.from(JSON.stringify([adult('oct_b')])), 'application/json; charset=utf-8');
    assert.equal(withCharset.statusCode, 200, 'a charset parameter is still JSON');
  });

  it('names a __proto__ key as a reserved field of that event alone, not as invalid JSON', async () => {
    const good = adult('proto_ok');
    const body = `[${JSON.stringify(good)},{"id":"${nextId()}","type":"account.upserted","ts":"${at(0)}","account":{"id":"proto_bad","__proto__":{"ageBand":"adult"}}}]`;
    const r = await post(body);
    assert.equal(r.statusCode, 200);
    assert.equal(r.json().accepted, 1);
    assert.deepEqual(r.json().rejected[0].errors, [
      { field: 'account.__proto__', reason: 'is a reserved name (__proto__), not a field of any event' },
    ]);
    const other = await post(
      '{"action":"message","actor":"a","target":"b","__proto__":{"x":1}}',
      'application/json',
      '/v1/decisions',
      t.keys.decide,
    );
    assert.equal(other.statusCode, 400);
    assert.deepEqual(other.json().errors, [{ field: '__proto__', reason: 'is a reserved name (__proto__), not a field Warden accepts' }]);
    assert.doesNotMatch(other.json().detail, /not valid JSON/);
  });

  it('refuses a timestamp before 1970', async () => {
    const r = await post(JSON.stringify([{ ...adult('y0'), ts: '0000-01-01T00:00:00Z' }]));
    assert.equal(r.statusCode, 400);
    assert.deepEqual(
      r.json().errors.map((e: { field: string; reason: string }) => [e.field, e.reason]),
      [['ts', 'is before 1970-01-01T00:00:00Z']],
    );
    const created = await post(
      JSON.stringify([{ ...adult('y1'), account: { id: 'y1', ageBand: 'adult', createdAt: '0001-01-01T00:00:00Z' } }]),
    );
    assert.equal(created.json().errors[0].field, 'account.createdAt');
  });

  it('reports an id reused with different content as a conflict, apart from a plain duplicate', async () => {
    const kid = minor('conf_kid');
    assert.equal((await post(JSON.stringify([kid]))).json().accepted, 1);
    const same = (await post(JSON.stringify([kid]))).json();
    assert.deepEqual([same.accepted, same.duplicates, same.conflicts, same.errors], [0, 1, [], false]);
    const changed = { ...kid, account: { ...kid.account, ageBand: 'adult' } };
    const r = (await post(JSON.stringify([adult('conf_other'), changed]))).json();
    assert.deepEqual([r.accepted, r.duplicates, r.errors], [1, 0, true]);
    assert.deepEqual(
      r.conflicts.map((c: { index: number; id: string }) => [c.index, c.id]),
      [[1, kid.id]],
    );
    const band = await t.store.db.selectFrom('accounts').select('age_band').where('id', '=', 'conf_kid').executeTakeFirstOrThrow();
    assert.equal(band.age_band, '13-15', 'the conflicting event was not applied');
    // A reused id inside one batch is a conflict too.
    const twin = adult('conf_twin');
    const inBatch = (await post(JSON.stringify([twin, { ...twin, account: { id: 'conf_twin', ageBand: '16-17' } }]))).json();
    assert.deepEqual([inBatch.accepted, inBatch.duplicates, inBatch.conflicts.length], [1, 0, 1]);
  });
});
