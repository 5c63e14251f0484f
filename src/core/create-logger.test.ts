import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { createLogger } from './create-logger.js';

describe('logger', () => {
  it('redacts message text, queries, URLs, paths and credentials', () => {
    let out = '';
    const sink = new Writable({
      write(chunk, _enc, cb) {
        out += String(chunk);
        cb();
      },
    });
    const log = createLogger('info', sink);
    log.info(
      {
        message: { id: 'm1', text: 'a private sentence' },
        event: { query: 'a private search', url: 'https://cdn.example/x.jpg', path: '/media/x.jpg' },
        req: { headers: { authorization: 'Bearer wdn_secret', 'x-api-key': 'wdn_other' } },
        creds: { password: 'hunter2', apiKey: 'k' },
      },
      'test',
    );
    for (const secret of ['a private sentence', 'a private search', 'cdn.example', '/media/x.jpg', 'wdn_secret', 'wdn_other', 'hunter2']) {
      assert.ok(!out.includes(secret), `leaked ${secret}`);
    }
    assert.ok(out.includes('"id":"m1"'), 'ids are kept');
  });
});
