import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createReviewer } from '../console/reviewer-store.js';
import { statement } from '../store/write-set.js';
import { adult, at, minor, nextId, testConfig } from '../testing/events.js';
import { bearer, createTestApp, type TestApp } from '../testing/test-app.js';
import { draftFromCase } from './draft-from-case.js';
import { ReportDraftSchema, type ReportDraft } from './ncmec/report-draft.js';

/*
 * Issue 17, defects 3 and 4: every fact in a draft comes from the record, and what it says is
 * written for a reader at NCMEC. The conversation is synthetic and non-graphic: an adult's
 * age question and secrecy request, and the child asking them to stop.
 */
const media = mkdtempSync(join(tmpdir(), 'warden-draft-media-'));
// Generated abstract bytes behind a PNG signature: a file with no extension in its stored name.
const BYTES = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('abstract test bytes, not a picture of anyone')]);
const SHA256 = createHash('sha256').update(BYTES).digest('hex');
const MD5 = createHash('md5').update(BYTES).digest('hex');
const PASSWORD = 'a long enough password';

describe('a draft states only what the record holds', () => {
  let t: TestApp;
  const overrides = { media: { root: media }, reporting: { platform: 'Example Social' } };
  const config = testConfig(overrides);
  const post = (url: string, key: string, body?: unknown) =>
    t.app.inject({ method: 'POST', url, headers: bearer(key), ...(body === undefined ? {} : { payload: body as object }) });
  const caseOf = async (subject: string) =>
    t.store.db.selectFrom('cases').selectAll().where('subject_account', '=', subject).executeTakeFirstOrThrow();
  const confirm = async (id: string, category: string, note?: string) => {
    assert.equal((await post(`/v1/cases/${id}/claim`, t.keys.child_safety)).statusCode, 200);
    const r = await post(`/v1/cases/${id}/decision`, t.keys.child_safety, { decision: 'confirm', category, ...(note ? { note } : {}) });
    assert.equal(r.statusCode, 200, r.body);
    while ((await t.services.runner.runOnce()) > 0);
  };
  const draftOf = async (subject: string): Promise<ReportDraft> =>
    ReportDraftSchema.parse(await draftFromCase(t.store.db, await caseOf(subject), config, t.clock.now()));

  before(async () => {
    mkdirSync(join(media, 'up'), { recursive: true });
    writeFileSync(join(media, 'up', 'upload_0042'), BYTES);
    t = await createTestApp(':memory:', overrides);
    await createReviewer(t.store.db, { username: 'lee', displayName: 'Lee', roles: ['child_safety'], password: PASSWORD });
    assert.equal((await post('/v1/banks', t.keys.admin, { name: 'known' })).statusCode, 201);
    assert.equal((await post('/v1/banks/known/entries', t.keys.admin, [{ signalType: 'sha256', value: SHA256 }])).json().stored, 1);
    let n = 0;
    const say = (from: string, to: string, text: string, minute: number) => ({
      id: `dm${++n}`,
      type: 'message.sent',
      ts: at(minute),
      message: { id: `dm${n}`, conversationId: 'c_talk', from, to: [to], text },
    });
    const r = await post('/v1/events', t.keys.ingest, [
      { ...adult('stranger'), account: { id: 'stranger', ageBand: 'adult', handle: 'sunny_day' } },
      { ...minor('kid'), account: { id: 'kid', ageBand: '13-15', handle: 'kid_handle' } },
      say('stranger', 'kid', 'lol that level is hard', 2),
      say('stranger', 'kid', 'how old are you btw?', 3),
      say('kid', 'stranger', 'please stop', 4),
      say('stranger', 'kid', "don't tell your parents we talk", 5),
      say('kid', 'stranger', 'i said stop messaging me', 6),
      adult('uploader'),
      // The event carries no hash: Warden hashes the bytes under its media root.
      {
        id: nextId(),
        type: 'media.uploaded',
        ts: at(7),
        media: { id: 'm_known', kind: 'image', owner: 'uploader', path: 'up/upload_0042' },
      },
    ]);
    assert.equal(r.statusCode, 200, r.body);
    while ((await t.services.runner.runOnce()) > 0);
  });
  after(async () => {
    await t.close();
    rmSync(media, { recursive: true, force: true });
  });

  it('hashes the file from its bytes, names it with its extension, and marks it viewed only after an audited reveal', async () => {
    const c = await caseOf('uploader');
    const before = (await draftOf('uploader')).files[0]!;
    assert.equal(before.fileViewedByEsp, false, 'nobody has looked at it yet');
    assert.equal(before.fileName, 'm_known.png');
    assert.deepEqual(before.originalFileHash, [
      { hashType: 'SHA256', value: SHA256 },
      { hashType: 'MD5', value: MD5 },
    ]);
    // A child_safety reviewer reveals it in the console: audited, so the report may say so.
    const login = await t.app.inject({
      method: 'POST',
      url: '/console/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ username: 'lee', password: PASSWORD }).toString(),
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const page = await t.app.inject({ method: 'GET', url: `/console/cases/${c.id}`, headers: { cookie } });
    const csrf = /csrf-token" content="([^"]+)"/.exec(page.body)![1]!;
    const eventId = /data-reveal="\/console\/cases\/[^/]+\/media\/([^/]+)\/m_known"/.exec(page.body)![1]!;
    const reveal = await t.app.inject({
      method: 'POST',
      url: `/console/cases/${c.id}/media/${eventId}/m_known`,
      headers: { cookie, 'x-csrf-token': csrf },
    });
    assert.equal(reveal.statusCode, 200);
    assert.equal((await draftOf('uploader')).files[0]!.fileViewedByEsp, true);
  });

  it('claims the account disabled only once the platform accepted the suspension', async () => {
    const c = await caseOf('stranger');
    await confirm(c.id, 'grooming', 'The child asked him to stop twice; he went on.');
    const actions = await t.store.db
      .selectFrom('actions')
      .selectAll()
      .where('case_id', '=', c.id)
      .where('type', '=', 'suspend_account')
      .execute();
    assert.equal(actions.length, 1, 'the policy asked for a suspension');
    assert.equal(actions[0]!.status, 'pending', 'no webhook is configured: nothing was delivered');
    const pending = await draftOf('stranger');
    assert.equal(pending.personOrUserReported[0]!.accountTemporarilyDisabled, undefined);
    const deliveredMs = t.clock.now();
    await t.engine.apply({
      statements: [
        statement(
          t.store.db.updateTable('actions').set({ status: 'delivered', delivered_ms: deliveredMs }).where('id', '=', actions[0]!.id),
        ),
      ],
    });
    const delivered = await draftOf('stranger');
    assert.deepEqual(delivered.personOrUserReported[0]!.accountTemporarilyDisabled, { disabledDate: new Date(deliveredMs).toISOString() });
  });

  it('sends the whole exchange, both sides, and reasons a reader at NCMEC can use', async () => {
    const d = await draftOf('stranger');
    const chat = d.chat!.content!;
    assert.match(chat, /@kid_handle \(kid\) to @sunny_day \(stranger\): please stop/, "the child's side, not cited by any alert");
    assert.match(chat, /i said stop messaging me/);
    assert.match(chat, /lol that level is hard/);
    assert.match(chat, /how old are you btw\? *$|how old are you btw\?/m);
    assert.match(chat, /\[cited\]/);
    const info = d.personOrUserReported[0]!.additionalInfo!;
    assert.match(info, /Grooming \(\w+\): .*asked the child their age/);
    assert.doesNotMatch(info, /model|weighs|score|\(event /, 'no model features, scores or event ids');
    assert.doesNotMatch(d.additionalInfo!, /stop twice/, "the reviewer's internal note is offered, not sent unasked");
    // A window the reviewer chose: only the messages from minute 4 to 5.
    const narrow = ReportDraftSchema.parse(
      await draftFromCase(t.store.db, await caseOf('stranger'), config, t.clock.now(), { from: at(4), to: at(5) }),
    );
    assert.deepEqual(
      narrow.chat!.content!.split('\n').map((l) => l.replace(/^.*?: /, '')),
      ['please stop', "don't tell your parents we talk"],
    );
  });
});
