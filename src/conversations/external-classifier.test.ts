import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import { createEngine } from '../engine/create-engine.js';
import { createStore } from '../store/store.js';
import { BASE_MS, adult, at, minor, nextId, silentLogger, testConfig, valid } from '../testing/events.js';
import { createHttpClassifier } from './external-classifier.js';

describe('external classifier over HTTP', () => {
  let url = '';
  let calls = 0;
  let handler: (body: { messages: { id: string; text: string }[] }, res: ServerResponse) => void = () => undefined;
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      calls++;
      handler(JSON.parse(body) as { messages: { id: string; text: string }[] }, res);
    });
  });
  before(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/classify`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  const say = (from: string, to: string, text: string) => ({
    id: nextId(),
    type: 'message.sent',
    ts: at(10),
    message: { id: nextId(), conversationId: `c_${from}_${to}`, from, to: [to], text },
  });

  it('raises an alert from a high score on a message from an adult to a minor, and only there', async () => {
    handler = (b, res) =>
      res.end(JSON.stringify({ results: b.messages.map((m) => ({ id: m.id, score: 0.95, category: 'solicitation' })) }));
    const store = await createStore(':memory:');
    const clock = fixedClock(BASE_MS + 30 * 86_400_000);
    const engine = await createEngine({
      store,
      config: testConfig({ conversations: { externalClassifier: { url } } }),
      logger: silentLogger(),
      clock,
    });
    const toMinor = say('xa', 'xk', 'a perfectly ordinary sentence');
    const toAdult = say('xa', 'xb', 'a perfectly ordinary sentence');
    const r = await engine.ingest([adult('xa'), adult('xb'), minor('xk'), toMinor, toAdult].map((e) => valid(e, clock.now())));
    const ext = r.alerts.filter((a) => a.detector === 'external_classifier');
    assert.deepEqual(
      ext.map((a) => [a.category, a.triggerEventId]),
      [['solicitation', toMinor.id]],
    );
    assert.match(ext[0]!.reasons[0]!.detail, /scored this message 0\.95/);
    await store.close();
  });

  it('never holds ingest past its timeout, and opens the circuit after repeated failures', async () => {
    handler = () => undefined; // never answers
    calls = 0;
    const store = await createStore(':memory:');
    const clock = fixedClock(BASE_MS + 30 * 86_400_000);
    const engine = await createEngine({
      store,
      config: testConfig({ conversations: { externalClassifier: { url, timeoutMs: 50, failureThreshold: 2, resetAfterMs: 60_000 } } }),
      logger: silentLogger(),
      clock,
    });
    await engine.ingest([adult('ya'), minor('yk')].map((e) => valid(e, clock.now())));
    for (let i = 0; i < 4; i++) {
      const r = await engine.ingest([valid(say('ya', 'yk', `message ${i}`), clock.now())]);
      assert.deepEqual(r.statuses, ['accepted'], 'accepted without a verdict');
    }
    assert.equal(calls, 2, 'two failures opened the circuit; the next batches did not call');
    await store.close();
  });

  it('tries once after the reset time (half-open) and closes on success', async () => {
    let t = 0;
    const states: string[] = [];
    const c = createHttpClassifier({
      url,
      timeoutMs: 50,
      failureThreshold: 1,
      resetAfterMs: 1000,
      now: () => t,
      onStateChange: (s) => states.push(s),
    });
    handler = (_b, res) => {
      res.statusCode = 500;
      res.end();
    };
    assert.equal((await c.classify([{ id: 'm', text: 'x' }])).size, 0);
    assert.equal(c.state, 'open');
    t = 500;
    calls = 0;
    await c.classify([{ id: 'm', text: 'x' }]);
    assert.equal(calls, 0, 'still open');
    t = 1500;
    handler = (b, res) => res.end(JSON.stringify({ results: b.messages.map((m) => ({ id: m.id, score: 0.1 })) }));
    assert.equal((await c.classify([{ id: 'm', text: 'x' }])).get('m')?.score, 0.1);
    assert.deepEqual(states, ['open', 'half_open', 'closed']);
    handler = (_b, res) => res.end('{"results":[{"id":"m","score":7}]}');
    assert.equal((await c.classify([{ id: 'm', text: 'x' }])).size, 0, 'a malformed answer is a failure, not a verdict');
  });
});
