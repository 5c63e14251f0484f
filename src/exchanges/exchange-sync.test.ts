import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, nextId } from '../testing/events.js';
import { bearer, createTestApp, type TestApp } from '../testing/test-app.js';
import type { ExchangeSim } from './exchange-sim.js';
import { hexOf, tmkOf } from './exchange-examples.js';
import { createReviewer } from '../console/reviewer-store.js';
import { createNcmecHashSim } from './ncmec/hash-sim.js';
import { createStopNciiSim } from './stopncii/stopncii-sim.js';

const T0 = Date.UTC(2026, 4, 1);

/** The exchange service in the real app: sources from config, state over the API, banks, matching, flood, feedback. */
describe('hash exchanges in Warden', () => {
  let t: TestApp;
  let ncmec: ExchangeSim;
  let stopncii: ExchangeSim;
  const env = process.env;
  before(async () => {
    ncmec = await createNcmecHashSim({ username: 'esp', password: 'sim-password', pageSize: 4 });
    stopncii = await createStopNciiSim({ subscriptionKey: 'sub', functionKey: 'fn', pageSize: 4 });
    env.WARDEN_TEST_NCMEC_HASH_PASSWORD = 'sim-password';
    env.WARDEN_TEST_STOPNCII_SUB = 'sub';
    env.WARDEN_TEST_STOPNCII_FN = 'fn';
    t = await createTestApp(':memory:', {
      exchanges: {
        sources: [
          {
            name: 'ncmec',
            kind: 'ncmec',
            baseUrl: ncmec.baseUrl,
            username: 'esp',
            passwordEnv: 'WARDEN_TEST_NCMEC_HASH_PASSWORD',
            pdqThreshold: 20,
            floodLimitPerHour: 2,
            timeoutMs: 2000,
          },
          {
            name: 'stopncii',
            kind: 'stopncii',
            baseUrl: stopncii.baseUrl,
            subscriptionKeyEnv: 'WARDEN_TEST_STOPNCII_SUB',
            functionKeyEnv: 'WARDEN_TEST_STOPNCII_FN',
            pdqThreshold: 8,
            timeoutMs: 2000,
          },
          { name: 'te', kind: 'threatexchange', privacyGroup: '99', accessTokenEnv: 'WARDEN_TEST_TE_TOKEN_UNSET' },
        ],
      },
    });
  });
  after(async () => {
    await t.services.exchanges.stop();
    await t.close();
    await ncmec.close();
    await stopncii.close();
  });

  const call = (method: 'GET' | 'POST', url: string, key: string, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { ...bearer(key), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  const state = async (name: string) => (await call('GET', `/v1/exchanges/${name}`, t.keys.reviewer)).json();
  const image = (n: number) => [
    { sourceType: 'MD5', value: hexOf(n, 32, 1) },
    { sourceType: 'SHA1', value: hexOf(n, 40, 2) },
    { sourceType: 'PDQ', value: hexOf(n, 64, 3) },
    { sourceType: 'PDNA', value: hexOf(n, 96, 6) },
  ];

  it('fetches NCMEC into a bank of its own at the source’s PDQ threshold, resuming a fetch broken by an HTTP 500', async () => {
    for (let n = 1; n <= 10; n++)
      ncmec.put({ id: `42/e${n}`, kind: 'image', tsMs: T0 + (11 - n) * 1000, deleted: false, fingerprints: image(n) });
    ncmec.put({
      id: '42/v1',
      kind: 'video',
      tsMs: T0 + 500,
      deleted: false,
      fingerprints: [{ sourceType: 'TMK_PDQF', value: tmkOf(1, 'base64') }],
    });
    ncmec.failList('http500', { after: 1 });
    assert.equal((await call('POST', '/v1/exchanges/ncmec/fetch', t.keys.reviewer)).statusCode, 403, 'admins only');
    const broken = (await call('POST', '/v1/exchanges/ncmec/fetch', t.keys.admin)).json();
    assert.equal(broken.ok, false);
    assert.match(broken.error, /HTTP 500/);
    const mid = await state('ncmec');
    assert.ok(mid.checkpoint.resume, 'the checkpoint holds the page to resume at');
    assert.match(mid.lastError, /HTTP 500/);
    const done = (await call('POST', '/v1/exchanges/ncmec/fetch', t.keys.admin)).json();
    assert.equal(done.ok, true, JSON.stringify(done));
    const s = await state('ncmec');
    assert.equal(s.lastError, null);
    assert.equal(s.checkpoint.resume, undefined);
    assert.equal(s.counts.fetched, 11);
    // 10 images × (MD5, SHA1, PDQ) + one TMK_PDQF; PDNA is kept and counted, never banked.
    assert.deepEqual(s.counts.byType, { md5: 10, sha1: 10, pdq: 10, tmk_pdqf: 1 });
    assert.deepEqual(s.counts.unsupported, { PDNA: 10 });
    assert.deepEqual(s.matchableTypes.sort(), ['md5', 'pdq', 'sha1', 'tmk_pdqf']);
    const bank = (await call('GET', '/v1/banks/exchange-ncmec', t.keys.reviewer)).json();
    assert.equal(bank.pdqThreshold, 20);
    const entries = (await call('GET', '/v1/banks/exchange-ncmec/entries?limit=100', t.keys.reviewer)).json().entries;
    assert.equal(entries.length, 31, 'each fingerprint once, nothing stored twice by the resumed fetch');
    assert.ok(
      entries.some((e: { signalType: string }) => e.signalType === 'tmk_pdqf'),
      'video fingerprints are stored with their type',
    );
  });

  it('matches what it fetched, within each source’s threshold', async () => {
    const pdq = hexOf(3, 64, 3);
    // Flip 12 bits: inside NCMEC's 20, outside StopNCII's 8.
    const near = (parseInt(pdq.slice(0, 3), 16) ^ 0xfff).toString(16).padStart(3, '0') + pdq.slice(3);
    stopncii.put({ id: 's1', kind: 'image', tsMs: T0, deleted: false, fingerprints: [{ sourceType: 'ImagePDQ', value: pdq }] });
    assert.equal((await call('POST', '/v1/exchanges/stopncii/fetch', t.keys.admin)).json().ok, true);
    const exact = (await call('POST', '/v1/match', t.keys.decide, { pdq })).json().matches;
    assert.deepEqual(exact.map((m: { bankName: string }) => m.bankName).sort(), ['exchange-ncmec', 'exchange-stopncii']);
    const close = (await call('POST', '/v1/match', t.keys.decide, { pdq: near })).json().matches;
    assert.deepEqual(
      close.map((m: { bankName: string; distance: number }) => [m.bankName, m.distance]),
      [['exchange-ncmec', 12]],
    );
    const md5 = (await call('POST', '/v1/match', t.keys.decide, { md5: hexOf(4, 32, 1) })).json().matches;
    assert.equal(md5.length, 1);
  });

  it('takes a deleted entry out of matching, and ignores an older update that arrives after it', async () => {
    // Sources stamp changes with their own clock: after the checkpoint (Warden's clock, less a settling margin).
    t.clock.advance(3600_000);
    const deletedAt = t.clock.now() - 60_000;
    ncmec.put({ id: '42/e4', kind: 'image', tsMs: deletedAt, deleted: true, fingerprints: [] });
    assert.equal((await call('POST', '/v1/exchanges/ncmec/fetch', t.keys.admin)).json().ok, true);
    assert.equal((await call('POST', '/v1/match', t.keys.decide, { md5: hexOf(4, 32, 1) })).json().matches.length, 0);
    // The source now lists an older version of the entry (out of time order): Warden keeps the deletion.
    ncmec.put({ id: '42/e4', kind: 'image', tsMs: deletedAt - 1800_000, deleted: false, fingerprints: image(4) });
    const before = (await state('ncmec')).counts;
    // The checkpoint is past that time, so resend it from the start as a source replaying history would.
    await t.store.db.updateTable('exchange_sources').set({ checkpoint: null }).where('name', '=', 'ncmec').execute();
    assert.equal((await call('POST', '/v1/exchanges/ncmec/fetch', t.keys.admin)).json().ok, true);
    const after = (await state('ncmec')).counts;
    assert.ok(after.stale > before.stale);
    assert.equal((await call('POST', '/v1/match', t.keys.decide, { md5: hexOf(4, 32, 1) })).json().matches.length, 0);
  });

  it('quarantines new fingerprints past the hourly flood limit once the backfill is done, with a notice', async () => {
    t.clock.advance(60_000);
    for (let n = 50; n < 53; n++)
      ncmec.put({
        id: `42/f${n}`,
        kind: 'image',
        tsMs: t.clock.now() - 30_000 + n,
        deleted: false,
        fingerprints: [{ sourceType: 'MD5', value: hexOf(n, 32, 1) }],
      });
    assert.equal((await call('POST', '/v1/exchanges/ncmec/fetch', t.keys.admin)).json().ok, true);
    const s = await state('ncmec');
    assert.equal(s.counts.quarantined, 1, 'limit 2 an hour: the third new fingerprint waits for an admin');
    let live = 0;
    for (const n of [50, 51, 52]) live += (await call('POST', '/v1/match', t.keys.decide, { md5: hexOf(n, 32, 1) })).json().matches.length;
    assert.equal(live, 2);
    const notices = (await call('GET', '/v1/admin/notices', t.keys.admin)).json().notices;
    assert.ok(notices.some((n: { kind: string }) => n.kind === 'exchange_flood'));
  });

  it('shows a source that cannot start (its secret unset) with the reason, not a crash', async () => {
    const all = (await call('GET', '/v1/exchanges', t.keys.reviewer)).json().exchanges;
    assert.deepEqual(
      all.map((s: { name: string }) => s.name),
      ['ncmec', 'stopncii', 'te'],
    );
    const te = (await call('POST', '/v1/exchanges/te/fetch', t.keys.admin)).json();
    assert.equal(te.ok, false);
    assert.match(te.error, /WARDEN_TEST_TE_TOKEN_UNSET is not set/);
    assert.equal((await call('GET', '/v1/exchanges/nope', t.keys.reviewer)).statusCode, 404);
  });

  it('shows every source’s state on a console page, under the console’s CSP', async () => {
    await createReviewer(t.store.db, { username: 'exa', displayName: 'Exa', roles: ['admin'], password: 'a long test password 1' });
    const login = await t.app.inject({
      method: 'POST',
      url: '/console/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ username: 'exa', password: 'a long test password 1' }).toString(),
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const page = await t.app.inject({ method: 'GET', url: '/console/exchanges', headers: { cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
    for (const text of [
      'ncmec',
      'stopncii',
      'te',
      'WARDEN_TEST_TE_TOKEN_UNSET is not set',
      '<code>tmk_pdqf</code> 1 (matched)',
      '<code>PDNA</code> 10',
    ])
      assert.ok(page.body.includes(text), text);
    assert.equal((await t.app.inject({ method: 'GET', url: '/console/exchanges' })).statusCode, 303, 'signed-in users only');
  });

  it('sends a reviewer’s confirm back to the source that supplied the matching hash', async () => {
    const pdq = hexOf(7, 64, 3);
    const ev = { id: nextId(), type: 'media.uploaded', ts: at(5), media: { id: 'm_ex', kind: 'image', owner: 'uploader_ex', pdq } };
    assert.equal((await call('POST', '/v1/events', t.keys.ingest, [ev])).json().alerts, 1);
    while ((await t.services.runner.runOnce()) > 0);
    const cases = (await call('GET', '/v1/cases?status=open', t.keys.child_safety)).json().cases;
    const c = cases.find((x: { subjectAccountId: string }) => x.subjectAccountId === 'uploader_ex');
    assert.ok(c, 'a case for the upload');
    assert.equal((await call('POST', `/v1/cases/${c.id}/claim`, t.keys.child_safety)).statusCode, 200);
    assert.equal(
      (await call('POST', `/v1/cases/${c.id}/decision`, t.keys.child_safety, { decision: 'confirm', category: 'csam' })).statusCode,
      200,
    );
    stopncii.failFeedback('http500');
    await t.services.exchanges.feedbackRound();
    assert.deepEqual(ncmec.feedback, [{ entryId: '42/e7', sourceType: 'PDQ', verdict: 'confirm' }]);
    assert.equal((await state('stopncii')).feedback.pending, 0, 'StopNCII did not supply this hash');
    assert.equal((await state('ncmec')).feedback.sent, 1);
    await t.services.exchanges.feedbackRound();
    assert.equal(ncmec.feedback.length, 1, 'sent once');
  });

  const caseFor = async (uploader: string, pdq: string) => {
    const ev = { id: nextId(), type: 'media.uploaded', ts: at(6), media: { id: `m_${uploader}`, kind: 'image', owner: uploader, pdq } };
    assert.equal((await call('POST', '/v1/events', t.keys.ingest, [ev])).json().alerts, 1);
    while ((await t.services.runner.runOnce()) > 0);
    const c = (await call('GET', '/v1/cases?status=open', t.keys.child_safety))
      .json()
      .cases.find((x: { subjectAccountId: string }) => x.subjectAccountId === uploader);
    assert.equal((await call('POST', `/v1/cases/${c.id}/claim`, t.keys.child_safety)).statusCode, 200);
    return c.id as string;
  };

  it('sends a rejection for a false positive to every source that supplied the hash, retrying one that failed', async () => {
    const id = await caseFor('uploader_fp', hexOf(3, 64, 3)); // held by both NCMEC (42/e3) and StopNCII
    const dismiss = { decision: 'dismiss', reason: 'false_positive', note: 'a different image' };
    assert.equal((await call('POST', `/v1/cases/${id}/decision`, t.keys.child_safety, dismiss)).statusCode, 200);
    await t.services.exchanges.feedbackRound();
    assert.deepEqual(ncmec.feedback.at(-1), { entryId: '42/e3', sourceType: 'PDQ', verdict: 'reject' });
    // StopNCII's simulator was told to fail its next feedback call: the verdict waits, with the error.
    const waiting = await t.store.db.selectFrom('exchange_feedback').selectAll().where('source', '=', 'stopncii').executeTakeFirstOrThrow();
    assert.equal(waiting.state, 'pending');
    assert.match(waiting.last_error!, /HTTP 500/);
    t.clock.advance(31_000);
    await t.services.exchanges.feedbackRound();
    assert.deepEqual(stopncii.feedback, [{ entryId: `ImagePDQ/${hexOf(3, 64, 3)}`, sourceType: 'ImagePDQ', verdict: 'reject' }]);
    assert.deepEqual((await state('stopncii')).feedback, { pending: 0, sent: 1, failed: 0 });
  });

  it('sends nothing for a dismissal that says nothing about the hash (a duplicate)', async () => {
    const before = ncmec.feedback.length;
    const id = await caseFor('uploader_dup', hexOf(8, 64, 3));
    const dismiss = { decision: 'dismiss', reason: 'duplicate', note: 'already handled' };
    assert.equal((await call('POST', `/v1/cases/${id}/decision`, t.keys.child_safety, dismiss)).statusCode, 200);
    await t.services.exchanges.feedbackRound();
    assert.equal(ncmec.feedback.length, before);
  });
});
