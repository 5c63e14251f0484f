import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { addEntries, createBank, listEntries, loadMatcherState } from '../bank-store.js';
import { createMediaMatcher } from '../media-matcher.js';
import { createStore } from '../../store/store.js';
import { DIALECTS, storeLocation, type TestDatabase } from '../../testing/test-databases.js';
import { parseVpdqJson, vpdqToJson } from './vpdq.js';

/** A synthetic video of `n` distinct frame hashes (not a real video: the store only keeps strings). */
function signal(n: number, seed: number): string {
  const frames = Array.from({ length: n }, (_, i) => {
    let hex = '';
    for (let k = 0; k < 8; k++)
      hex += ((Math.imul(seed * 1000 + i + 1, 2654435761) ^ Math.imul(k + 1, 40503)) >>> 0).toString(16).padStart(8, '0');
    return { pdqHex: hex, quality: 100, timestamp: i };
  });
  return vpdqToJson(frames);
}

/*
 * vPDQ entries in both databases. A 600-frame signal string is ~45 kB: far past PostgreSQL's
 * ~2.7 kB limit on an index row, which is why migration 0040 keeps such strings out of the
 * unique index (bank_entries.value holds their SHA-256).
 */
for (const dialect of DIALECTS) {
  describe(`video bank entries (${dialect})`, () => {
    const dbs: TestDatabase[] = [];
    after(async () => {
      for (const d of dbs) await d.drop();
    });

    it('stores, lists, reloads and de-duplicates long vPDQ signal strings', async () => {
      const loc = await storeLocation(dialect);
      dbs.push(loc);
      const store = await createStore(loc.url);
      try {
        const now = Date.now();
        const bank = await createBank(store.db, { name: 'videos', kind: 'positive' }, 31, now);
        const long = signal(600, 1);
        assert.ok(long.length > 40_000);
        const short = signal(3, 2);
        const stored = await addEntries(
          store.db,
          bank.id,
          [
            { signalType: 'vpdq', value: long },
            { signalType: 'vpdq', value: short },
            { signalType: 'md5', value: 'ab'.repeat(16) },
          ],
          now,
        );
        assert.deepEqual(
          stored.map((e) => e.value),
          [long, short, 'ab'.repeat(16)],
        );
        // Adding the same video again revives the one entry, never a second.
        const again = await addEntries(store.db, bank.id, [{ signalType: 'vpdq', value: long }], now);
        assert.equal(again[0]!.id, stored[0]!.id);
        const listed = await listEntries(store.db, bank.id, { state: 'active', limit: 10 });
        assert.deepEqual(
          listed.map((e) => [e.signalType, e.value]),
          [
            ['vpdq', long],
            ['vpdq', short],
            ['md5', 'ab'.repeat(16)],
          ],
        );
        const state = await loadMatcherState(store.db);
        assert.equal(state.entries.find((e) => e.id === stored[0]!.id)!.value, long);
        const matcher = createMediaMatcher({ floodLimitPerHour: 100 });
        state.banks.forEach((b) => matcher.setBank(b));
        matcher.loadEntries(state.entries);
        const query = parseVpdqJson(short);
        assert.ok(query.ok);
        assert.deepEqual(
          matcher.match({ vpdq: query.value }).map((m) => [m.entryId, m.signalType, m.distance]),
          [[stored[1]!.id, 'vpdq', 0]],
        );
      } finally {
        await store.close();
      }
    });
  });
}
