import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDeferredAuditChain } from '../audit/audit-chain.js';
import { verifyAudit } from '../audit/audit-store.js';
import { storeLocation, type TestDatabase } from '../testing/test-databases.js';
import { createStore, type Store } from './store.js';
import { pushEvent, WriteSet, type AccountRow } from './write-set.js';

const count = async (store: Store, table: 'events' | 'accounts' | 'contacts' | 'connections') =>
  Number(
    (
      await store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const account = (id: string, fields: Partial<AccountRow>, updatedMs: number): AccountRow => ({
  id,
  ageBand: null,
  birthDate: null,
  ageAssurance: null,
  createdAtMs: null,
  handle: null,
  displayName: null,
  country: null,
  isPrivate: null,
  updatedMs,
  ...fields,
});

function events(prefix: string, n: number): WriteSet {
  const ws = new WriteSet();
  for (let i = 0; i < n; i++)
    pushEvent(ws.events, { id: `${prefix}${i}`, type: 'search.performed', tsMs: 1000 + i, receivedMs: 2000, body: `{"i":${i}}` });
  return ws;
}

/** The BatchWriter contract, on every writer: SQLite in-thread, SQLite on its writer thread, PostgreSQL. */
const WRITERS = [
  { name: 'SQLite, in-thread', dialect: 'sqlite', writerThread: false },
  { name: 'SQLite, writer thread', dialect: 'sqlite', writerThread: true },
  { name: 'PostgreSQL', dialect: 'postgres', writerThread: false },
] as const;

for (const w of WRITERS) {
  describe(`BatchWriter contract: ${w.name}`, () => {
    let tdb: TestDatabase;
    let store: Store;
    before(async () => {
      tdb = await storeLocation(w.dialect);
      store = await createStore(tdb.url, { sqliteSynchronous: 'normal', writerThread: w.writerThread });
    });
    after(async () => {
      await store.close();
      await tdb.drop();
    });

    it('commits a large write set whole, and ignores event ids already stored', async () => {
      await store.write(events('big', 20_000));
      assert.equal(await count(store, 'events'), 20_000);
      await store.write(events('big', 10));
      assert.equal(await count(store, 'events'), 20_000);
      const found = await store.existingEventIds(['big0', 'big19999', 'nope']);
      assert.deepEqual([...found].sort(), ['big0', 'big19999']);
    });

    it('merges partial account upserts, within one write set and across them, and never lets an older one win', async () => {
      const ws = new WriteSet();
      ws.accounts.push(account('acc', { ageBand: 'adult', handle: 'h1' }, 10), account('acc', { displayName: 'D' }, 20));
      await store.write(ws);
      const later = new WriteSet();
      later.accounts.push(account('acc', { ageBand: '13-15', handle: 'old' }, 5), account('acc2', { country: 'FR' }, 1));
      await store.write(later);
      const row = await store.db.selectFrom('accounts').selectAll().where('id', '=', 'acc').executeTakeFirstOrThrow();
      assert.deepEqual([row.age_band, row.handle, row.display_name, row.updated_ms], ['adult', 'h1', 'D', 20]);
      assert.equal(await count(store, 'accounts'), 2);
    });

    it('keeps the first and last contact and sums messages', async () => {
      const contact = (firstMs: number, lastMs: number, ev: string) => ({
        from: 'a',
        to: 'k',
        firstMs,
        lastMs,
        messages: 1,
        firstEventId: ev,
        lastEventId: ev,
      });
      const ws = new WriteSet();
      ws.contacts.push(contact(50, 50, 'e50'), contact(30, 30, 'e30'));
      await store.write(ws);
      const ws2 = new WriteSet();
      ws2.contacts.push(contact(90, 90, 'e90'));
      await store.write(ws2);
      const row = await store.db.selectFrom('contacts').selectAll().executeTakeFirstOrThrow();
      assert.deepEqual([row.first_ms, row.first_event_id, row.last_ms, row.last_event_id, row.messages], [30, 'e30', 90, 'e90', 3]);
    });

    it('quarantines a bank entry once, keeping the first time, and writes the admin notice', async () => {
      const [entry] = await store.db
        .insertInto('bank_entries')
        .values({
          bank_id: 'b',
          signal_type: 'md5',
          value: 'ab'.repeat(16),
          note: null,
          source: null,
          added_ms: 1,
          removed_ms: null,
          quarantined_ms: null,
        })
        .returning('id')
        .execute();
      const ws = new WriteSet();
      ws.quarantines.push({ entryId: entry!.id, tsMs: 100 });
      ws.notices.push({ id: 'ntc_1', tsMs: 100, kind: 'bank_entry_quarantined', detail: 'flood' });
      await store.write(ws);
      const later = new WriteSet();
      later.quarantines.push({ entryId: entry!.id, tsMs: 200 });
      await store.write(later);
      const row = await store.db.selectFrom('bank_entries').selectAll().where('id', '=', entry!.id).executeTakeFirstOrThrow();
      assert.deepEqual([row.quarantined_ms, row.removed_ms, row.value], [100, null, 'ab'.repeat(16)]);
      assert.equal((await store.db.selectFrom('admin_notices').selectAll().execute()).length, 1);
    });

    it('is atomic: a write set with one bad row stores nothing', async () => {
      const before = await count(store, 'events');
      const ws = events('atomic', 100);
      ws.connections.push({ from: 'a', to: 'b', kind: 'follow', state: null as unknown as 'active', updatedMs: 1 });
      await assert.rejects(store.write(ws), (e: unknown) => (e as { code?: string }).code === 'store_failure');
      assert.equal(await count(store, 'events'), before);
      // And the writer still works afterwards.
      await store.write(events('after', 3));
      assert.equal(await count(store, 'events'), before + 3);
    });

    it('continues the audit chain from the head in the database, whoever else appended to it', async () => {
      // A second connection appending to the same chain: on PostgreSQL another server, on
      // SQLite what the writer lock keeps out in production (the writer must not depend on it).
      const other = await createStore(tdb.url, { sqliteSynchronous: 'normal', writerThread: w.writerThread });
      try {
        const entry = (actor: string, i: number) => {
          const ws = new WriteSet();
          // Both sides build their rows from a stale count (1): the writer numbers them.
          ws.audit.push(createDeferredAuditChain({ seq: 0 }).next({ actor, action: 'alerts.listed', detail: { i } }, 1000 + i));
          return ws;
        };
        const writes: Promise<void>[] = [];
        for (let i = 0; i < 30; i++) writes.push(store.write(entry('key:a', i)), other.write(entry('key:b', i)));
        await Promise.all(writes);
        const r = await verifyAudit(store.db);
        assert.equal(r.ok, true, JSON.stringify(r.firstProblem));
        assert.equal(r.entries, 60);
      } finally {
        await other.close();
      }
    });
  });
}
