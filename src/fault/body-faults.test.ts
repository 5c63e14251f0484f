/*
 * Fault and abuse suite (issue 15 item 6): 200 MB bodies from keys whose role may not call the
 * route, sent to a real server listening on 127.0.0.1 in a child process. Before, the server
 * read each body whole before the role check (110 MB to 2.0 GB); now it refuses after the
 * headers, and its peak resident memory (VmHWM) grows by under 50 MB over its own peak at
 * rest. Bounded: the client stops sending as soon as the answer comes.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const MB = 1024 * 1024;
const here = (p: string) => new URL(p, import.meta.url).href;

/** The server's child: a store in a temporary file, one key per low role, the URL on stdout. */
const CHILD = `
import { startServer } from ${JSON.stringify(here('../server/start-server.js'))};
import { createApiKey } from ${JSON.stringify(here('../server/api-key-store.js'))};
import { silentLogger, testConfig } from ${JSON.stringify(here('../testing/events.js'))};
const config = testConfig({ store: { url: process.env.DB }, server: { host: '127.0.0.1', port: 0 } });
const s = await startServer(config, silentLogger());
const keys = {};
for (const role of ['ingest', 'decide', 'reviewer', 'admin']) keys[role] = (await createApiKey(s.store.db, role, role)).key;
console.log(JSON.stringify({ url: s.url, keys }));
process.on('SIGTERM', () => s.close().then(() => process.exit(0)));
`;

/** Peak and current resident memory of a process, in bytes (Linux /proc). */
function memoryOf(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { peak: kb('VmHWM'), now: kb('VmRSS') };
}

/**
 * Sends headers declaring `size` bytes, then the body a megabyte at a time (one reused
 * buffer), until the server answers or closes: the status, and how much was sent.
 */
function upload(
  url: string,
  path: string,
  key: string,
  contentType: string,
  size: number,
  chunk = Buffer.alloc(MB, 0x61),
): Promise<{ status: number; sent: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const sock = connect(Number(port), hostname);
    let sent = 0;
    let answer = '';
    let done = false;
    const finish = () => {
      if (done) return;
      const m = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (!m) return;
      done = true;
      sock.destroy();
      resolve({ status: Number(m[1]), sent });
    };
    sock.on('data', (d) => {
      answer += d.toString('latin1');
      finish();
    });
    sock.on('error', () => finish());
    sock.on('close', () => {
      finish();
      if (!done) reject(new Error(`no answer after ${sent} bytes`));
    });
    sock.on('connect', () => {
      sock.write(
        `POST ${path} HTTP/1.1\r\nhost: ${hostname}\r\nauthorization: Bearer ${key}\r\ncontent-type: ${contentType}\r\ncontent-length: ${size}\r\n\r\n`,
      );
      const pump = () => {
        while (!done && sent < size) {
          const n = Math.min(MB, size - sent);
          sent += n;
          if (!sock.write(n === MB ? chunk : chunk.subarray(0, n))) return void sock.once('drain', pump);
        }
      };
      pump();
    });
  });
}

describe(
  'large bodies from low roles (issue 15 item 6)',
  { skip: !existsSync('/proc/self/status') && "needs Linux /proc to read the server's memory" },
  () => {
    let child: ChildProcess;
    let server: { url: string; keys: Record<string, string> };
    before(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'warden-bodies-'));
      // A file, not --eval: the store's worker thread inherits the parent's exec arguments.
      const script = join(dir, 'server.mjs');
      writeFileSync(script, CHILD);
      child = spawn(process.execPath, [script], { env: { ...process.env, DB: join(dir, 'w.db') }, stdio: ['ignore', 'pipe', 'inherit'] });
      server = await new Promise((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (d) => {
          out += d;
          const line = out.split('\n').find((l) => l.startsWith('{'));
          if (line) resolve(JSON.parse(line));
        });
        child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
      });
    });
    after(() => {
      child.kill('SIGTERM');
    });

    it('refuses five 200 MB uploads from ingest and reviewer keys before reading them; server memory grows by under 50 MB', async (t) => {
      // Growth over the server's own peak at rest, not one absolute figure (the issue's "under
      // 300 MB"): the server at rest holds the conversation lexicons and their prefilters,
      // 255-290 MB by 2026-12-07, and CI read a peak of 324 MB on a loaded host with every body
      // refused. A body read whole would add its 200 MB.
      const rest = memoryOf(child.pid!);
      const attempts: [string, string, string][] = [
        ['/v1/banks/x/import', 'ingest', 'application/json'],
        ['/v1/banks/x/import', 'reviewer', 'text/csv'],
        ['/v1/banks/x/entries', 'ingest', 'application/json'],
        ['/v1/banks', 'decide', 'application/json'],
        ['/v1/banks/x/import', 'decide', 'application/octet-stream'],
      ];
      for (const [path, role, type] of attempts) {
        const r = await upload(server.url, path, server.keys[role]!, type, 200 * MB);
        assert.equal(r.status, 403, `${role} POST ${path}`);
        assert.ok(r.sent < 200 * MB, `the server answered before the whole body (${r.sent} bytes sent)`);
      }
      const mem = memoryOf(child.pid!);
      t.diagnostic(
        `server peak RSS ${Math.round(rest.peak / MB)} MB at rest, ${Math.round(mem.peak / MB)} MB after, now ${Math.round(mem.now / MB)} MB`,
      );
      assert.ok(mem.peak - rest.peak < 50 * MB, `peak RSS ${Math.round(rest.peak / MB)} MB → ${Math.round(mem.peak / MB)} MB`);
      // Still serving.
      const health = await fetch(`${server.url}/healthz`);
      assert.equal(health.status, 200);
    });

    it('streams a 200 MB hash list from an admin without holding it: memory grows by under 100 MB', async (t) => {
      // Measured as growth over the server's own peak so far, as in the test above. Holding the
      // list would add at least its 200 MB.
      const before = memoryOf(child.pid!);
      const created = await fetch(`${server.url}/v1/banks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.keys.admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'big' }),
      });
      assert.equal(created.status, 201);
      // HMA comment lines, 64 bytes each: read, parsed and skipped line by line, nothing stored.
      const line = `#${'c'.repeat(62)}\n`;
      const r = await upload(
        server.url,
        '/v1/banks/big/import',
        server.keys.admin!,
        'text/plain',
        200 * MB,
        Buffer.from(line.repeat(MB / line.length)),
      );
      assert.equal(r.status, 200);
      assert.equal(r.sent, 200 * MB, 'the whole list was read before the answer');
      const mem = memoryOf(child.pid!);
      t.diagnostic(`server peak RSS ${Math.round(before.peak / MB)} MB before the streamed import, ${Math.round(mem.peak / MB)} MB after`);
      assert.ok(mem.peak - before.peak < 100 * MB, `peak RSS ${Math.round(before.peak / MB)} MB → ${Math.round(mem.peak / MB)} MB`);
    });
  },
);
