import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Alert } from '../alerts/alert-schema.js';
import { fixedClock } from '../core/clock.js';
import { createEngine } from '../engine/create-engine.js';
import { createStore, type Store } from '../store/store.js';
import { BASE_MS, adult, at, minor, silentLogger, testConfig, valid } from '../testing/events.js';
import { normalizeText } from './normalize-text.js';
import { describeUnsupported, MAX_LANGUAGE_CHECKS, sampleLanguage, type LanguageSample } from './unsupported-language.js';

/* Conversations are synthetic and non-graphic. */
const POLISH = 'ile masz lat i gdzie teraz mieszkasz';

describe('languages the lexicon does not read', () => {
  it('names the language and what the score stands on', () => {
    const st: LanguageSample = {};
    sampleLanguage(st, 'did you finish the homework for tomorrow', normalizeText('did you finish the homework for tomorrow'), 'e1');
    assert.equal(st.languageChecks ?? 0, 0, 'plainly a supported language: not asked about');
    sampleLanguage(st, POLISH, normalizeText(POLISH), 'e2');
    assert.deepEqual(st.unsupported, { code: 'pl', eventId: 'e2' });
    assert.match(
      describeUnsupported(st.unsupported!),
      /^language Polish \(pl\) is not supported: its messages were not read for cues \(event e2\); this conversation was scored on its messages in German, English, Spanish, French, Italian, Portuguese only$/,
    );
  });

  it('asks about a bounded number of messages per conversation', () => {
    const st: LanguageSample = {};
    const noise = 'qzx vbk wqj zzq xvv kkq jjx';
    for (let i = 0; i < MAX_LANGUAGE_CHECKS + 2; i++) sampleLanguage(st, noise, normalizeText(noise), `n${i}`);
    assert.equal(st.languageChecks, MAX_LANGUAGE_CHECKS);
    sampleLanguage(st, POLISH, normalizeText(POLISH), 'late');
    assert.equal(st.unsupported, undefined, 'past the bound nothing more is asked');
  });

  const stores: Store[] = [];
  after(async () => {
    for (const s of stores) await s.close();
  });

  it('says so in the alert of a conversation that switched to an unsupported language', async () => {
    const clock = fixedClock(BASE_MS + 3600_000 * 24 * 10);
    const store = await createStore(':memory:');
    stores.push(store);
    const e = await createEngine({ store, config: testConfig({ conversations: { model: 'off' } }), logger: silentLogger(), clock });
    const ingest = async (...events: object[]): Promise<Alert[]> =>
      (await e.ingest(events.map((x) => valid(x, clock.now())))).alerts.filter((a) => a.category === 'solicitation');
    let n = 0;
    const say = (conv: string, text: string, minute: number) => ({
      id: `u${++n}`,
      type: 'message.sent',
      ts: at(minute),
      message: { id: `u${n}`, conversationId: conv, from: 'stranger', to: ['kid'], text },
    });
    await ingest(adult('stranger'), minor('kid', '13-15'));
    const alerts = await ingest(say('c1', 'how old are you?', 1), say('c1', POLISH, 2), say('c1', 'send me a pic of you', 3));
    assert.equal(alerts.length, 1);
    const why = Object.fromEntries(alerts[0]!.reasons.map((r) => [r.code, r.detail]));
    assert.match(why.unsupported_language!, /^language Polish \(pl\) is not supported/);
    const plain = await ingest(say('c2', 'how old are you?', 5), say('c2', 'send me a pic of you', 6));
    assert.equal(plain.length, 1);
    assert.ok(!plain[0]!.reasons.some((r) => r.code === 'unsupported_language'));
  });
});
