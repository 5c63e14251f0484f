import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { adult, at, message, minor, silentLogger, testConfig } from '../testing/events.js';
import { createStore } from '../store/store.js';
import { createApiKey } from './api-key-store.js';
import { startServer } from './start-server.js';

const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'warden-server-'));

const postEvents = (url: string, key: string, events: object[]) =>
  fetch(`${url}/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(events),
  });

describe('warden serve', () => {
  it('restarts on the same database and loses nothing, replays nothing twice', async () => {
    const config = testConfig({ store: { url: join(dir, 'restart.db') }, server: { port: 0 } });
    const first = await startServer(config, silentLogger());
    const { key } = await createApiKey(first.store.db, 'test', 'admin');
    const events = [adult('sa'), minor('sk'), message('sa', 'sk', at(5))];
    const r1 = (await (await postEvents(first.url, key, events)).json()) as { accepted: number; alerts: number };
    assert.deepEqual([r1.accepted, r1.alerts], [3, 1]);
    await first.close();

    const second = await startServer(config, silentLogger());
    try {
      const again = (await (await postEvents(second.url, key, events)).json()) as { accepted: number; duplicates: number; alerts: number };
      assert.deepEqual([again.accepted, again.duplicates, again.alerts], [0, 3, 0]);
      const decision = await fetch(`${second.url}/v1/decisions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'message', actor: 'sa', target: 'sk' }),
      });
      assert.equal(((await decision.json()) as { decision: string }).decision, 'block', 'facts came back');
      const alerts = (await (await fetch(`${second.url}/v1/alerts`, { headers: { authorization: `Bearer ${key}` } })).json()) as {
        alerts: unknown[];
      };
      assert.equal(alerts.alerts.length, 1);
    } finally {
      await second.close();
    }
  });

  it('finishes in-flight batches before it stops', async () => {
    const path = join(dir, 'inflight.db');
    const config = testConfig({ store: { url: path }, server: { port: 0 } });
    const real = await createStore(path);
    let writes = 0;
    const slow = {
      ...real,
      write: async (ws: Parameters<typeof real.write>[0]) => {
        writes++;
        await new Promise((r) => setTimeout(r, 300));
        return real.write(ws);
      },
    };
    const server = await startServer(config, silentLogger(), { store: slow });
    const { key } = await createApiKey(real.db, 'test', 'ingest');
    const batch = Array.from({ length: 500 }, (_, i) => adult(`inflight_${i}`));
    // Start-up writes (the configuration's audit entry) come first; wait for the batch's own.
    const before = writes;
    const pending = postEvents(server.url, key, batch);
    while (writes === before) await new Promise((r) => setTimeout(r, 5));
    const closing = server.close();
    const res = await pending;
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { accepted: number }).accepted, 500);
    await closing;
    const reopened = await createStore(path);
    const n = await reopened.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await reopened.close();
    assert.equal(Number(n.n), 500);
  });

  it('stops cleanly on SIGTERM as a process', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--db', join(dir, 'signal.db'), '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    const listening = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: string) => {
        out += d;
        const m = /"address":"([^"]+)"/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', () => reject(new Error(`exited early: ${out}`)));
    });
    const url = await listening;
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.match(out, /"msg":"warden stopped"/);
  });
});
