import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Alert } from '../alerts/alert-schema.js';
import { backtest } from './backtest.js';
import { parsePolicy } from './parse-policy.js';

const POLICY = `version: 1
rules:
  - id: suspicious-adult
    when: { on: alert, categories: [suspicious_adult] }
    then: [{ type: require_review, priority: 2 }]
  - id: grooming-first
    when: { on: alert, categories: [grooming] }
    then: [{ type: require_review, priority: 0 }]
`;

const alert = (id: string, subject: string, category: Alert['category']): Alert => ({
  id,
  ts: '2026-11-01T00:00:00Z',
  category,
  severity: 'medium',
  score: 0.5,
  subject: { accountId: subject },
  triggerEventId: `evt_${id}`,
  evidence: [],
  reasons: [],
  detector: 'test',
  detectedAt: '2026-11-01T00:00:00Z',
});

describe('rules test (backtest)', () => {
  it('shows the priority and queue a live run ends with when a later alert joins the case', async () => {
    const parsed = parsePolicy(POLICY);
    assert.ok(parsed.ok);
    const r = await backtest(parsed.value, [
      alert('a1', 'adult_1', 'suspicious_adult'),
      alert('a2', 'adult_1', 'grooming'),
      alert('a3', 'adult_2', 'suspicious_adult'),
    ]);
    assert.equal(r.cases.opened, 2, 'one case per subject');
    assert.deepEqual(r.cases.byPriority, { p0: 1, p2: 1 });
    assert.deepEqual(r.cases.byQueue, { grooming: 1, suspicious_adult: 1 });
  });
});
