import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createConversationTracker } from './conversation-tracker.js';
import { detectCues, stageMask } from './detect-cues.js';

const cue = (text: string) => detectCues(text).cues;

describe('conversation tracker', () => {
  it('keeps a million-message conversation to a bounded window', () => {
    const tracker = createConversationTracker();
    const cues = cue('how old are you?');
    const mask = stageMask(cues);
    if (global.gc) global.gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 1_000_000; i++)
      tracker.record('c1', 'adult', { eventId: `e${i}`, tsMs: i, cues: i % 10 === 0 ? cues : [], p: 0.1 }, i % 10 === 0 ? mask : 0);
    const st = tracker.get('c1', 'adult')!;
    assert.equal(st.messages, 1_000_000);
    assert.ok(st.evidence.length <= 16, `evidence ${st.evidence.length}`);
    assert.equal(st.evidence[0]!.eventId, 'e0', 'the first cue messages are kept');
    assert.equal(st.evidence.at(-1)!.eventId, 'e999990', 'and the latest');
    // With --expose-gc the retained heap is measured too (without it, uncollected garbage would blur it).
    if (global.gc) {
      global.gc();
      assert.ok(process.memoryUsage().heapUsed - before < 5 * 1024 * 1024, 'a few kilobytes of state, not a history');
    }
    assert.equal(tracker.size, 1);
  });

  it('forgets the least recently active conversations beyond its limit', () => {
    const tracker = createConversationTracker(1000);
    for (let i = 0; i < 1500; i++) tracker.record(`c${i}`, 'a', { eventId: `e${i}`, tsMs: i, cues: [] }, 0);
    assert.equal(tracker.size, 1000);
    assert.equal(tracker.get('c0', 'a'), undefined);
    assert.ok(tracker.get('c1499', 'a'));
  });

  it('takes messages out of time order: times widen, stages are a set', () => {
    const tracker = createConversationTracker();
    const secret = cue("don't tell your parents we talk");
    const age = cue('how old are you?');
    tracker.record('c', 'a', { eventId: 'late', tsMs: 5000, cues: secret }, stageMask(secret));
    const st = tracker.record('c', 'a', { eventId: 'early', tsMs: 1000, cues: age }, stageMask(age));
    assert.equal(st.firstMs, 1000);
    assert.equal(st.lastMs, 5000);
    assert.equal(st.mask, stageMask(secret) | stageMask(age));
  });

  it('finds cues in hostile text without throwing: empty, 16 KiB, lone surrogates, zero-width and right-to-left controls', () => {
    assert.deepEqual(cue(''), []);
    assert.ok(cue('x'.repeat(16_384)).length === 0);
    assert.ok(cue(`${'lol '.repeat(4200)}how old are you`).length === 0, 'past 16 KiB is not read');
    assert.ok(cue('how old are you \ud800').some((c) => c.code === 'age_question'));
    assert.ok(cue('how\u200b old\u200d are\u2060 you').some((c) => c.code === 'age_question'));
    assert.ok(cue('\u202ehow old are you\u202c').some((c) => c.code === 'age_question'));
  });
});

describe('conversation openers', () => {
  it('remember when a conversation began and who began it, out of order too', () => {
    const tracker = createConversationTracker();
    assert.deepEqual(tracker.opened('c', 'adult', false, 100), {
      firstMs: 100,
      firstFrom: 'adult',
      firstFromMinor: false,
      minorMessages: 0,
    });
    tracker.opened('c', 'kid', true, 200);
    assert.deepEqual(tracker.opened('c', 'kid', true, 50), { firstMs: 50, firstFrom: 'kid', firstFromMinor: true, minorMessages: 2 });
  });
});
