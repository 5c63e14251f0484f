import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../engine/create-engine.js';
import { createStore } from '../store/store.js';
import { silentLogger, testConfig } from '../testing/events.js';
import { auditConfig } from './audit-config.js';

describe('configuration changes in the audit log', () => {
  it('records the settings that changed between starts, never a secret', async () => {
    const store = await createStore(':memory:');
    const engine = await createEngine({ store, config: testConfig(), logger: silentLogger() });
    const first = await auditConfig(store, engine, testConfig({ actions: { webhookSecret: 'super-secret-value-123' } }));
    assert.ok(first && first.length > 10, 'everything is new the first time');
    assert.equal(
      await auditConfig(store, engine, testConfig({ actions: { webhookSecret: 'super-secret-value-123' } })),
      undefined,
      'unchanged: nothing recorded',
    );
    const second = await auditConfig(
      store,
      engine,
      testConfig({ actions: { webhookSecret: 'another-secret-value-456' }, cases: { claimMinutes: 10 } }),
    );
    assert.deepEqual(second, ['cases.claimMinutes'], 'a rotated secret is not visible, so not a change');
    const rows = await store.db.selectFrom('audit_log').select('detail').where('action', '=', 'config.changed').execute();
    assert.equal(rows.length, 2);
    assert.ok(rows.every((r) => !r.detail!.includes('secret-value')));
    assert.match(rows[0]!.detail!, /"actions.webhookSecret":"\(set\)"/);
    await store.close();
  });
});
