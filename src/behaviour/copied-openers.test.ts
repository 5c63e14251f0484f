import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import { createEngine } from '../engine/create-engine.js';
import { createStore } from '../store/store.js';
import { BASE_MS, adult, at, message, minor, silentLogger, testConfig, valid } from '../testing/events.js';

/** The copied-openers alerts a run of events raises, by subject. */
async function copiedOpeners(events: object[]): Promise<string[]> {
  const clock = fixedClock(BASE_MS + 86_400_000);
  const store = await createStore(':memory:');
  try {
    const engine = await createEngine({ store, config: testConfig(), logger: silentLogger(), clock });
    const r = await engine.ingest(events.map((e) => valid(e, clock.now())));
    return r.alerts.filter((a) => a.reasons.some((x) => x.code === 'copied_openers')).map((a) => a.subject.accountId);
  } finally {
    await store.close();
  }
}

const say = (from: string, to: string, text: string, minute: number, conversationId?: string) => {
  const m = message(from, to, at(minute), conversationId);
  m.message.text = text;
  return m;
};
const people = [adult('u_a'), adult('u_b'), minor('u_m1'), minor('u_m2'), minor('u_m3'), minor('u_m4')];

describe('copied openers', () => {
  it('fires when one adult opens three conversations with unconnected minors with the same words, names swapped', async () => {
    const events = [...people, ...['m1', 'm2', 'm3'].map((m, i) => say('u_a', `u_${m}`, `hey ${m} you look like a fun gamer`, 10 + i))];
    assert.deepEqual(await copiedOpeners(events), ['u_a']);
  });

  it('counts only the first message of each conversation: the same line again in one conversation is not an opener', async () => {
    const line = 'hey you look like a fun gamer';
    const events = [
      ...people,
      say('u_a', 'u_m1', line, 10),
      say('u_a', 'u_m1', line, 11),
      say('u_a', 'u_m2', line, 12),
      say('u_a', 'u_m2', line, 13),
    ];
    assert.deepEqual(await copiedOpeners(events), []);
  });

  it('counts each sender’s own first message where two adults write in one conversation', async () => {
    const line = 'hey you look like a fun gamer';
    const events = [
      ...people,
      say('u_b', 'u_m1', 'welcome to the group everyone', 5, 'c_shared'),
      say('u_a', 'u_m1', line, 10, 'c_shared'),
      say('u_a', 'u_m2', line, 11),
      say('u_a', 'u_m3', line, 12),
    ];
    assert.deepEqual(await copiedOpeners(events), ['u_a']);
  });

  it('leaves alone an adult whose openers differ', async () => {
    const texts = ['did you finish the maths homework', 'the match starts at six tomorrow', 'thanks for the drawing you sent'];
    const events = [...people, ...texts.map((t, i) => say('u_a', `u_m${i + 1}`, t, 10 + i))];
    assert.deepEqual(await copiedOpeners(events), []);
  });
});
