import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../core/app-error.js';
import { createStore, type Store } from '../store/store.js';
import type { WriteSet } from '../store/write-set.js';
import { adult, at, message, minor, silentLogger, testConfig, valid } from '../testing/events.js';
import { createEngine } from './create-engine.js';

/** A store whose next `failures` commits fail, as a full disk or a dropped connection would. */
function flaky(real: Store, state: { failures: number; commits: number; rows: number[] }): Store {
  return {
    ...real,
    write: async (ws: WriteSet) => {
      state.commits++;
      if (state.failures > 0) {
        state.failures--;
        throw new AppError('store_failure', 'disk full (simulated)');
      }
      state.rows.push(ws.events.ids.length);
      return real.write(ws);
    },
  };
}

describe('engine under failure and concurrency', () => {
  it('a failed commit loses nothing accepted, and the retried batch applies exactly once', async () => {
    const real = await createStore(':memory:');
    const state = { failures: 0, commits: 0, rows: [] as number[] };
    const engine = await createEngine({ store: flaky(real, state), config: testConfig(), logger: silentLogger() });
    const now = Date.now();
    await engine.ingest([adult('fa'), minor('fk')].map((e) => valid(e, now)));
    const batch = [message('fa', 'fk', at(5))].map((e) => valid(e, now));
    state.failures = 1;
    await assert.rejects(engine.ingest(batch), (e: unknown) => e instanceof AppError && e.code === 'store_failure');
    // Memory had applied the batch; the engine rebuilt it from the store before going on.
    const retry = await engine.ingest(batch);
    assert.deepEqual(retry.statuses, ['accepted'], 'the failed events were not recorded as seen');
    assert.equal(retry.alerts.length, 1, 'and the alert is raised once, on the retry');
    const again = await engine.ingest(batch);
    assert.deepEqual([again.statuses, again.alerts.length], [['duplicate'], 0]);
    const alerts = await real.db.selectFrom('alerts').selectAll().execute();
    assert.equal(alerts.length, 1);
    assert.equal(engine.ready, true);
    await real.close();
  });

  it('two concurrent batches carrying the same id: exactly one is accepted', async () => {
    const store = await createStore(':memory:');
    const engine = await createEngine({ store, config: testConfig(), logger: silentLogger() });
    const e = valid(adult('race'));
    const results = await Promise.all([engine.ingest([e]), engine.ingest([e]), engine.ingest([e])]);
    const accepted = results.flatMap((r) => r.statuses).filter((s) => s === 'accepted').length;
    assert.equal(accepted, 1);
    await store.close();
  });

  it('group-commits concurrent batches into fewer transactions, each caller answered after its commit', async () => {
    const real = await createStore(':memory:');
    const state = { failures: 0, commits: 0, rows: [] as number[] };
    const engine = await createEngine({ store: flaky(real, state), config: testConfig(), logger: silentLogger() });
    const batches = Array.from({ length: 20 }, (_, b) => Array.from({ length: 10 }, (_, i) => valid(adult(`gc_${b}_${i}`))));
    const results = await Promise.all(batches.map((b) => engine.ingest(b)));
    assert.ok(results.every((r) => r.statuses.every((s) => s === 'accepted')));
    assert.ok(state.commits < 20, `expected fewer commits than batches, got ${state.commits}`);
    assert.equal(
      state.rows.reduce((a, b) => a + b, 0),
      200,
    );
    await real.close();
  });

  it('submitted faster than they commit: an id in any batch still in flight is a duplicate, once committed too', async () => {
    const real = await createStore(':memory:');
    const state = { failures: 0, commits: 0, rows: [] as number[] };
    // Each commit waits a turn of the event loop, so a dozen batches are in flight at once.
    const slow: Store = {
      ...flaky(real, state),
      write: (ws) => new Promise((r) => setTimeout(r, 5)).then(() => flaky(real, state).write(ws)),
    };
    const engine = await createEngine({ store: slow, config: testConfig(), logger: silentLogger() });
    const events = Array.from({ length: 12 }, (_, b) => Array.from({ length: 20 }, (_, i) => valid(adult(`fl_${b}_${i}`))));
    const submitted = [];
    for (let b = 0; b < events.length; b++) {
      // Each batch repeats one id of every batch before it: all of them still pending.
      const repeats = events.slice(0, b).map((prev) => prev[b % 20]!);
      submitted.push(await engine.submit([...events[b]!, ...repeats]));
    }
    submitted.forEach((s, b) => {
      assert.equal(s.statuses.filter((x) => x === 'accepted').length, 20, `batch ${b}`);
      assert.equal(s.statuses.filter((x) => x === 'duplicate').length, b, `batch ${b}`);
    });
    await Promise.all(submitted.map((s) => s.committed));
    const again = await engine.ingest(events.map((b) => b[0]!));
    assert.ok(
      again.statuses.every((x) => x === 'duplicate'),
      'committed ids are found in the store',
    );
    const stored = await real.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(stored.n), 240);
    // A batch whose commit fails leaves no id pending: the retry is accepted.
    const lost = [valid(adult('fl_lost'))];
    state.failures = 1;
    await assert.rejects(engine.ingest(lost));
    assert.deepEqual((await engine.ingest(lost)).statuses, ['accepted']);
    await real.close();
  });
});
