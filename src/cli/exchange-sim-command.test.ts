import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { ExchangeError, type ExchangeCheckpoint } from '../exchanges/exchange.js';
import { createNcmecExchange } from '../exchanges/ncmec/ncmec-exchange.js';

const CLI = new URL('./main.js', import.meta.url).pathname;

/** `warden exchange-sim` as a process: seeded entries, failures injected over HTTP, a broken fetch resumed. */
describe('warden exchange-sim --kind ncmec', () => {
  let child: ChildProcess;
  let base: string;
  before(async () => {
    child = spawn(process.execPath, [CLI, 'exchange-sim', '--kind', 'ncmec', '--port', '0', '--page-size', '2', '--seed', '5'], {
      env: { ...process.env, WARDEN_EXCHANGE_SIM_SECRET: 'cli-secret' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    base = await new Promise<string>((resolve, reject) => {
      let err = '';
      child.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /listening on (http:\/\/\S+)/.exec(err);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exchange-sim exited ${code}: ${err}`)));
    });
  });
  after(() => {
    child.kill('SIGTERM');
  });

  it('serves its seeded entries in pages, fails on demand, and the fetch resumes from its checkpoint', async () => {
    const ex = createNcmecExchange({ name: 'cli', baseUrl: base, username: 'esp', password: 'cli-secret', timeoutMs: 5000 });
    try {
      const failed = await request(`${base}/_sim/failures`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ route: 'list', mode: 'http500', after: 1 }),
      });
      assert.equal(failed.statusCode, 200);
      await failed.body.dump();
      const seen: string[] = [];
      let cp: ExchangeCheckpoint | undefined;
      await assert.rejects(
        (async () => {
          for await (const b of ex.fetch(undefined, { nowMs: Date.now() })) {
            seen.push(...b.entries.map((e) => e.id));
            cp = b.checkpoint;
          }
        })(),
        (e) => e instanceof ExchangeError && e.code === 'http_500',
      );
      assert.equal(seen.length, 2);
      for await (const b of ex.fetch(cp, { nowMs: Date.now() })) seen.push(...b.entries.map((e) => e.id));
      assert.deepEqual(seen.sort(), ['1/seed-0', '1/seed-1', '1/seed-2', '1/seed-3', '1/seed-4']);
      const wrong = createNcmecExchange({ name: 'cli', baseUrl: base, username: 'esp', password: 'wrong', timeoutMs: 5000 });
      await assert.rejects(
        wrong.fetch(undefined, { nowMs: Date.now() })[Symbol.asyncIterator]().next(),
        (e) => e instanceof ExchangeError && !e.retryable,
      );
      await wrong.close();
    } finally {
      await ex.close();
    }
  });
});
