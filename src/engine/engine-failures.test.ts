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
});
