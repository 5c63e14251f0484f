import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ffmpegAvailable } from '../media/video/ffmpeg-decoder.js';
import { at, nextId } from '../testing/events.js';
import { bearer, createTestApp, type TestApp } from '../testing/test-app.js';
import type { ExchangeSim } from './exchange-sim.js';
import { createNcmecHashSim } from './ncmec/hash-sim.js';
import { createStopNciiSim } from './stopncii/stopncii-sim.js';

/*
 * Sources' video fingerprints matched against uploads, end to end: NCMEC's simulator serves a
 * video entry whose TMK_PDQF is the reference's `.tmk` of one clip (base64, as the API carries
 * it), StopNCII's a VideoMD5 of another clip's bytes; uploads of a variant of the first clip and
 * of the second raise `csam_hash_match` through the sources' banks, and quarantine applies.
 */

const skip = ffmpegAvailable()
  ? false
  : 'ffmpeg is not installed (Debian: apt-get install -y ffmpeg); exchange video matching is not tested';
const REF = new URL('../../testdata/video-reference/', import.meta.url).pathname;
const GREY = 'pattern-sd-grey-bar';
const LOGO = 'pattern-sd-with-small-logo-bar';
const OTHER = 'doorknob-hd-no-bar';
const T0 = Date.UTC(2026, 4, 1);

describe('exchange video fingerprints matched against uploads', { skip }, () => {
  let t: TestApp;
  let ncmec: ExchangeSim;
  let stopncii: ExchangeSim;
  let mediaRoot: string;
  const env = process.env;
  before(async () => {
    mediaRoot = mkdtempSync(join(tmpdir(), 'warden-exchange-video-'));
    for (const n of [LOGO, OTHER]) copyFileSync(`${REF}videos/${n}.mp4`, join(mediaRoot, `${n}.mp4`));
    ncmec = await createNcmecHashSim({ username: 'esp', password: 'sim-password', pageSize: 4 });
    stopncii = await createStopNciiSim({ subscriptionKey: 'sub', functionKey: 'fn', pageSize: 4 });
    env.WARDEN_TEST_NCMEC_VIDEO_PASSWORD = 'sim-password';
    env.WARDEN_TEST_STOPNCII_VIDEO_SUB = 'sub';
    env.WARDEN_TEST_STOPNCII_VIDEO_FN = 'fn';
    t = await createTestApp(':memory:', {
      media: { root: mediaRoot, videoTmk: true, floodLimitPerHour: 100 },
      exchanges: {
        sources: [
          {
            name: 'ncmec',
            kind: 'ncmec',
            baseUrl: ncmec.baseUrl,
            username: 'esp',
            passwordEnv: 'WARDEN_TEST_NCMEC_VIDEO_PASSWORD',
            timeoutMs: 5000,
          },
          {
            name: 'stopncii',
            kind: 'stopncii',
            baseUrl: stopncii.baseUrl,
            subscriptionKeyEnv: 'WARDEN_TEST_STOPNCII_VIDEO_SUB',
            functionKeyEnv: 'WARDEN_TEST_STOPNCII_VIDEO_FN',
            timeoutMs: 5000,
          },
        ],
      },
    });
  });
  after(async () => {
    await t.services.exchanges.stop();
    await t.close();
    await ncmec.close();
    await stopncii.close();
    rmSync(mediaRoot, { recursive: true, force: true });
  });

  const call = (method: 'GET' | 'POST', url: string, key: string, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { ...bearer(key), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  const upload = (id: string, owner: string, file: string) => ({
    id: nextId(),
    type: 'media.uploaded',
    ts: at(30),
    media: { id, kind: 'video', owner, path: `${file}.mp4` },
  });
  const alertsOf = async (subject: string) =>
    (await call('GET', `/v1/alerts?category=csam_hash_match&subject=${subject}`, t.keys.child_safety)).json().alerts as {
      reasons: { code: string; detail: string }[];
      media: { id: string; matches: { bankName: string; signalType: string }[] }[];
    }[];

  it('stores the sources’ TMK_PDQF and VideoMD5 as matched types', async () => {
    const tmk = readFileSync(`${REF}tmk-hashes/${GREY}.tmk`);
    ncmec.put({
      id: '42/video-1',
      kind: 'video',
      tsMs: T0,
      deleted: false,
      fingerprints: [{ sourceType: 'TMK_PDQF', value: tmk.toString('base64') }],
    });
    const otherMd5 = createHash('md5')
      .update(readFileSync(`${REF}videos/${OTHER}.mp4`))
      .digest('hex');
    stopncii.put({ id: 's-video-1', kind: 'video', tsMs: T0, deleted: false, fingerprints: [{ sourceType: 'VideoMD5', value: otherMd5 }] });
    for (const name of ['ncmec', 'stopncii']) {
      const r = (await call('POST', `/v1/exchanges/${name}/fetch`, t.keys.admin)).json();
      assert.equal(r.ok, true, JSON.stringify(r));
    }
    const n = (await call('GET', '/v1/exchanges/ncmec', t.keys.reviewer)).json();
    assert.deepEqual(n.counts.byType, { tmk_pdqf: 1 });
    assert.equal(n.counts.invalid, 0);
    assert.deepEqual(n.matchableTypes, ['tmk_pdqf']);
    const s = (await call('GET', '/v1/exchanges/stopncii', t.keys.reviewer)).json();
    assert.deepEqual(s.counts.byType, { video_md5: 1 });
    assert.deepEqual(s.matchableTypes, ['video_md5']);
    // The banked TMK reads back as the reference's file.
    const entry = (await call('GET', '/v1/banks/exchange-ncmec/entries', t.keys.reviewer)).json().entries[0];
    assert.equal(entry.signalType, 'tmk_pdqf');
    assert.equal(entry.value, tmk.toString('base64'));
  });

  it('raises csam_hash_match for an upload of a variant of the TMK video and of the video MD5’s file', async () => {
    const r = (
      await call('POST', '/v1/events', t.keys.ingest, [upload('v_logo', 'tmk_uploader', LOGO), upload('v_other', 'md5_uploader', OTHER)])
    ).json();
    assert.equal(r.accepted, 2);
    assert.equal(r.alerts, 2);
    const tmkAlert = await alertsOf('tmk_uploader');
    assert.equal(tmkAlert.length, 1);
    assert.equal(tmkAlert[0]!.reasons[0]!.code, 'tmk_pdqf_match');
    assert.match(tmkAlert[0]!.reasons[0]!.detail, /bank "exchange-ncmec"/);
    assert.deepEqual(
      tmkAlert[0]!.media[0]!.matches.map((m) => [m.bankName, m.signalType]),
      [['exchange-ncmec', 'tmk_pdqf']],
    );
    const md5Alert = await alertsOf('md5_uploader');
    assert.equal(md5Alert.length, 1);
    assert.equal(md5Alert[0]!.reasons[0]!.code, 'video_md5_match');
    assert.deepEqual(
      md5Alert[0]!.media[0]!.matches.map((m) => [m.bankName, m.signalType]),
      [['exchange-stopncii', 'video_md5']],
    );
  });

  it('a quarantined exchange TMK entry stops matching', async () => {
    const entry = (await call('GET', '/v1/banks/exchange-ncmec/entries', t.keys.reviewer)).json().entries[0];
    const q = await call('POST', `/v1/banks/exchange-ncmec/entries/${entry.id}/quarantine`, t.keys.admin, { quarantined: true });
    assert.equal(q.statusCode, 200);
    const r = (await call('POST', '/v1/events', t.keys.ingest, [upload('v_logo2', 'tmk_again', LOGO)])).json();
    assert.equal(r.alerts, 0);
  });
});
