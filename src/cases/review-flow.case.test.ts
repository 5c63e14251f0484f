import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import { createEngine, type Engine } from '../engine/create-engine.js';
import { addEntries, createBank } from '../media/bank-store.js';
import { createServices, type Services } from '../server/create-services.js';
import { createStore, type Store } from '../store/store.js';
import { DIALECTS, storeLocation, type TestDatabase } from '../testing/test-databases.js';
import { BASE_MS, adult, at, message, minor, nextId, silentLogger, testConfig, valid } from '../testing/events.js';
import type { Viewer } from './case-model.js';
import { listCases } from './case-store.js';

/*
 * Alerts to cases to actions on each database: the rule runner, case grouping, the gate
 * honouring restrictions, claims racing, decisions, restricted cases, and a restart.
 */
for (const dialect of DIALECTS) {
  describe(`review flow on ${dialect}`, () => {
    let tdb: TestDatabase;
    let store: Store;
    let engine: Engine;
    let services: Services;
    const clock = fixedClock(BASE_MS + 3600_000 * 24 * 30);
    const config = testConfig();
    const ana: Viewer = { actor: 'reviewer:ana', roles: ['reviewer'] };
    const ben: Viewer = { actor: 'reviewer:ben', roles: ['reviewer'] };
    const cara: Viewer = { actor: 'reviewer:cara', roles: ['reviewer', 'child_safety'] };
    const open = async () => {
      store = await createStore(tdb.url, { sqliteSynchronous: 'normal' });
      engine = await createEngine({ store, config, logger: silentLogger(), clock });
      services = await createServices({ store, engine, config, clock, logger: silentLogger() });
    };
    const ingest = (...events: object[]) => engine.ingest(events.map((e) => valid(e, clock.now())));
    const drainRules = async () => {
      while ((await services.runner.runOnce()) > 0);
    };
    const kids = ['k1', 'k2', 'k3', 'k4', 'k5'];

    before(async () => {
      tdb = await storeLocation(dialect);
      const s = await createStore(tdb.url);
      const bank = await createBank(s.db, { name: 'known', kind: 'positive' }, 31, 1);
      await addEntries(s.db, bank.id, [{ signalType: 'sha256', value: 'ab'.repeat(32) }], 1);
      await s.close();
      await open();
    });
    after(async () => {
      await store.close();
      await tdb.drop();
    });

    it('turns a suspicious_adult alert into one case and live actions; shadow rules only record', async () => {
      await ingest(adult('fan'), ...kids.map((k) => minor(k)));
      const r = await ingest(...kids.map((k, i) => message('fan', k, at(10 + i))));
      assert.deepEqual(r.alerts.map((a) => a.category).sort(), ['suspicious_adult', ...Array(5).fill('unwanted_contact')]);
      assert.equal(engine.decide({ action: 'view_profile', actor: 'k1', target: 'fan' }).decision, 'block', 'suspicious already hides him');
      await drainRules();
      const { cases } = await listCases(store.db, { limit: 10 }, ana, clock.now());
      assert.equal(cases.length, 1);
      const c = cases[0]!;
      assert.equal(c.subjectAccountId, 'fan');
      assert.equal(c.queue, 'suspicious_adult');
      assert.equal(c.priority, 2);
      assert.equal(c.alertCount, 1, 'unwanted_contact review is a shadow rule: no case from it');
      assert.equal(c.dueAt, new Date(clock.now() + 24 * 3600_000).toISOString());
      const actions = await store.db
        .selectFrom('actions')
        .select(['type', 'mode', 'status'])
        .where('subject_account', '=', 'fan')
        .orderBy('type')
        .execute();
      assert.deepEqual(
        actions.filter((a) => a.mode === 'live').map((a) => `${a.type}:${a.status}`),
        ['hide_from_minors:pending', 'require_review:applied'],
      );
      assert.equal(actions.filter((a) => a.mode === 'shadow' && a.status === 'shadow').length, 5);
      assert.ok(engine.state.facts.flags(engine.state.facts.indexOf('fan')) & 4, 'hidden flag set');
      assert.equal(await services.runner.runOnce(), 0, 'the cursor moved past every alert');
      const audit = await store.db.selectFrom('audit_log').select('action').where('subject_account', '=', 'fan').execute();
      assert.ok(audit.some((a) => a.action === 'case.opened'));
      assert.equal(audit.filter((a) => a.action === 'action.created').length, 2);
    });

    it('lets exactly one of two racing reviewers claim a case', async () => {
      const [c] = (await listCases(store.db, { limit: 1 }, ana, clock.now())).cases;
      const results = await Promise.all([services.cases.claim(c!.id, ana), services.cases.claim(c!.id, ben)]);
      assert.equal(results.filter((r) => r.ok).length, 1);
      const loser = results.find((r) => !r.ok)!;
      assert.ok(!loser.ok && loser.error.kind === 'claimed_by_other');
      const winner = results[0]!.ok ? ana : ben;
      const other = winner === ana ? ben : ana;
      const denied = await services.cases.decide(c!.id, other, { kind: 'dismiss', reason: 'false_positive' });
      assert.ok(!denied.ok && denied.error.kind === 'claimed_by_other');
      // A claim lapses: after claimMinutes the other reviewer can take it.
      clock.advance(31 * 60_000);
      assert.ok((await services.cases.claim(c!.id, other)).ok);
      await services.cases.release(c!.id, other);
    });

    it('applies decision rules on confirm: the gate blocks the restricted adult at the next decision', async () => {
      const [c] = (await listCases(store.db, { limit: 1 }, ana, clock.now())).cases;
      assert.ok((await services.cases.claim(c!.id, ana)).ok);
      await ingest(minor('k9'), { id: nextId(), type: 'connection.created', ts: at(30), from: 'k9', to: 'fan', kind: 'follow' });
      assert.equal(
        engine.decide({ action: 'message', actor: 'fan', target: 'k9' }).decision,
        'warn',
        'connected, only suspicious: a warning',
      );
      const d = await services.cases.decide(c!.id, ana, {
        kind: 'confirm',
        category: 'grooming',
        note: 'pattern of age questions and secrecy',
      });
      assert.ok(d.ok);
      assert.equal(d.value.status, 'closed');
      assert.equal(d.value.outcome, 'confirmed');
      assert.equal(engine.decide({ action: 'message', actor: 'fan', target: 'k9' }).decision, 'block');
      const types = (
        await store.db.selectFrom('actions').select('type').where('case_id', '=', c!.id).where('alert_id', 'is', null).execute()
      )
        .map((a) => a.type)
        .sort();
      assert.deepEqual(types, ['draft_cybertipline_report', 'preserve_evidence', 'suspend_account']);
      const history = await store.db
        .selectFrom('case_history')
        .select('change')
        .where('case_id', '=', c!.id)
        .orderBy('ts_ms')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        history.map((h) => h.change),
        ['opened', 'claimed', 'claimed', 'released', 'claimed', 'decided:confirm'],
      );
    });

    it('keeps known-image cases from reviewers without the child_safety role, and puts them first', async () => {
      await ingest(adult('up'), {
        id: nextId(),
        type: 'media.uploaded',
        ts: at(40),
        media: { id: 'm1', kind: 'image', owner: 'up', sha256: 'ab'.repeat(32) },
      });
      await drainRules();
      const seen = await listCases(store.db, { limit: 10 }, cara, clock.now());
      const hashCase = seen.cases.find((c) => c.subjectAccountId === 'up')!;
      assert.equal(hashCase.restricted, true);
      assert.equal(hashCase.priority, 0);
      assert.equal(seen.cases[0]!.id, hashCase.id, 'priority 0 heads the queue');
      assert.equal(await services.cases.get(hashCase.id, ana), undefined);
      assert.ok(!(await listCases(store.db, { limit: 10 }, ana, clock.now())).cases.some((c) => c.id === hashCase.id));
      const claim = await services.cases.claim(hashCase.id, ana);
      assert.ok(!claim.ok && claim.error.kind === 'not_found');
      assert.ok((await services.cases.get(hashCase.id, cara)) !== undefined);
      assert.equal(engine.decide({ action: 'message', actor: 'up', target: 'k1' }).decision, 'block');
    });

    it('stores IP capture events an account upsert carries, once each', async () => {
      const ev = {
        id: nextId(),
        type: 'account.upserted',
        ts: at(60),
        account: {
          id: 'ipacct',
          ageBand: 'adult',
          ipCaptureEvents: [
            { ipAddress: '198.51.100.4', event: 'login' },
            { ipAddress: '2001:db8::2', port: 8443, possibleProxy: true },
          ],
        },
      };
      await ingest(ev);
      await ingest(ev); // a duplicate event id adds nothing
      const rows = await store.db
        .selectFrom('account_ip_events')
        .select(['ip_address', 'event', 'port', 'possible_proxy'])
        .where('account_id', '=', 'ipacct')
        .orderBy('n')
        .execute();
      assert.deepEqual(rows, [
        { ip_address: '198.51.100.4', event: 'login', port: null, possible_proxy: null },
        { ip_address: '2001:db8::2', event: null, port: 8443, possible_proxy: 1 },
      ]);
    });

    it('opens a new case when a closed subject is alerted again, and keeps everything across a restart', async () => {
      await store.close();
      await open();
      assert.equal(engine.decide({ action: 'message', actor: 'fan', target: 'k9' }).decision, 'block', 'the restriction survived');
      assert.equal(await services.runner.runOnce(), 0);
      await ingest({
        id: nextId(),
        type: 'media.uploaded',
        ts: at(50),
        media: { id: 'm2', kind: 'image', owner: 'fan', sha256: 'ab'.repeat(32) },
      });
      await drainRules();
      const rows = await store.db
        .selectFrom('cases')
        .select(['status', 'queue'])
        .where('subject_account', '=', 'fan')
        .orderBy('opened_ms')
        .orderBy('id')
        .execute();
      assert.deepEqual(rows, [
        { status: 'closed', queue: 'suspicious_adult' },
        { status: 'open', queue: 'csam_hash_match' },
      ]);
    });
  });
}
