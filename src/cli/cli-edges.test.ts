import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BUILTIN_MODEL_PATH } from '../conversations/model/risk-model.js';

const CLI = fileURLToPath(new URL('./main.js', import.meta.url));
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });

describe('CLI edges (issue 15, item 11)', () => {
  it('says the database cannot be reached, not that a migration failed', () => {
    const r = run(['keys', 'list', '--db', 'postgres://postgres@127.0.0.1:1/nowhere']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /cannot reach the database: .*ECONNREFUSED 127\.0\.0\.1:1/);
    assert.doesNotMatch(r.stderr, /migration/);
  });

  it('reports a port in use at once, before loading state, in one line', async () => {
    const holder = createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', () => r()));
    const port = (holder.address() as { port: number }).port;
    try {
      const dir = mkdtempSync(join(tmpdir(), 'warden-port-'));
      const r = run(['serve', '--port', String(port), '--db', join(dir, 'w.db')]);
      assert.equal(r.status, 1);
      assert.match(r.stderr, new RegExp(`127\\.0\\.0\\.1:${port} is already in use`));
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      assert.doesNotMatch(r.stderr, /state loaded/);
    } finally {
      holder.close();
    }
  });

  it('does not claim replay has a default database', () => {
    const r = run(['replay', '--help']);
    assert.equal(r.status, 0);
    assert.doesNotMatch(r.stdout, /warden\.db/);
    assert.match(r.stdout, /in-memory store thrown away/);
  });

  it('refuses to overwrite the shipped model unless forced', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-train-'));
    const data = join(dir, 'd.jsonl');
    writeFileSync(data, '');
    const before = readFileSync(BUILTIN_MODEL_PATH, 'utf8');
    const r = run(['train', data, '--out', BUILTIN_MODEL_PATH]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /is the model shipped with Warden/);
    assert.equal(readFileSync(BUILTIN_MODEL_PATH, 'utf8'), before);
    const help = run(['train', '--help']);
    assert.match(help.stdout, /default:\s+"conversation-risk\.json"/);
  });

  it('stops the demo on Ctrl-C while the NCMEC simulator runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-demo-sigint-'));
    // A stand-in schema (NCMEC's is never in the repository): enough for the simulator to start and listen.
    const xsd = join(dir, 'stand-in.xsd');
    writeFileSync(
      xsd,
      '<?xml version="1.0"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="report" type="xs:string"/></xs:schema>',
    );
    const child = spawn(process.execPath, [CLI, 'demo', '--port', '0'], {
      env: { ...process.env, WARDEN_NCMEC_XSD: xsd },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = once(child, 'exit');
    for (let i = 0; i < 600 && !out.includes('Ctrl-C stops the demo.'); i++) await new Promise((r) => setTimeout(r, 100));
    assert.match(out, /Ctrl-C stops the demo\./, out);
    assert.match(out, /CyberTipline \(local simulator/, 'the simulator ran');
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const [code, signal] = (await exited) as [number | null, string | null];
    clearTimeout(timer);
    assert.equal(signal, null, 'exited by itself, not killed after the 20 s wait');
    assert.equal(code, 0);
  });
});
