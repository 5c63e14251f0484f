import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { scoreSignals } from './score-signals.js';
import { fixedClock } from '../core/clock.js';
import { createEngine, type Engine } from '../engine/create-engine.js';
import { createStore, type Store } from '../store/store.js';
import { BASE_MS, account, adult, at, block, connect, minor, silentLogger, testConfig, valid } from '../testing/events.js';

describe('account behaviour score', () => {
  it('adds signals by noisy-OR, each with its reason', () => {
    const none = scoreSignals({
      unconnectedMinors: 1,
      copiedOpenerMinors: 1,
      ignoredRequests: 1,
      declinedRequests: 0,
      complaints: 0,
      alerts: [],
    });
    assert.equal(none.score, 0, 'one of anything is nothing');
    const r = scoreSignals({
      unconnectedMinors: 3,
      copiedOpenerMinors: 0,
      ignoredRequests: 3,
      declinedRequests: 2,
      complaints: 1,
      alerts: [{ category: 'grooming', severity: 'low' }],
    });
    // 1 − (1 − 0.24)(1 − 0.5)(1 − 0.4)(1 − 0.3)
    assert.equal(r.score, Math.round((1 - 0.76 * 0.5 * 0.6 * 0.7) * 10000) / 10000);
    assert.deepEqual(
      r.reasons.map((x) => x.code),
      ['fan_out_to_unconnected_minors', 'requests_refused_by_minors', 'blocked_or_reported_by_minors', 'alert_grooming'],
    );
    assert.match(r.reasons[1]!.detail, /3 connection requests to minors ignored, 2 declined/);
    const young = scoreSignals({
      unconnectedMinors: 3,
      copiedOpenerMinors: 0,
      ignoredRequests: 0,
      declinedRequests: 0,
      complaints: 0,
      alerts: [],
      accountAgeDays: 2,
    });
    assert.deepEqual(
      young.reasons.map((x) => x.code),
      ['fan_out_to_unconnected_minors', 'new_account'],
    );
    assert.equal(young.score, Math.round((1 - 0.76 * 0.85) * 10000) / 10000);
    assert.ok(
      scoreSignals({
        unconnectedMinors: 0,
        copiedOpenerMinors: 0,
        ignoredRequests: 0,
        declinedRequests: 0,
        complaints: 0,
        alerts: [{ category: 'csam_hash_match', severity: 'critical' }],
      }).score >= 0.95,
    );
  });
});

describe('account risk through the engine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warden-risk-'));
  const clock = fixedClock(BASE_MS + 3600_000 * 24 * 5);
  let store: Store;
  let engine: Engine;
  const open = async () => {
    store = await createStore(join(dir, 'w.db'));
    engine = await createEngine({ store, config: testConfig(), logger: silentLogger(), clock });
  };
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const ingest = (...e: object[]) => engine.ingest(e.map((x) => valid(x, clock.now())));
  const risk = (id: string, nowMs = clock.now()) => engine.state.detectors.get('account_risk')!.riskOf(id, engine.state.facts, nowMs);
  let n = 0;
  const later = 3 * 24 * 60;
  const whenDone = BASE_MS + (later + 5) * 60_000;
  const say = (from: string, to: string, text: string, minute: number) => ({
    id: `rm${++n}`,
    type: 'message.sent',
    ts: at(minute),
    message: { id: `rm${n}`, conversationId: `rc_${from}_${to}`, from, to: [to], text },
  });

  it('counts requests minors ignore or decline, and fires once weak signals add up', async () => {
    await open();
    const kids = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'];
    await ingest(
      account('pat', { ageBand: 'adult', createdAt: new Date(BASE_MS - 10 * 86_400_000).toISOString() }),
      ...kids.map((k) => minor(k)),
      minor('k7'),
      adult('friend'),
    );
    // Six requests: two declined (removed), one accepted, three left unanswered.
    await ingest(...kids.map((k) => connect('pat', k, 'friend', at(10), 'connection.requested')));
    await ingest(
      connect('pat', 'k1', 'friend', at(20), 'connection.removed'),
      connect('pat', 'k2', 'friend', at(21), 'connection.removed'),
      connect('pat', 'k3', 'friend', at(22)),
    );
    await ingest(connect('pat', 'friend', 'friend', at(23), 'connection.requested'));
    let r = risk('pat', BASE_MS + 60 * 60_000);
    assert.match(
      r.reasons.find((x) => x.code === 'requests_refused_by_minors')?.detail ?? '',
      /0 connection requests to minors ignored, 2 declined/,
      'not yet ignored: 48 h have not passed',
    );
    // Three days later, messages to four unconnected minors and one block.
    const out = await ingest(
      say('pat', 'k4', 'hey', later),
      say('pat', 'k5', 'hey there', later + 1),
      say('pat', 'k6', 'hi!', later + 2),
      say('pat', 'k7', 'hello', later + 3),
      block('k4', 'pat', at(later + 4)),
    );
    r = risk('pat', whenDone);
    assert.match(
      r.reasons.find((x) => x.code === 'requests_refused_by_minors')!.detail,
      /3 connection requests to minors ignored, 2 declined/,
    );
    assert.ok(r.score >= 0.8, `score ${r.score}`);
    const alert = out.alerts.find((a) => a.reasons.some((x) => x.code === 'account_risk'));
    assert.ok(alert, 'suspicious_adult from the account score');
    assert.equal(alert.category, 'suspicious_adult');
    assert.equal(alert.subject.accountId, 'pat');
    for (const code of ['fan_out_to_unconnected_minors', 'requests_refused_by_minors', 'blocked_or_reported_by_minors', 'new_account'])
      assert.ok(
        alert.reasons.some((x) => x.code === code),
        code,
      );
    assert.equal(risk('friend').score, 0, 'a request to an adult is not a signal');
  });

  it('keeps the score across a restart', async () => {
    const before = risk('pat', whenDone);
    await store.close();
    await open();
    const again = risk('pat', whenDone);
    assert.deepEqual(again.reasons, before.reasons);
    assert.equal(again.score, before.score);
    assert.deepEqual(
      again.reasons.map((r) => r.code),
      before.reasons.map((r) => r.code),
    );
    // Nothing fires twice after the restart.
    const out = await ingest(say('pat', 'k5', 'are you there', later + 30));
    assert.ok(!out.alerts.some((a) => a.reasons.some((x) => x.code === 'account_risk')));
  });
});

describe('GET /v1/accounts/:id/risk', () => {
  it('answers reviewers with the score and reasons; refuses other roles; 404 for an unknown account', async () => {
    const { bearer, createTestApp } = await import('../testing/test-app.js');
    const t = await createTestApp();
    try {
      const post = (events: object[]) =>
        t.app.inject({
          method: 'POST',
          url: '/v1/events',
          headers: { ...bearer(t.keys.ingest), 'content-type': 'application/json' },
          payload: JSON.stringify(events),
        });
      const now = t.clock.now();
      const ts = (m: number) => new Date(now - 3600_000 + m * 60_000).toISOString();
      const ingested = await post([
        adult('lee', ts(0)),
        minor('m1', '13-15', ts(0)),
        minor('m2', '13-15', ts(0)),
        block('m1', 'lee', ts(1)),
        block('m2', 'lee', ts(2)),
      ]);
      assert.equal(ingested.statusCode, 200, ingested.body);
      const res = await t.app.inject({ method: 'GET', url: '/v1/accounts/lee/risk', headers: bearer(t.keys.reviewer) });
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.accountId, 'lee');
      assert.equal(body.score, 0.8);
      assert.equal(body.alertAt, 0.8);
      assert.deepEqual(
        body.reasons.map((r: { code: string }) => r.code),
        ['blocked_or_reported_by_minors'],
      );
      assert.equal((await t.app.inject({ method: 'GET', url: '/v1/accounts/lee/risk', headers: bearer(t.keys.ingest) })).statusCode, 403);
      assert.equal(
        (await t.app.inject({ method: 'GET', url: '/v1/accounts/nobody/risk', headers: bearer(t.keys.reviewer) })).statusCode,
        404,
      );
    } finally {
      await t.close();
    }
  });
});
