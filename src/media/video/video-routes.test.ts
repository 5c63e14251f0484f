import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { at, nextId } from '../../testing/events.js';
import { bearer, createTestApp, type TestApp } from '../../testing/test-app.js';
import { ffmpegAvailable } from './ffmpeg-decoder.js';
import { compareTmk } from './tmk.js';
import { readTmkFile } from './tmk-file.js';
import { parseVpdqJson } from './vpdq.js';

/*
 * Videos through the same doors as images: POST /v1/hash and /v1/match, video banks (vPDQ
 * entries), `media.uploaded` with a video under the media root raising `csam_hash_match`, and
 * quarantine. Two variants of one reference clip stand in for a banked video and its re-upload;
 * a different clip must not match.
 */

const skip = ffmpegAvailable() ? false : 'ffmpeg is not installed (Debian: apt-get install -y ffmpeg); video routes are not tested';
const REF = new URL('../../../testdata/video-reference/', import.meta.url).pathname;
const GREY = 'pattern-sd-grey-bar';
const LOGO = 'pattern-sd-with-small-logo-bar';
const OTHER = 'doorknob-hd-no-bar';
const clip = (name: string) => readFileSync(`${REF}videos/${name}.mp4`);

describe('videos over HTTP and in the engine', { skip }, () => {
  let t: TestApp;
  let mediaRoot: string;
  before(async () => {
    mediaRoot = mkdtempSync(join(tmpdir(), 'warden-video-media-'));
    mkdirSync(join(mediaRoot, 'uploads'));
    for (const n of [LOGO, OTHER]) copyFileSync(`${REF}videos/${n}.mp4`, join(mediaRoot, 'uploads', `${n}.mp4`));
    t = await createTestApp(':memory:', { media: { root: mediaRoot, floodLimitPerHour: 100 } });
  });
  after(async () => {
    await t.close();
    rmSync(mediaRoot, { recursive: true, force: true });
  });

  const json = (method: 'GET' | 'POST' | 'PATCH', url: string, key: string, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { ...bearer(key), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  const bytes = (url: string, key: string, payload: Buffer, type = 'video/mp4') =>
    t.app.inject({ method: 'POST', url, headers: { ...bearer(key), 'content-type': type }, payload });

  let greyVpdq = '';

  it('POST /v1/hash hashes a video: vPDQ (python-threatexchange form), digests, and TMK+PDQF when asked', async () => {
    const res = await bytes('/v1/hash?tmk=true', t.keys.decide, clip(GREY));
    assert.equal(res.statusCode, 200, res.body);
    const h = res.json();
    assert.equal(h.kind, 'video');
    assert.match(h.md5, /^[0-9a-f]{32}$/);
    const v = parseVpdqJson(h.vpdq);
    assert.ok(v.ok);
    // 206 frames at 30 fps, one hashed a second: frames 0, 30, ... 180.
    assert.equal(h.frames, 7);
    assert.deepEqual(
      v.value.map((f) => f.timestamp),
      [0, 1, 2, 3, 4, 5, 6],
    );
    const tmk = readTmkFile(Buffer.from(h.tmk, 'base64'));
    const ref = readTmkFile(readFileSync(`${REF}tmk-hashes/${GREY}.tmk`));
    assert.ok(tmk.ok && ref.ok);
    assert.ok(compareTmk(tmk.value, ref.value).level1 > 0.999);
    greyVpdq = h.vpdq;
    // Sent as application/octet-stream, the container is recognised.
    const sniffed = await bytes('/v1/hash', t.keys.decide, clip(GREY), 'application/octet-stream');
    assert.equal(sniffed.json().vpdq, greyVpdq);
  });

  it('refuses a video that cannot be decoded, naming why', async () => {
    const res = await bytes('/v1/hash', t.keys.decide, Buffer.from('not a video, only text'));
    assert.equal(res.statusCode, 400);
    assert.match(res.json().detail, /the video cannot be hashed: not_a_video/);
    assert.equal((await bytes('/v1/hash', t.keys.ingest, clip(GREY))).statusCode, 403);
  });

  it('banks a video by its vPDQ and matches a variant of it, not another clip (bytes and JSON)', async () => {
    assert.equal((await json('POST', '/v1/banks', t.keys.admin, { name: 'videos' })).statusCode, 201);
    const add = await json('POST', '/v1/banks/videos/entries', t.keys.admin, [
      { signalType: 'vpdq', value: greyVpdq, note: 'test clip' },
      { signalType: 'vpdq', value: '["abc,100,0.0"]' },
      { signalType: 'vpdq', value: '[]' },
    ]);
    assert.equal(add.statusCode, 200, add.body);
    const added = add.json();
    assert.equal(added.stored, 1);
    assert.deepEqual(
      added.rejected.map((r: { index: number; errors: { reason: string }[] }) => [r.index, r.errors[0]!.reason]),
      [
        [1, 'a vpdq signal [0] the PDQ hash must be 64 hex characters'],
        [2, 'a vpdq signal needs at least one frame'],
      ],
    );
    // Listed with its signal string (the store keeps the string apart from the indexed digest).
    const listed = (await json('GET', '/v1/banks/videos/entries', t.keys.reviewer)).json().entries;
    assert.equal(listed[0].value, greyVpdq);

    const variant = (await bytes('/v1/match', t.keys.decide, clip(LOGO))).json();
    assert.equal(variant.matches.length, 1, JSON.stringify(variant));
    assert.equal(variant.matches[0].signalType, 'vpdq');
    assert.equal(variant.matches[0].bankName, 'videos');
    assert.ok(variant.matches[0].distance <= 20);
    assert.equal((await bytes('/v1/match', t.keys.decide, clip(OTHER))).json().matches.length, 0);
    const byJson = (await json('POST', '/v1/match', t.keys.decide, { vpdq: greyVpdq })).json();
    assert.equal(byJson.matches[0].distance, 0);
    const bad = await json('POST', '/v1/match', t.keys.decide, { vpdq: '[1]' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].field, 'vpdq');
  });

  it('banks a video by its TMK+PDQF (.tmk in base64) and matches a variant with ?tmk=true', async () => {
    assert.equal((await json('POST', '/v1/banks', t.keys.admin, { name: 'videos-tmk' })).statusCode, 201);
    const tmk = readFileSync(`${REF}tmk-hashes/${GREY}.tmk`).toString('base64');
    const add = await json('POST', '/v1/banks/videos-tmk/entries', t.keys.admin, [
      { signalType: 'tmk_pdqf', value: tmk },
      { signalType: 'tmk_pdqf', value: 'not base64!' },
      { signalType: 'tmk_pdqf', value: Buffer.from('TMK1FVECGIST').toString('base64') },
    ]);
    const added = add.json();
    assert.equal(added.stored, 1, add.body);
    assert.deepEqual(
      added.rejected.map((r: { errors: { reason: string }[] }) => r.errors[0]!.reason),
      ['a tmk_pdqf signal is a .tmk file in base64 or hex', 'a tmk_pdqf signal: a .tmk file has a 32-byte header; this has 12 bytes'],
    );
    const variant = (await bytes('/v1/match?tmk=true&banks=videos-tmk', t.keys.decide, clip(LOGO))).json();
    assert.equal(variant.matches.length, 1, JSON.stringify(variant));
    assert.equal(variant.matches[0].signalType, 'tmk_pdqf');
    assert.ok(variant.matches[0].distance <= variant.matches[0].threshold);
    assert.equal((await bytes('/v1/match?tmk=true&banks=videos-tmk', t.keys.decide, clip(OTHER))).json().matches.length, 0);
    // Without ?tmk=true no TMK is computed, so the TMK bank is not consulted.
    assert.equal((await bytes('/v1/match?banks=videos-tmk', t.keys.decide, clip(LOGO))).json().matches.length, 0);
    const bank = (await json('GET', '/v1/banks/videos-tmk', t.keys.reviewer)).json();
    assert.equal((await json('PATCH', `/v1/banks/${bank.id}`, t.keys.admin, { enabled: false })).statusCode, 200);
  });

  it('raises csam_hash_match for an uploaded video under the media root, and only for the banked one', async () => {
    const up = (id: string, owner: string, file: string) => ({
      id: nextId(),
      type: 'media.uploaded',
      ts: at(30),
      media: { id, kind: 'video', owner, path: `uploads/${file}.mp4` },
    });
    const r = (
      await json('POST', '/v1/events', t.keys.ingest, [up('v_logo', 'video_uploader', LOGO), up('v_other', 'other_uploader', OTHER)])
    ).json();
    assert.equal(r.accepted, 2);
    assert.equal(r.alerts, 1);
    const alerts = (await json('GET', '/v1/alerts?category=csam_hash_match&subject=video_uploader', t.keys.child_safety)).json().alerts;
    assert.equal(alerts.length, 1);
    assert.equal(alerts[0].severity, 'critical');
    assert.equal(alerts[0].media[0].id, 'v_logo');
    assert.equal(alerts[0].reasons[0].code, 'vpdq_match');
    assert.match(alerts[0].reasons[0].detail, /% of the video's frames found in entry \d+ of bank "videos" \(at least 80% needed\)/);
    assert.equal(
      (await json('GET', '/v1/alerts?category=csam_hash_match&subject=other_uploader', t.keys.child_safety)).json().alerts.length,
      0,
    );
  });

  it('a quarantined video entry stops matching; export and re-import keep the signal string', async () => {
    const entry = (await json('GET', '/v1/banks/videos/entries', t.keys.reviewer)).json().entries[0];
    const q = await json('POST', `/v1/banks/videos/entries/${entry.id}/quarantine`, t.keys.admin, { quarantined: true });
    assert.equal(q.statusCode, 200);
    assert.equal((await json('POST', '/v1/match', t.keys.decide, { vpdq: greyVpdq })).json().matches.length, 0);
    await json('POST', `/v1/banks/videos/entries/${entry.id}/quarantine`, t.keys.admin, { quarantined: false });

    const hma = await t.app.inject({ method: 'GET', url: '/v1/banks/videos/export?format=hma', headers: bearer(t.keys.admin) });
    assert.equal(hma.body, `vpdq ${greyVpdq}\n`);
    assert.equal((await json('POST', '/v1/banks', t.keys.admin, { name: 'videos-copy' })).statusCode, 201);
    const imported = await json('POST', '/v1/banks/videos-copy/import', t.keys.admin, { format: 'hma', content: hma.body });
    assert.equal(imported.json().stored, 1, imported.body);
    // CSV quotes the signal string (it holds commas and quotes) and reads back the same.
    const csv = await t.app.inject({ method: 'GET', url: '/v1/banks/videos/export?format=csv', headers: bearer(t.keys.admin) });
    assert.ok(csv.body.includes(`vpdq,"${greyVpdq.replace(/"/g, '""')}",`));
    assert.equal((await json('POST', '/v1/banks', t.keys.admin, { name: 'videos-csv' })).statusCode, 201);
    const fromCsv = await json('POST', '/v1/banks/videos-csv/import', t.keys.admin, { format: 'csv', content: csv.body });
    assert.equal(fromCsv.json().stored, 1, fromCsv.body);
    assert.equal((await json('GET', '/v1/banks/videos-csv/entries', t.keys.reviewer)).json().entries[0].value, greyVpdq);
  });
});

describe('uploaded videos matched by TMK+PDQF (media.videoTmk)', { skip }, () => {
  let t: TestApp;
  let mediaRoot: string;
  before(async () => {
    mediaRoot = mkdtempSync(join(tmpdir(), 'warden-video-tmk-'));
    for (const n of [LOGO, OTHER]) copyFileSync(`${REF}videos/${n}.mp4`, join(mediaRoot, `${n}.mp4`));
    t = await createTestApp(':memory:', { media: { root: mediaRoot, videoTmk: true } });
  });
  after(async () => {
    await t.close();
    rmSync(mediaRoot, { recursive: true, force: true });
  });

  it('raises csam_hash_match with a tmk_pdqf reason for the banked clip only', async () => {
    const post = (url: string, key: string, body: unknown) =>
      t.app.inject({ method: 'POST', url, headers: { ...bearer(key), 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    assert.equal((await post('/v1/banks', t.keys.admin, { name: 'tmk-only' })).statusCode, 201);
    const tmk = readFileSync(`${REF}tmk-hashes/${GREY}.tmk`).toString('base64');
    assert.equal((await post('/v1/banks/tmk-only/entries', t.keys.admin, [{ signalType: 'tmk_pdqf', value: tmk }])).json().stored, 1);
    const up = (id: string, owner: string, file: string) => ({
      id: nextId(),
      type: 'media.uploaded',
      ts: at(40),
      media: { id, kind: 'video', owner, path: `${file}.mp4` },
    });
    const r = (await post('/v1/events', t.keys.ingest, [up('t_logo', 'tmk_uploader', LOGO), up('t_other', 'tmk_other', OTHER)])).json();
    assert.equal(r.alerts, 1);
    const get = (subject: string) =>
      t.app.inject({ method: 'GET', url: `/v1/alerts?category=csam_hash_match&subject=${subject}`, headers: bearer(t.keys.child_safety) });
    const alerts = (await get('tmk_uploader')).json().alerts;
    assert.equal(alerts[0].reasons[0].code, 'tmk_pdqf_match');
    assert.match(alerts[0].reasons[0].detail, /TMK\+PDQF level-2 score 0\.\d\d \(at least 0\.70 needed\)/);
    assert.equal((await get('tmk_other')).json().alerts.length, 0);
  });
});
