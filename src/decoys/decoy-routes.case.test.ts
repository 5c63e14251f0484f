import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { actionPayload } from '../actions/action-payload.js';
import { FLAG } from '../facts/facts.js';
import { adult, at, minor, nextId } from '../testing/events.js';
import { bearer, createTestApp, type TestApp } from '../testing/test-app.js';
import { DIALECTS, storeLocation, type TestDatabase } from '../testing/test-databases.js';

/** A message with text; the words are the documented cues only (age, another app, a photo, a meeting). */
const say = (from: string, to: string, text: string, minute: number) => ({
  id: nextId(),
  type: 'message.sent',
  ts: at(minute),
  message: { id: nextId(), conversationId: `c_${from}_${to}`, from, to: [to], text },
});

for (const dialect of DIALECTS)
  describe(`decoy accounts (issue 19, ${dialect})`, () => {
    let t: TestApp;
    let tdb: TestDatabase;
    const req = (method: 'GET' | 'PUT' | 'DELETE', url: string, key: string, body?: unknown) =>
      t.app.inject({
        method,
        url,
        headers: { ...bearer(key), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
    const ingest = async (events: object[]) => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/v1/events',
        headers: { ...bearer(t.keys.ingest), 'content-type': 'application/json' },
        payload: JSON.stringify(events),
      });
      assert.equal(r.statusCode, 200, r.body);
      return r.json() as { accepted: number; alerts: number };
    };
    const auditCount = async (action: string) =>
      Number(
        (
          await t.store.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('action', '=', action)
            .executeTakeFirstOrThrow()
        ).n,
      );

    before(async () => {
      tdb = await storeLocation(dialect);
      t = await createTestApp(tdb.url);
      await ingest([minor('dk_1'), adult('off_1'), adult('greet_1'), minor('kid_real')]);
    });
    after(async () => {
      await t.close();
      await tdb.drop();
    });

    it('marks a decoy idempotently, audited, for admin and child_safety only', async () => {
      const first = await req('PUT', '/v1/admin/decoys/dk_1', t.keys.admin, { label: 'thirteen, gaming' });
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual(Object.keys(first.json()).sort(), ['accountId', 'createdAt', 'label']);
      assert.equal(first.json().label, 'thirteen, gaming');
      t.clock.advance(1000);
      const again = await req('PUT', '/v1/admin/decoys/dk_1', t.keys.child_safety, { label: 'thirteen, gaming' });
      assert.equal(again.statusCode, 200);
      assert.deepEqual(again.json(), first.json(), 'a repeated mark keeps the decoy as it was');
      assert.equal((await req('PUT', '/v1/admin/decoys/dk_1', t.keys.reviewer, {})).statusCode, 403);
      assert.equal((await req('GET', '/v1/admin/decoys', t.keys.reviewer)).statusCode, 403);
      assert.equal(await auditCount('decoy.marked'), 1);
      assert.equal(await auditCount('decoy.updated'), 1);
      assert.ok(t.engine.state.facts.flags(t.engine.state.facts.indexOf('dk_1')) & FLAG.decoy);
    });

    it('refuses bad input naming the field', async () => {
      const bad = await req('PUT', '/v1/admin/decoys/dk_x', t.keys.admin, { label: 42 });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().detail, /label/);
      const extra = await req('PUT', '/v1/admin/decoys/dk_x', t.keys.admin, { colour: 'red' });
      assert.equal(extra.statusCode, 400);
      assert.match(extra.json().detail, /colour/);
      const nul = await req('PUT', '/v1/admin/decoys/dk%00x', t.keys.admin, {});
      assert.equal(nul.statusCode, 400);
      assert.match(nul.json().detail, /accountId/);
      assert.equal((await req('DELETE', '/v1/admin/decoys/nobody', t.keys.admin)).statusCode, 404);
    });

    it('raises one restricted, high-confidence alert per stage an unconnected adult reaches, with the full context', async () => {
      const r = await ingest([
        say('off_1', 'dk_1', 'hey there', 10),
        say('off_1', 'dk_1', 'how old are you?', 11),
        say('off_1', 'dk_1', 'add me on snapchat', 12),
        say('off_1', 'dk_1', 'send me a pic', 13),
        say('off_1', 'dk_1', "let's meet in person", 14),
        say('greet_1', 'dk_1', 'hey there', 15),
      ]);
      assert.equal(r.accepted, 6);
      const seen = (await req('GET', '/v1/alerts?category=decoy_contact', t.keys.child_safety)).json().alerts as {
        severity: string;
        score: number;
        evidence: string[];
        relatedAccountIds: string[];
        reasons: { code: string }[];
      }[];
      assert.equal(seen.length, 4, 'age, app move, image request, meeting');
      assert.deepEqual(seen.map((a) => a.severity).sort(), ['critical', 'critical', 'high', 'high']);
      assert.ok(seen.every((a) => a.score >= 0.95 && a.relatedAccountIds[0] === 'dk_1'));
      const last = seen.find((a) => a.evidence.length === 5);
      assert.ok(last, 'the last stage carries every message of the pair, the greeting included');
      assert.ok(seen.every((a) => a.reasons.some((x) => x.code === 'decoy_contact')));
      // The plain contact alert every other minor would get would name the decoy: it is not raised.
      const all = (await req('GET', '/v1/alerts', t.keys.child_safety)).json().alerts as {
        category: string;
        relatedAccountIds?: string[];
      }[];
      assert.ok(all.filter((a) => a.category !== 'decoy_contact').every((a) => !(a.relatedAccountIds ?? []).includes('dk_1')));
    });

    it('hides the decoy from reviewers in alerts, cases and actions', async () => {
      t.clock.advance(5000);
      while ((await t.services.runner.runOnce()) > 0);
      for (const url of ['/v1/alerts', '/v1/alerts?subject=off_1', '/v1/cases', '/v1/actions', '/v1/actions?subject=off_1']) {
        const res = await req('GET', url, t.keys.reviewer);
        assert.equal(res.statusCode, 200, url);
        assert.ok(!res.body.includes('dk_1') && !res.body.includes('decoy'), `${url}: ${res.body}`);
      }
      const queues = (await req('GET', '/v1/cases?queue=decoy_contact', t.keys.child_safety)).json().cases as {
        subjectAccountId: string;
      }[];
      assert.deepEqual(
        queues.map((c) => c.subjectAccountId),
        ['off_1'],
        'decoy cases have their own queue',
      );
    });

    it('tells the platform what to do to the adult and nothing about the decoy or the conversation', async () => {
      const rows = await t.store.db.selectFrom('actions').selectAll().where('subject_account', '=', 'off_1').execute();
      assert.ok(rows.some((a) => a.type === 'restrict_messaging_minors' && a.mode === 'live'));
      for (const a of rows) {
        const wire = JSON.stringify(actionPayload(a));
        assert.ok(!wire.includes('dk_1') && !wire.includes('decoy') && !wire.includes('c_off_1'), wire);
      }
    });

    it('reports exposure per decoy from the store', async () => {
      const res = await req('GET', '/v1/admin/decoys', t.keys.child_safety);
      assert.equal(res.statusCode, 200);
      const [d] = res.json().decoys;
      assert.equal(d.accountId, 'dk_1');
      // Two unconnected adults in the decoy's first day (a day at least is the denominator).
      assert.equal(d.exposure.contactsPerDay, 2);
      assert.equal(d.exposure.firstUnconnectedAdultContactMs, 0, 'the events are dated before the mark');
      assert.deepEqual(d.exposure.stageShares, { contact: 1, age_question: 0.5, app_move: 0.5, image_request: 0.5, meeting: 0.5 });
      // Received at the test clock, acted on after the runner ran 5 s later; the greeter was not acted on.
      assert.equal(d.exposure.medianTimeToActionMs, 5000);
      assert.ok((await auditCount('decoy.viewed')) >= 1);
    });

    it('retires a decoy: audited, the flag lifted, its contacts no longer alert', async () => {
      const del = await req('DELETE', '/v1/admin/decoys/dk_1', t.keys.admin);
      assert.equal(del.statusCode, 204);
      assert.equal(await auditCount('decoy.unmarked'), 1);
      assert.equal(t.engine.state.facts.flags(t.engine.state.facts.indexOf('dk_1')) & FLAG.decoy, 0);
      assert.deepEqual((await req('GET', '/v1/admin/decoys', t.keys.admin)).json().decoys, []);
      await ingest([adult('late_1'), say('late_1', 'dk_1', 'how old are you?', 20)]);
      const seen = (await req('GET', '/v1/alerts?subject=late_1', t.keys.child_safety)).json().alerts as { category: string }[];
      assert.ok(!seen.some((a) => a.category === 'decoy_contact'));
    });
  });

describe('decoy accounts across a restart', () => {
  it('keeps the flag, so the detector still knows the decoy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-decoy-'));
    try {
      const file = join(dir, 'w.db');
      const a = await createTestApp(file);
      const put = await a.app.inject({ method: 'PUT', url: '/v1/admin/decoys/dk_r', headers: bearer(a.keys.admin) });
      assert.equal(put.statusCode, 200, put.body);
      await a.close();
      const b = await createTestApp(file);
      try {
        assert.ok(b.engine.state.facts.flags(b.engine.state.facts.indexOf('dk_r')) & FLAG.decoy);
        const r = await b.app.inject({
          method: 'POST',
          url: '/v1/events',
          headers: { ...bearer(b.keys.ingest), 'content-type': 'application/json' },
          payload: JSON.stringify([minor('dk_r'), adult('off_r'), say('off_r', 'dk_r', 'how old are you?', 10)]),
        });
        assert.equal(r.json().alerts >= 1, true, r.body);
        const n = await b.store.db.selectFrom('alerts').select('category').where('category', '=', 'decoy_contact').execute();
        assert.equal(n.length, 1);
      } finally {
        await b.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
