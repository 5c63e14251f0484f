import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import { createStore, type Store } from '../store/store.js';
import { DIALECTS, storeLocation, type TestDatabase } from '../testing/test-databases.js';
import { BASE_MS, account, adult, at, block, connect, message, minor, report, silentLogger, testConfig, valid } from '../testing/events.js';
import { createEngine, type Engine } from './create-engine.js';
import { addEntries, createBank } from '../media/bank-store.js';

/*
 * The shared store suite: the whole ingest path (facts, detectors, alerts, flags) on each
 * database, including what a restart must keep.
 */
for (const dialect of DIALECTS) {
  describe(`engine on ${dialect}`, () => {
    let tdb: TestDatabase;
    let store: Store;
    let engine: Engine;
    const clock = fixedClock(BASE_MS + 3600_000 * 24 * 30);
    const config = testConfig();
    const open = async () => {
      store = await createStore(tdb.url, { sqliteSynchronous: 'normal' });
      engine = await createEngine({ store, config, logger: silentLogger(), clock });
    };
    const ingest = (...events: object[]) => engine.ingest(events.map((e) => valid(e, clock.now())));

    before(async () => {
      tdb = await storeLocation(dialect);
      await open();
    });
    after(async () => {
      await store.close();
      await tdb.drop();
    });

    it('raises one unwanted_contact alert per adult–minor pair, not one per message', async () => {
      await ingest(adult('a1'), minor('k1'), minor('k2', '16-17'));
      const first = await ingest(message('a1', 'k1', at(10)), message('a1', 'k1', at(11)), message('a1', ['k1', 'k2'], at(12)));
      assert.equal(first.alerts.length, 2);
      const [k1, k2] = first.alerts;
      assert.equal(k1!.category, 'unwanted_contact');
      assert.equal(k1!.subject.accountId, 'a1');
      assert.deepEqual(k1!.relatedAccountIds, ['k1']);
      assert.equal(k1!.severity, 'medium');
      assert.equal(k2!.severity, 'low', '16-17 is lower severity');
      assert.equal(k1!.reasons[0]!.code, 'unconnected_adult_contact');
      assert.equal(k1!.evidence.length, 1);
      assert.equal(k1!.triggerEventId, k1!.evidence[0]);
      const again = await ingest(message('a1', 'k1', at(13)));
      assert.equal(again.alerts.length, 0);
    });

    it('raises nothing when the minor follows or befriends the adult, shares a family link with them, or between minors', async () => {
      // `family` (a protocol extension) is mutual: the parent's side of the link counts for the child.
      await ingest(
        adult('coach'),
        minor('k3'),
        minor('k4'),
        minor('k6'),
        adult('mum'),
        connect('k3', 'coach', 'follow'),
        connect('coach', 'k4', 'friend'),
        connect('mum', 'k6', 'family'),
      );
      const r = await ingest(
        message('coach', 'k3', at(20)),
        message('coach', 'k4', at(20)),
        message('k3', 'k4', at(21)),
        message('mum', 'k6', at(22)),
      );
      assert.deepEqual(r.alerts, []);
    });

    it('treats a removed connection as no connection', async () => {
      await ingest(
        adult('a5'),
        minor('k5'),
        connect('k5', 'a5', 'follow', at(1)),
        connect('k5', 'a5', 'follow', at(2), 'connection.removed'),
      );
      const r = await ingest(message('a5', 'k5', at(30)));
      assert.equal(r.alerts.length, 1);
    });

    it('flags an adult who messages five unconnected minors within 24 hours, and the gate then restricts them', async () => {
      const kids = ['f1', 'f2', 'f3', 'f4', 'f5'];
      await ingest(adult('fan'), ...kids.map((k) => minor(k)));
      const four = await ingest(...kids.slice(0, 4).map((k, i) => message('fan', k, at(100 + i))));
      assert.equal(four.alerts.filter((a) => a.category === 'suspicious_adult').length, 0);
      assert.equal(engine.decide({ action: 'view_profile', actor: 'fan', target: 'f1' }).decision, 'allow');
      const fifth = await ingest(message('fan', 'f5', at(200)));
      const sa = fifth.alerts.find((a) => a.category === 'suspicious_adult');
      assert.ok(sa, 'suspicious_adult fired');
      assert.equal(sa.severity, 'high');
      assert.equal(sa.reasons[0]!.code, 'fan_out_to_unconnected_minors');
      assert.deepEqual([...sa.relatedAccountIds!].sort(), kids);
      assert.equal(sa.evidence.length, 5);
      assert.equal(engine.decide({ action: 'view_profile', actor: 'fan', target: 'f1' }).decision, 'block');
    });

    it('does not count contacts spread over more than the window', async () => {
      const kids = ['w1', 'w2', 'w3', 'w4', 'w5'];
      await ingest(adult('slow'), ...kids.map((k) => minor(k)));
      const r = await ingest(...kids.map((k, i) => message('slow', k, at(i * 25 * 60))));
      assert.equal(r.alerts.filter((a) => a.category === 'suspicious_adult').length, 0);
    });

    it('flags an adult blocked or reported by two distinct minors, once', async () => {
      await ingest(adult('rex'), minor('b1'), minor('b2'), minor('b3'), adult('grownup'));
      const one = await ingest(block('b1', 'rex'), block('grownup', 'rex'), report('b1', 'rex'));
      assert.equal(one.alerts.length, 0, 'one minor and one adult are not two minors');
      const two = await ingest(report('b2', 'rex', at(5), 'grooming'));
      assert.equal(two.alerts.length, 1);
      assert.equal(two.alerts[0]!.reasons[0]!.code, 'blocked_or_reported_by_minors');
      assert.equal(two.alerts[0]!.evidence.length, 2);
      const three = await ingest(block('b3', 'rex'));
      assert.equal(three.alerts.length, 0);
      assert.equal(engine.decide({ action: 'comment', actor: 'rex', target: 'b3' }).decision, 'block');
    });

    it('acknowledges and ignores duplicate ids, within a batch and across batches', async () => {
      const e = adult('dup');
      const r1 = await ingest(e, e);
      assert.deepEqual(r1.statuses, ['accepted', 'duplicate']);
      const r2 = await ingest(e);
      assert.deepEqual(r2.statuses, ['duplicate']);
      const n = await store.db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('id', '=', e.id)
        .executeTakeFirstOrThrow();
      assert.equal(Number(n.n), 1);
    });

    it('accepts events for accounts not yet upserted, and applies the age when it arrives', async () => {
      const r = await ingest(message('ghost', 'later-kid', at(40)));
      assert.equal(r.alerts.length, 0, 'the recipient is not known to be a minor yet');
      await ingest(minor('later-kid', '13-15', at(41)));
      const r2 = await ingest(message('ghost', 'later-kid', at(42)));
      assert.equal(r2.alerts[0]?.reasons[0]?.code, 'unknown_age_contact');
    });

    it('keeps the newest account upsert when upserts arrive out of order, and merges partial ones', async () => {
      await ingest(account('ooo', { ageBand: 'adult', handle: 'first' }, at(50)));
      await ingest(account('ooo', { ageBand: '13-15' }, at(10)));
      await ingest(account('ooo', { displayName: 'Shown' }, at(60)));
      assert.equal(engine.decide({ action: 'message', actor: 'ooo', target: 'k1' }).reasons[0]?.code, 'unconnected_adult_to_minor');
      const row = await store.db.selectFrom('accounts').selectAll().where('id', '=', 'ooo').executeTakeFirstOrThrow();
      assert.equal(row.age_band, 'adult');
      assert.equal(row.handle, 'first');
      assert.equal(row.display_name, 'Shown');
    });

    it('derives the band from birthDate at each event time', async () => {
      // 18 on 2026-06-01 12:00Z minus a day: born 2008-05-31. At at(0) they are an adult.
      await ingest(account('young-adult', { birthDate: '2008-05-31' }), minor('k9'));
      const r = await ingest(message('young-adult', 'k9', at(70)));
      assert.equal(r.alerts[0]?.reasons[0]?.code, 'unconnected_adult_contact');
      // Born 2008-06-02: still 17 at at(0), so a minor; minor-to-minor raises nothing.
      await ingest(account('almost', { birthDate: '2008-06-02' }));
      const r2 = await ingest(message('almost', 'k9', at(71)));
      assert.deepEqual(r2.alerts, []);
    });

    it('restarts without losing or repeating anything', async () => {
      const before = await store.db.selectFrom('alerts').select('id').execute();
      await store.close();
      await open();
      const st = engine.state;
      assert.ok(st.facts.accountCount > 10);
      // Flags, connections and dedupe keys came back: no repeat alerts, same decisions.
      assert.equal(engine.decide({ action: 'view_profile', actor: 'fan', target: 'f1' }).decision, 'block');
      assert.equal(engine.decide({ action: 'message', actor: 'coach', target: 'k3' }).reasons[0]?.code, 'connected_to_minor');
      assert.equal(
        engine.decide({ action: 'message', actor: 'mum', target: 'k6' }).reasons[0]?.code,
        'connected_to_minor',
        'a family link holds both ways after a restart',
      );
      const r = await ingest(message('a1', 'k1', at(300)), message('rex', 'b1', at(300)));
      assert.equal(r.alerts.filter((a) => a.subject.accountId === 'a1').length, 0);
      const e = adult('dup');
      assert.deepEqual((await ingest(e)).statuses, ['accepted'], 'a new id is new');
      // The complaint state came back: one more minor does not re-alert, but the state is there.
      const r3 = await ingest(block('b2', 'rex', at(301)));
      assert.equal(r3.alerts.length, 0);
      // Fan-out window came back: one more minor for "fan" does not re-alert.
      const after = await store.db.selectFrom('alerts').select('id').execute();
      assert.equal(after.length, before.length + 1, 'only the new rex→b1 unwanted_contact alert');
    });

    it('restores banks and entries into the matcher on start', async () => {
      const bank = await createBank(store.db, { name: 'restored', kind: 'positive' }, 31, 1);
      await addEntries(
        store.db,
        bank.id,
        [
          { signalType: 'pdq', value: 'a5'.repeat(32) },
          { signalType: 'sha256', value: 'cd'.repeat(32) },
        ],
        1,
      );
      await store.close();
      await open();
      assert.equal(engine.state.matcher.match({ pdq: 'a5'.repeat(31) + 'a4' }).length, 1);
      assert.equal(engine.state.matcher.match({ sha256: 'cd'.repeat(32) })[0]?.bankName, 'restored');
    });

    it('restores the fan-out window: four contacts before a restart and one after still flag', async () => {
      const kids = ['r1', 'r2', 'r3', 'r4', 'r5'];
      await ingest(adult('split'), ...kids.map((k) => minor(k)));
      await ingest(...kids.slice(0, 4).map((k, i) => message('split', k, at(400 + i))));
      await store.close();
      await open();
      const r = await ingest(message('split', 'r5', at(410)));
      assert.ok(r.alerts.some((a) => a.category === 'suspicious_adult' && a.subject.accountId === 'split'));
    });
  });
}
