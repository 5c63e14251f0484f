import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLabels } from './labels-file.js';
import { formatReport, scoreLabelled } from './score-labelled.js';
import { wilson } from './wilson.js';

describe('scoring labelled conversations', () => {
  it('reports bad label lines by number and field, and keeps the good ones', () => {
    const text = [
      JSON.stringify({ conversationId: 'c1', label: 'grooming', family: 'slow', firstActionableIndex: 2, extra: 'kept out of the way' }),
      '{not json',
      JSON.stringify({ conversationId: 'c2', label: 'maybe' }),
      JSON.stringify({ conversationId: 'c3', label: 'benign', firstActionableIndex: -1 }),
      '',
      JSON.stringify({ conversationId: 'c1', label: 'benign' }),
      JSON.stringify({ label: 'benign' }),
    ].join('\n');
    const { rows, errors } = parseLabels(text);
    assert.deepEqual(
      rows.map((r) => r.conversationId),
      ['c1'],
    );
    assert.deepEqual(
      errors.map((e) => [e.line, e.field]),
      [
        [2, '(line)'],
        [3, 'label'],
        [4, 'firstActionableIndex'],
        [6, 'conversationId'],
        [7, 'conversationId'],
      ],
    );
    assert.match(errors[0]!.reason, /not JSON/);
    assert.match(errors[3]!.reason, /appears twice/);
  });

  it('scores per conversation: precision, recall, F0.5, family rates, delay and confusion', () => {
    const { rows } = parseLabels(
      [
        { conversationId: 'r1', label: 'sextortion', family: 'scam', language: 'en', firstActionableIndex: 1 },
        { conversationId: 'r2', label: 'grooming', family: 'slow', language: 'en', firstActionableIndex: 0 },
        { conversationId: 'r3', label: 'grooming', family: 'slow', language: 'de', firstActionableIndex: 0 },
        { conversationId: 'b1', label: 'benign', family: 'parent' },
        { conversationId: 'b2', label: 'benign', family: 'parent' },
        { conversationId: 'gone', label: 'benign', family: 'parent' },
      ]
        .map((o) => JSON.stringify(o))
        .join('\n'),
    );
    const messages = new Map([
      ['r1', ['e1', 'e2', 'e3', 'e4']],
      ['r2', ['e5', 'e6']],
      ['r3', ['e7']],
      ['b1', ['e8']],
      ['b2', ['e9']],
    ]);
    const alerts = [
      { category: 'sextortion', conversationId: 'r1', triggerEventId: 'e4' },
      { category: 'sextortion', conversationId: 'r1', triggerEventId: 'e3' },
      { category: 'solicitation', conversationId: 'r2', triggerEventId: 'e5' },
      { category: 'grooming', conversationId: 'b1', triggerEventId: 'e8' },
      // Not a conversation-risk category: does not flag.
      { category: 'unwanted_contact', conversationId: 'b2', triggerEventId: 'e9' },
    ];
    const r = scoreLabelled(rows, messages, alerts);
    assert.equal(r.conversations, 5);
    assert.equal(r.unseen, 1);
    assert.deepEqual([r.tp, r.fp, r.fn, r.tn], [2, 1, 1, 1]);
    assert.equal(r.precision, 2 / 3);
    assert.equal(r.recall, 2 / 3);
    assert.ok(Math.abs(r.f05 - 2 / 3) < 1e-12);
    // r1: the earliest alert is at index 2, one after the first actionable (1); r2: at it.
    assert.deepEqual(r.delay, { median: 0, p90: 1, samples: 2 });
    const parent = r.families.find((f) => f.family === 'parent')!;
    assert.equal(parent.rate, 0.5);
    assert.ok(parent.low > 0 && parent.high < 1);
    assert.deepEqual(r.recallByLanguage, { de: { n: 1, recall: 0 }, en: { n: 2, recall: 1 } });
    assert.deepEqual(
      r.confusion.map((c) => [c.conversationId, c.kind]),
      [
        ['r2', 'wrong_category'],
        ['r3', 'missed'],
        ['b1', 'false_alarm'],
      ],
    );
    const table = formatReport(r);
    assert.match(table, /precision 0\.667 {2}recall 0\.667/);
    assert.match(table, /parent +benign +2 +FPR 0\.500/);
    assert.match(table, /false alarm \(1\):\n {2}b1 {2}parent \(benign\): grooming/);
  });

  it('gives Wilson intervals that stay inside [0, 1] and match known values', () => {
    const zero = wilson(0, 20);
    assert.equal(zero.low, 0);
    assert.ok(Math.abs(zero.high - 0.1611) < 1e-3, String(zero.high));
    const half = wilson(50, 100);
    assert.ok(Math.abs(half.low - 0.4038) < 1e-3 && Math.abs(half.high - 0.5962) < 1e-3);
    assert.deepEqual(wilson(0, 0), { low: 0, high: 1 });
  });
});
