import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createApiKey } from '../server/api-key-store.js';
import { startServer } from '../server/start-server.js';
import { silentLogger, testConfig } from '../testing/events.js';
import { createHttpTarget } from './http-target.js';
import { loadPhraseBank } from './phrase-bank.js';
import { runSimulation } from './run-simulation.js';
import { defaultStart } from './simulate.js';
import { startWebhookInbox } from './webhook-inbox.js';

describe('the webhook inbox', () => {
  const post = (url: string, body: string, headers: Record<string, string>) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then((r) => r.status);
  const sign = (secret: string, body: string, t = Math.floor(Date.now() / 1000)) =>
    `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;

  it('takes only signed actions, once per delivery', async () => {
    const secret = randomBytes(24).toString('hex');
    const inbox = await startWebhookInbox({ secret });
    try {
      const body = JSON.stringify({ id: 'act_1', type: 'suspend_account', subject: { accountId: 'u9' } });
      assert.equal(await post(inbox.url, body, { 'warden-delivery': 'act_1' }), 401, 'unsigned');
      assert.equal(await post(inbox.url, body, { 'warden-delivery': 'act_1', 'warden-signature': sign('another secret!!', body) }), 401);
      assert.equal(await post(inbox.url, body, { 'warden-delivery': 'act_1', 'warden-signature': sign(secret, body, 1) }), 401, 'too old');
      assert.equal(await post(inbox.url, body, { 'warden-delivery': 'act_1', 'warden-signature': sign(secret, body) }), 204);
      assert.equal(
        await post(inbox.url, body, { 'warden-delivery': 'act_1', 'warden-signature': sign(secret, body) }),
        204,
        'a redelivery',
      );
      const bad = JSON.stringify({ type: 'suspend_account' });
      assert.equal(await post(inbox.url, bad, { 'warden-delivery': 'act_2', 'warden-signature': sign(secret, bad) }), 400);
      assert.deepEqual(inbox.drain(), [{ type: 'suspend_account', accountId: 'u9' }]);
      assert.equal(inbox.refused, 4);
    } finally {
      await inbox.close();
    }
  });

  it('refuses everything without a secret', async () => {
    const inbox = await startWebhookInbox();
    try {
      assert.equal(await post(inbox.url, '{}', { 'warden-delivery': 'x', 'warden-signature': 't=1,v1=00' }), 401);
    } finally {
      await inbox.close();
    }
  });
});

describe('the simulator over HTTP (--target)', () => {
  it('drives a running Warden through POST /v1/events and /v1/decisions and acts on its signed webhooks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-sim-http-'));
    const secret = randomBytes(24).toString('base64url');
    const inbox = await startWebhookInbox({ secret });
    const server = await startServer(
      testConfig({ store: { url: join(dir, 'w.db') }, server: { port: 0 }, actions: { webhookUrl: inbox.url, webhookSecret: secret } }),
      silentLogger(),
    );
    const { key } = await createApiKey(server.store.db, 'sim', 'admin');
    const target = await createHttpTarget({ url: server.url, key, inbox });
    try {
      const r = await runSimulation({
        mode: 'live',
        accounts: 800,
        days: 1,
        seed: 5,
        phrases: loadPhraseBank(),
        target,
        startMs: defaultStart(1),
      });
      assert.ok(r.events.sent > 800);
      assert.equal(r.events.accepted, r.events.sent, 'every event accepted');
      assert.equal(r.events.rejected, 0);
      assert.ok(r.gate.allow > 0 && r.gate.block > 0, JSON.stringify(r.gate));
      assert.equal(r.decoys.marked, true, 'the decoys were marked through PUT /v1/admin/decoys');
      assert.equal(inbox.refused, 0, 'every webhook Warden sent was signed and taken');
    } finally {
      await target.close();
      await server.close();
      await inbox.close();
    }
  });
});
