import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Alert } from '../alerts/alert-schema.js';
import { fixedClock } from '../core/clock.js';
import { createEngine, type Engine } from '../engine/create-engine.js';
import { createStore, type Store } from '../store/store.js';
import { DIALECTS, storeLocation, type TestDatabase } from '../testing/test-databases.js';
import { BASE_MS, adult, at, message, minor, silentLogger, testConfig, valid } from '../testing/events.js';
import { accountContext, caseTimeline } from './case-data.js';

for (const dialect of DIALECTS) {
  describe(`case timeline and account context on ${dialect}`, () => {
    let tdb: TestDatabase;
    let store: Store;
    let engine: Engine;
    const clock = fixedClock(BASE_MS + 30 * 86_400_000);
    before(async () => {
      tdb = await storeLocation(dialect);
      store = await createStore(tdb.url);
      engine = await createEngine({ store, config: testConfig(), logger: silentLogger(), clock });
    });
    after(async () => {
      await store.close();
      await tdb.drop();
    });

    it('shows the whole nearby conversation around a cited message, and nothing from others', async () => {
      const ev = (e: object) => valid(e, clock.now());
      const conv = [0, 1, 2, 3, 4].map((i) => message(i % 2 ? 'kid' : 'grown', i % 2 ? 'grown' : 'kid', at(10 + i), 'c_main'));
      const other = [0, 1, 2].map((i) => message('grown', 'kid2', at(10 + i), 'c_other'));
      await engine.ingest([adult('grown'), minor('kid'), minor('kid2')].map(ev));
      await engine.ingest([conv[0]!, other[0]!, conv[1]!, conv[2]!, other[1]!, conv[3]!, other[2]!, conv[4]!].map(ev));
      const cited = conv[2]!.id;
      const alert = {
        category: 'grooming',
        reasons: [{ code: 'secrecy_request', detail: 'asked to keep it secret' }],
        evidence: [cited],
        triggerEventId: cited,
      } as unknown as Alert;
      const t = await caseTimeline(store.db, [alert]);
      assert.deepEqual(
        t.map((e) => e.id),
        conv.map((c) => c.id),
      );
      assert.deepEqual(
        t.map((e) => e.cues.length),
        [0, 0, 1, 0, 0],
      );
      assert.equal(t[2]!.cues[0], 'grooming: secrecy_request');
      assert.equal(t[1]!.from, 'kid', "the child's replies are part of the conversation");
    });

    it('counts connections to minors, contacts and complaints for the subject', async () => {
      await engine.ingest(
        [
          adult('coach'),
          minor('t1'),
          minor('t2'),
          minor('t3', '16-17'),
          adult('peer'),
          { id: 'x1', type: 'connection.created', ts: at(1), from: 't1', to: 'coach', kind: 'follow' },
          { id: 'x2', type: 'connection.created', ts: at(1), from: 'coach', to: 't2', kind: 'friend' },
          { id: 'x3', type: 'connection.created', ts: at(1), from: 'coach', to: 'peer', kind: 'follow' },
          message('coach', 't3', at(5)),
          { id: 'x4', type: 'block.created', ts: at(6), from: 't3', to: 'coach' },
        ].map((e) => valid(e, clock.now())),
      );
      const a = await accountContext(store.db, 'coach', clock.now(), 'none', true);
      assert.equal(a.connectionsToMinors, 2);
      assert.equal(a.unconnectedMinorsContacted, 1);
      assert.equal(a.blockedByMinors, 1);
      assert.equal(a.priorAlerts.unwanted_contact, 1);
      assert.equal(a.ageBand, 'adult');
    });
  });
}
