import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { at, nextId } from '../testing/events.js';
import { bearer, createTestApp, type TestApp } from '../testing/test-app.js';

const ROOT = new URL('../../testdata/pdq-reference/', import.meta.url).pathname;
const BRIDGE = 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22';
const SHARPENED = 'pdq/data/bridge-mods/sharpen-a-little.jpg';

describe('known-image matching over HTTP and in the engine', () => {
  let t: TestApp;
  let mediaRoot: string;
  before(async () => {
    mediaRoot = mkdtempSync(join(tmpdir(), 'warden-media-'));
    mkdirSync(join(mediaRoot, 'uploads'));
    copyFileSync(ROOT + SHARPENED, join(mediaRoot, 'uploads', 'a.jpg'));
    copyFileSync(ROOT + 'pdq/data/reg-test-input/pen-and-coaster.png', join(mediaRoot, 'uploads', 'b.png'));
    symlinkSync(ROOT + SHARPENED, join(mediaRoot, 'uploads', 'escape.jpg'));
    t = await createTestApp(':memory:', { media: { root: mediaRoot, floodLimitPerHour: 3 } });
  });
  after(() => t.close());

  const json = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, key: string, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { ...bearer(key), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  const ingest = (events: object[]) => json('POST', '/v1/events', t.keys.ingest, events);

  it('creates banks (admin only) and refuses bad ones by field', async () => {
    assert.equal((await json('POST', '/v1/banks', t.keys.reviewer, { name: 'x' })).statusCode, 403);
    const bad = await json('POST', '/v1/banks', t.keys.admin, { name: 'Bad Name', kind: 'maybe', pdqThreshold: 99 });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
      ['kind', 'name', 'pdqThreshold'],
    );
    const created = await json('POST', '/v1/banks', t.keys.admin, { name: 'known', description: 'test bank' });
    assert.equal(created.statusCode, 201);
    assert.equal(created.json().pdqThreshold, 31);
    assert.equal((await json('POST', '/v1/banks', t.keys.admin, { name: 'known' })).statusCode, 409);
    assert.equal((await json('POST', '/v1/banks', t.keys.admin, { name: 'benign', kind: 'negative', pdqThreshold: 10 })).statusCode, 201);
  });

  it('adds entries, reporting each bad hash by index and reason while storing the rest', async () => {
    const res = await json('POST', '/v1/banks/known/entries', t.keys.admin, [
      { signalType: 'pdq', value: BRIDGE, note: 'reference photo', source: 'test' },
      { signalType: 'pdq', value: 'abc' },
      { signalType: 'md5', value: 'zz'.repeat(16) },
      { signalType: 'sha512', value: 'ab' },
      { signalType: 'md5', value: 'AB'.repeat(16) },
    ]);
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.stored, 2);
    assert.deepEqual(
      body.rejected.map((r: { index: number; errors: { field: string; reason: string }[] }) => [r.index, r.errors[0]!.field]),
      [
        [1, 'value'],
        [2, 'value'],
        [3, 'signalType'],
      ],
    );
    assert.match(body.rejected[0].errors[0].reason, /a pdq hash is 64 hex characters; this one has 3/);
    assert.equal(body.entries[1].value, 'ab'.repeat(16), 'stored lower case');
  });

  it('matches by hashes and by bytes, in any orientation, within the bank threshold', async () => {
    const near = BRIDGE.slice(0, 62) + '00';
    const byHash = (await json('POST', '/v1/match', t.keys.decide, { pdq: near })).json();
    assert.equal(byHash.matches.length, 1);
    assert.equal(byHash.matches[0].bankName, 'known');
    assert.ok(byHash.matches[0].distance <= 4);
    const bad = await json('POST', '/v1/match', t.keys.decide, { pdq: 'xyz', md5: '12' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad.json().errors.map((e: { field: string }) => e.field),
      ['pdq', 'md5'],
    );
    const rotated = readFileSync(ROOT + 'pdq/data/reg-test-input/dih/bridge-2-rotate-90.jpg');
    const byBytes = await t.app.inject({
      method: 'POST',
      url: '/v1/match',
      headers: { ...bearer(t.keys.decide), 'content-type': 'image/jpeg' },
      payload: rotated,
    });
    assert.equal(byBytes.statusCode, 200);
    assert.equal(byBytes.json().matches.length, 1, 'a rotated copy matches through the dihedral variants');
    const hashed = await t.app.inject({
      method: 'POST',
      url: '/v1/hash',
      headers: { ...bearer(t.keys.decide), 'content-type': 'application/octet-stream' },
      payload: readFileSync(ROOT + 'pdq/data/bridge-mods/aaa-orig.jpg'),
    });
    assert.equal(hashed.json().pdq, BRIDGE);
    assert.equal(hashed.json().quality, 100);
    const garbage = await t.app.inject({
      method: 'POST',
      url: '/v1/hash',
      headers: { ...bearer(t.keys.decide), 'content-type': 'image/png' },
      payload: Buffer.from('not a png'),
    });
    assert.equal(garbage.statusCode, 400);
    assert.match(garbage.json().detail, /cannot be hashed/);
  });

  it('raises a critical csam_hash_match alert from the hashes an event carries, naming entry and distance', async () => {
    const ev = {
      id: nextId(),
      type: 'media.uploaded',
      ts: at(10),
      media: { id: 'm_carried', kind: 'image', owner: 'uploader_1', pdq: BRIDGE.slice(0, 63) + '3' },
    };
    const r = (await ingest([ev])).json();
    assert.equal(r.alerts, 1);
    const alerts = (await json('GET', '/v1/alerts?category=csam_hash_match&subject=uploader_1', t.keys.child_safety)).json().alerts;
    assert.equal(alerts.length, 1);
    const a = alerts[0];
    assert.equal(a.severity, 'critical');
    assert.deepEqual(a.evidence, [ev.id]);
    assert.equal(a.triggerEventId, ev.id);
    assert.equal(a.media[0].id, 'm_carried');
    assert.equal(a.media[0].matches[0].bankName, 'known');
    assert.equal(a.reasons[0].code, 'pdq_match');
    assert.match(a.reasons[0].detail, /PDQ distance 1 \(bank threshold 31\) to entry \d+ of bank "known"/);
  });

  it('hashes media bytes under the media root itself, and refuses paths that leave it', async () => {
    const inside = {
      id: nextId(),
      type: 'message.sent',
      ts: at(11),
      message: {
        id: 'msg_x',
        conversationId: 'c_x',
        from: 'sender_2',
        to: ['rcpt_2'],
        media: [{ id: 'm_file', kind: 'image', path: 'uploads/a.jpg' }],
      },
    };
    const unrelated = {
      id: nextId(),
      type: 'media.uploaded',
      ts: at(12),
      media: { id: 'm_other', kind: 'image', owner: 'sender_3', path: 'uploads/b.png' },
    };
    const escapes = ['../../etc/passwd', '/etc/hostname', 'uploads/escape.jpg'].map((path, i) => ({
      id: nextId(),
      type: 'media.uploaded',
      ts: at(13),
      media: { id: `m_escape_${i}`, kind: 'image', owner: 'sender_4', path },
    }));
    const r = (await ingest([inside, unrelated, ...escapes])).json();
    assert.equal(r.accepted, 5);
    assert.equal(r.alerts, 1, 'only the sharpened copy of the banked photo matches');
    const a = (await json('GET', '/v1/alerts?category=csam_hash_match&subject=sender_2', t.keys.child_safety)).json().alerts[0];
    assert.deepEqual(a.relatedAccountIds, ['rcpt_2']);
    assert.equal(a.conversationId, 'c_x');
  });

  it('lets a negative bank suppress a known false positive', async () => {
    const benignPdq = 'aa'.repeat(32);
    await json('POST', '/v1/banks/known/entries', t.keys.admin, [{ signalType: 'pdq', value: benignPdq }]);
    assert.equal((await json('POST', '/v1/match', t.keys.decide, { pdq: benignPdq })).json().matches.length, 1);
    await json('POST', '/v1/banks/benign/entries', t.keys.admin, [{ signalType: 'pdq', value: benignPdq, note: 'reviewed: not abuse' }]);
    assert.equal((await json('POST', '/v1/match', t.keys.decide, { pdq: benignPdq })).json().matches.length, 0);
  });

  it('quarantines an entry flooded with matches and tells an admin; an admin can restore it', async () => {
    const md5 = 'cd'.repeat(16);
    const added = (await json('POST', '/v1/banks/known/entries', t.keys.admin, [{ signalType: 'md5', value: md5 }])).json().entries[0];
    const uploads = [1, 2, 3, 4, 5].map((i) => ({
      id: nextId(),
      type: 'media.uploaded',
      ts: at(20 + i),
      media: { id: `flood_${i}`, kind: 'image', owner: `flooder_${i}`, md5, sha256: String(i).repeat(64) },
    }));
    const r = (await ingest(uploads)).json();
    assert.equal(r.alerts, 3, 'alerts until the limit of 3, then quarantine');
    const quarantined = (await json('GET', '/v1/banks/known/entries?state=quarantined', t.keys.reviewer)).json().entries;
    assert.deepEqual(
      quarantined.map((e: { id: number }) => e.id),
      [added.id],
    );
    const notices = (await json('GET', '/v1/admin/notices', t.keys.admin)).json().notices;
    assert.ok(
      notices.some((n: { kind: string; detail: string }) => n.kind === 'bank_entry_quarantined' && n.detail.includes(`entry ${added.id}`)),
    );
    assert.equal((await json('POST', '/v1/match', t.keys.decide, { md5 })).json().matches.length, 0);
    await json('POST', `/v1/banks/known/entries/${added.id}/quarantine`, t.keys.admin, { quarantined: false });
    assert.equal((await json('POST', '/v1/match', t.keys.decide, { md5 })).json().matches.length, 1);
  });

  it('imports HMA local_file and CSV lists, reporting bad lines, and exports them back', async () => {
    await json('POST', '/v1/banks', t.keys.admin, { name: 'imported' });
    const hma = `# a list\npdq ${'12'.repeat(32)}\nmd5 ${'34'.repeat(16)}\npdq nothex\n\n${'56'.repeat(32)}\n`;
    const r1 = (await json('POST', '/v1/banks/imported/import', t.keys.admin, { format: 'hma', content: hma })).json();
    assert.equal(r1.stored, 2);
    assert.deepEqual(
      r1.skipped.map((e: { line: number }) => e.line),
      [4, 6],
    );
    const r2 = (
      await json('POST', '/v1/banks/imported/import', t.keys.admin, { format: 'hma', signalType: 'pdq', content: `${'56'.repeat(32)}\n` })
    ).json();
    assert.equal(r2.stored, 1);
    const csv = `signal_type,value,note,source,added_at\nsha256,${'78'.repeat(32)},"from partner, reviewed",partner-x,2026-01-02T03:04:05Z\nmd5,short,,,\n`;
    const r3 = (await json('POST', '/v1/banks/imported/import', t.keys.admin, { format: 'csv', content: csv })).json();
    assert.equal(r3.stored, 1);
    assert.deepEqual(
      r3.skipped.map((e: { line: number }) => e.line),
      [3],
    );
    const exported = await t.app.inject({ method: 'GET', url: '/v1/banks/imported/export?format=csv', headers: bearer(t.keys.reviewer) });
    assert.equal(exported.headers['content-type'], 'text/csv; charset=utf-8');
    const lines = exported.body.trim().split('\n');
    assert.equal(lines[0], 'signal_type,value,note,source,added_at');
    assert.ok(lines.includes(`sha256,${'78'.repeat(32)},"from partner, reviewed",partner-x,2026-01-02T03:04:05.000Z`));
    const hmaOut = (await t.app.inject({ method: 'GET', url: '/v1/banks/imported/export?format=hma', headers: bearer(t.keys.reviewer) }))
      .body;
    assert.equal(hmaOut.trim().split('\n').length, 4);
    assert.ok(hmaOut.includes(`pdq ${'12'.repeat(32)}`));
  });

  it('lists banks with counts, disables a bank, and removes entries', async () => {
    const banks = (await json('GET', '/v1/banks', t.keys.reviewer)).json().banks;
    const known = banks.find((b: { name: string }) => b.name === 'known');
    assert.ok(known.entries >= 4);
    await json('PATCH', '/v1/banks/known', t.keys.admin, { enabled: false });
    assert.equal((await json('POST', '/v1/match', t.keys.decide, { pdq: BRIDGE })).json().matches.length, 0);
    await json('PATCH', '/v1/banks/known', t.keys.admin, { enabled: true });
    const entry = (await json('POST', '/v1/match', t.keys.decide, { pdq: BRIDGE })).json().matches[0];
    assert.equal((await json('DELETE', `/v1/banks/known/entries/${entry.entryId}`, t.keys.admin)).statusCode, 204);
    assert.equal((await json('POST', '/v1/match', t.keys.decide, { pdq: BRIDGE })).json().matches.length, 0);
    assert.equal((await json('DELETE', `/v1/banks/known/entries/${entry.entryId}`, t.keys.admin)).statusCode, 404);
    assert.equal((await json('GET', '/v1/banks/nope', t.keys.reviewer)).statusCode, 404);
  });
});
