import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { addEntries, createBank } from '../media/bank-store.js';
import { createStore } from '../store/store.js';
import { DIALECTS, storeLocation, type TestDatabase } from '../testing/test-databases.js';
import { at, nextId, silentLogger, testConfig, valid } from '../testing/events.js';
import { createEngine } from './create-engine.js';

/*
 * Issue 15, item 10: counted state that a restart forgets. The known-image flood counter
 * lived in memory only, so 2 uploads, a restart and 2 more never reached a limit of 3.
 */
const md5 = 'ab'.repeat(16);
const upload = (i: number) => ({
  id: nextId(),
  type: 'media.uploaded',
  ts: at(30 + i),
  media: { id: `fl_${i}`, kind: 'image', owner: `owner_${i}`, md5, sha256: String(i).repeat(64) },
});

for (const dialect of DIALECTS) {
  describe(`flood counter across a restart (${dialect})`, () => {
    const dbs: TestDatabase[] = [];
    after(async () => {
      for (const d of dbs) await d.drop();
    });

    it('2 uploads, a restart, 2 more: the entry is quarantined at a limit of 3', async () => {
      const loc = await storeLocation(dialect);
      dbs.push(loc);
      const config = testConfig({ media: { floodLimitPerHour: 3 } });
      const now = Date.now();
      let store = await createStore(loc.url);
      const bank = await createBank(store.db, { name: 'known', kind: 'positive' }, 10, now);
      const [entry] = await addEntries(store.db, bank.id, [{ signalType: 'md5', value: md5 }], now);
      let engine = await createEngine({ store, config, logger: silentLogger() });
      const first = await engine.ingest([upload(1), upload(2)].map((e) => valid(e, now)));
      assert.equal(first.alerts.length, 2);
      await engine.drain();
      await store.close();

      store = await createStore(loc.url);
      engine = await createEngine({ store, config, logger: silentLogger() });
      const third = await engine.ingest([valid(upload(3), now)]);
      assert.equal(third.alerts.length, 1, 'the third distinct upload is within the limit');
      const fourth = await engine.ingest([valid(upload(4), now)]);
      assert.equal(fourth.alerts.length, 0, 'the fourth distinct upload within the hour is past the limit of 3');
      const row = await store.db.selectFrom('bank_entries').select('quarantined_ms').where('id', '=', entry!.id).executeTakeFirstOrThrow();
      assert.notEqual(row.quarantined_ms, null, 'the entry was quarantined');
      // A quarantined entry counts afresh should an admin restore it: its uploads are gone from the store too.
      assert.equal((await store.db.selectFrom('media_flood_uploads').selectAll().where('entry_id', '=', entry!.id).execute()).length, 0);
      await store.close();
    });

    it('the same upload again after a restart is not counted twice', async () => {
      const loc = await storeLocation(dialect);
      dbs.push(loc);
      const config = testConfig({ media: { floodLimitPerHour: 3 } });
      const now = Date.now();
      let store = await createStore(loc.url);
      const bank = await createBank(store.db, { name: 'known', kind: 'positive' }, 10, now);
      await addEntries(store.db, bank.id, [{ signalType: 'md5', value: md5 }], now);
      let engine = await createEngine({ store, config, logger: silentLogger() });
      await engine.ingest([upload(1), upload(2), upload(3)].map((e) => valid(e, now)));
      await store.close();
      store = await createStore(loc.url);
      engine = await createEngine({ store, config, logger: silentLogger() });
      // Same bytes (sha256) as upload 3, in a new event: one distinct upload, still 3 in all.
      const again = { ...upload(3), id: nextId() };
      again.media = { ...again.media, id: 'fl_3_again' };
      const r = await engine.ingest([valid(again, now)]);
      assert.equal(r.alerts.length, 1, 'a re-upload of the same image is no fourth distinct upload');
      assert.equal((await store.db.selectFrom('bank_entries').select('quarantined_ms').executeTakeFirstOrThrow()).quarantined_ms, null);
      await store.close();
    });
  });
}
