import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createBank } from '../media/bank-store.js';
import { createMediaMatcher, type MediaMatcher } from '../media/media-matcher.js';
import { createStore, type Store } from '../store/store.js';
import { DIALECTS, storeLocation, type TestDatabase } from '../testing/test-databases.js';
import { applyBatch, type BatchTarget } from './apply-batch.js';
import { hexOf } from './exchange-examples.js';
import type { ExchangeEntry } from './exchange.js';
import { emptyCounts } from './exchange-store.js';

const NOW = Date.UTC(2026, 5, 1);
const entry = (id: string, updatedMs: number, fps: [string, string][], deleted = false): ExchangeEntry => ({
  id,
  contentKind: 'image',
  deleted,
  updatedMs,
  fingerprints: fps.map(([sourceType, value]) => ({ sourceType, value })),
});

/** Storing pages of a source, on SQLite and PostgreSQL: order, deletions, shared hashes, bad values, floods. */
for (const dialect of DIALECTS) {
  describe(`applyBatch on ${dialect}`, () => {
    let tdb: TestDatabase;
    let store: Store;
    let matcher: MediaMatcher;
    let target: BatchTarget;
    const counts = emptyCounts();
    before(async () => {
      tdb = await storeLocation(dialect);
      store = await createStore(tdb.url);
      matcher = createMediaMatcher({ floodLimitPerHour: 1000 });
      const bank = await createBank(store.db, { name: 'exchange-t', kind: 'positive' }, 31, NOW);
      matcher.setBank(bank);
      // No flood limit but in the flood test: the others add more than three an hour.
      target = { source: 't', kind: 'ncmec', bankId: bank.id, floodLimitPerHour: Number.POSITIVE_INFINITY };
    });
    after(async () => {
      await store.close();
      await tdb.drop();
    });
    const md5Matches = (n: number) => matcher.match({ md5: hexOf(n, 32, 1) }).length;
    const live = async () =>
      Number(
        (
          await store.db
            .selectFrom('bank_entries')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('removed_ms', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('stores supported fingerprints in the bank and the matcher, keeps the rest, and counts a bad value without losing the entry', async () => {
      await applyBatch(
        store.db,
        matcher,
        target,
        [
          entry('1/a', NOW - 5000, [
            ['MD5', hexOf(1, 32, 1)],
            ['PDQ', hexOf(1, 64, 3)],
            ['PDNA', 'x'.repeat(40)],
          ]),
          entry('1/b', NOW - 4000, [
            ['MD5', hexOf(2, 32, 1)],
            ['PDQ', 'not hex'],
          ]),
        ],
        counts,
        NOW,
      );
      assert.equal(counts.stored, 3);
      assert.equal(counts.invalid, 1);
      assert.deepEqual(counts.unsupported, { PDNA: 1 });
      assert.equal(md5Matches(1), 1);
      assert.equal(md5Matches(2), 1);
      assert.equal(matcher.match({ pdq: hexOf(1, 64, 3) }).length, 1);
      assert.equal(await live(), 3);
    });

    it('keeps a hash two entries share until both are deleted', async () => {
      await applyBatch(store.db, matcher, target, [entry('1/c', NOW - 3000, [['MD5', hexOf(1, 32, 1)]])], counts, NOW);
      await applyBatch(store.db, matcher, target, [entry('1/a', NOW - 2000, [], true)], counts, NOW);
      assert.equal(md5Matches(1), 1, '1/c still holds it');
      assert.equal(matcher.match({ pdq: hexOf(1, 64, 3) }).length, 0, 'only 1/a held the PDQ');
      await applyBatch(store.db, matcher, target, [entry('1/c', NOW - 1000, [], true)], counts, NOW);
      assert.equal(md5Matches(1), 0);
      assert.equal(counts.deleted, 2);
    });

    it('ignores an update older than what it holds, within a page and across pages', async () => {
      const before = counts.stale;
      // Within one page, listed newest first: the newest (a deletion) wins.
      await applyBatch(
        store.db,
        matcher,
        target,
        [entry('1/b', NOW - 500, [], true), entry('1/b', NOW - 3500, [['MD5', hexOf(2, 32, 1)]])],
        counts,
        NOW,
      );
      assert.equal(md5Matches(2), 0);
      // A later page brings an older version: ignored.
      await applyBatch(store.db, matcher, target, [entry('1/b', NOW - 3600, [['MD5', hexOf(2, 32, 1)]])], counts, NOW);
      assert.equal(md5Matches(2), 0);
      assert.equal(counts.stale, before + 1);
      // A newer one revives it.
      await applyBatch(store.db, matcher, target, [entry('1/b', NOW, [['MD5', hexOf(2, 32, 1)]])], counts, NOW);
      assert.equal(md5Matches(2), 1);
    });

    it('stores new fingerprints past the hourly flood limit quarantined, out of matching', async () => {
      const later = NOW + 2 * 3600_000; // the hour before holds none of the above
      const { quarantined } = await applyBatch(
        store.db,
        matcher,
        { ...target, floodLimitPerHour: 3 },
        [10, 11, 12, 13, 14].map((n) => entry(`1/f${n}`, later - 100, [['MD5', hexOf(n, 32, 1)]])),
        counts,
        later,
      );
      assert.equal(quarantined.length, 2, 'limit 3: two wait for an admin');
      assert.equal([10, 11, 12, 13, 14].filter((n) => md5Matches(n) === 1).length, 3);
      const q = await store.db.selectFrom('bank_entries').select('id').where('quarantined_ms', 'is not', null).execute();
      assert.deepEqual(q.map((r) => r.id).sort(), [...quarantined].sort());
    });
  });
}
