import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signWebhook } from '../actions/webhook-signature.js';
import { startWebhookInbox } from './webhook-inbox.js';

const headersFor = (secret: string, body: string, delivery: string) => ({
  'content-type': 'application/json',
  'warden-signature': signWebhook(secret, Math.floor(Date.now() / 1000), body),
  'warden-delivery': delivery,
});

describe('the simulator webhook inbox', () => {
  it('takes a signed action handed over in process, the same as over HTTP', async () => {
    const inbox = await startWebhookInbox({ secret: 's3cret' });
    try {
      const body = JSON.stringify({ id: 'act1', type: 'suspend_account', subject: { accountId: 'u7' } });
      assert.equal(inbox.receive(headersFor('s3cret', body, 'act1'), body), 204);
      // A redelivery is answered and not acted on twice.
      assert.equal(inbox.receive(headersFor('s3cret', body, 'act1'), body), 204);
      // Over HTTP, through the same check.
      const other = JSON.stringify({ id: 'act2', type: 'hide_from_minors', subject: { accountId: 'u8' } });
      const res = await fetch(inbox.url, { method: 'POST', headers: headersFor('s3cret', other, 'act2'), body: other });
      assert.equal(res.status, 204);
      assert.deepEqual(inbox.drain(), [
        { type: 'suspend_account', accountId: 'u7' },
        { type: 'hide_from_minors', accountId: 'u8' },
      ]);
      assert.equal(inbox.refused, 0);
    } finally {
      await inbox.close();
    }
  });

  it('refuses in process what it refuses over HTTP: a wrong signature, an unsigned or malformed action', async () => {
    const inbox = await startWebhookInbox({ secret: 's3cret' });
    try {
      const body = JSON.stringify({ id: 'act1', type: 'suspend_account', subject: { accountId: 'u7' } });
      assert.equal(inbox.receive(headersFor('wrong', body, 'act1'), body), 401);
      assert.equal(inbox.receive({ 'warden-delivery': 'act1' }, body), 401);
      const tampered = body.replace('u7', 'u9');
      assert.equal(inbox.receive(headersFor('s3cret', body, 'act1'), tampered), 401);
      const notAction = JSON.stringify({ hello: 1 });
      assert.equal(inbox.receive(headersFor('s3cret', notAction, 'act3'), notAction), 400);
      assert.equal(inbox.refused, 4);
      assert.deepEqual(inbox.drain(), []);
    } finally {
      await inbox.close();
    }
  });
});
