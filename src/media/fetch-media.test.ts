import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { testConfig } from '../testing/events.js';
import { fetchAllowed, hashMediaFiles } from './hash-media-files.js';
import { createLogger } from '../core/create-logger.js';
import { createPdqHasher } from './pdq-hasher.js';

const ROOT = new URL('../../testdata/pdq-reference/', import.meta.url).pathname;
const IMAGE = readFileSync(ROOT + 'pdq/data/reg-test-input/labelme-subset/q0122.jpg');

describe('fetching media from allowed hosts', () => {
  let server: Server;
  let host: string;
  before(async () => {
    server = createServer((req, res) => {
      if (req.url === '/img.jpg') return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(IMAGE);
      if (req.url === '/redirect') return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
      if (req.url === '/big') {
        res.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024);
        let sent = 0;
        const pump = () => {
          while (sent < 4 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        return void pump();
      }
      if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('late'), 2000);
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  const media = (extra: Record<string, unknown> = {}) =>
    testConfig({ media: { allowedHosts: [host], allowHttp: true, maxFileBytes: 1024 * 1024, fetchTimeoutMs: 500, ...extra } }).media;

  it('fetches an image from an allowed host', async () => {
    const r = await fetchAllowed(`http://${host}/img.jpg`, media());
    assert.ok(Buffer.isBuffer(r));
    assert.equal(r.length, IMAGE.length);
  });

  it('refuses hosts not on the list, http unless allowed, credentials in the URL, and malformed URLs', async () => {
    assert.deepEqual(await fetchAllowed('http://127.0.0.2/img.jpg', media()), { code: 'host_not_allowed' });
    assert.deepEqual(await fetchAllowed(`http://${host}/img.jpg`, media({ allowHttp: false })), { code: 'scheme_not_allowed' });
    assert.deepEqual(await fetchAllowed(`file:///etc/passwd`, media()), { code: 'scheme_not_allowed' });
    assert.deepEqual(await fetchAllowed(`http://user:pw@${host}/img.jpg`, media()), { code: 'credentials_in_url' });
    assert.deepEqual(await fetchAllowed('not a url', media()), { code: 'bad_url' });
  });

  it("hashes an event's media from its URL before detection, and skips what it may not fetch", async () => {
    const item = {
      event: {
        id: 'e1',
        type: 'message.sent',
        message: {
          media: [
            { id: 'ok', kind: 'image' as const, url: `http://${host}/img.jpg` },
            { id: 'denied', kind: 'image' as const, url: 'http://127.0.0.2/x.jpg' },
          ],
        },
      },
    } as Parameters<typeof hashMediaFiles>[0][number];
    await hashMediaFiles([item], media(), createLogger('silent'));
    const expected = await createPdqHasher({ maxPixels: 1e8 }).hash(IMAGE);
    assert.ok(expected.ok);
    assert.equal(item.mediaHashes?.ok?.pdq, expected.value.hex);
    assert.match(item.mediaHashes?.ok?.sha256 ?? '', /^[0-9a-f]{64}$/);
    assert.equal(item.mediaHashes?.denied, undefined);
  });

  it('does not follow redirects, stops at the size limit and gives up after the timeout', async () => {
    assert.deepEqual(await fetchAllowed(`http://${host}/redirect`, media()), { code: 'http_302' });
    assert.deepEqual(await fetchAllowed(`http://${host}/big`, media()), { code: 'too_large' });
    assert.deepEqual(await fetchAllowed(`http://${host}/slow`, media()), { code: 'timeout' });
    assert.deepEqual(await fetchAllowed(`http://${host}/missing`, media()), { code: 'http_404' });
  });
});
