import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AppError } from '../core/app-error.js';
import { ConfigSchema } from './config-schema.js';
import { ENV_VARS, loadConfig } from './load-config.js';

const dir = mkdtempSync(join(tmpdir(), 'warden-config-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('configuration', () => {
  it('has a default for everything', () => {
    const c = loadConfig({ env: {} });
    assert.equal(c.store.url, './warden.db');
    assert.equal(c.server.port, 8080);
    assert.equal(c.gate.unconnectedContact['16-17'], 'warn');
    assert.equal(c.behaviour.suspiciousAdult.fanOutMinors, 5);
  });

  it('layers file, then environment, then flags', () => {
    const file = write('a.yaml', 'server:\n  port: 9000\n  host: 0.0.0.0\nbehaviour:\n  suspiciousAdult:\n    minorComplaints: 3\n');
    const c = loadConfig({
      file,
      env: { WARDEN_PORT: '9100', WARDEN_DB: 'postgres://x@localhost/w' },
      overrides: { server: { host: '::1' } },
    });
    assert.equal(c.server.port, 9100);
    assert.equal(c.server.host, '::1');
    assert.equal(c.store.url, 'postgres://x@localhost/w');
    assert.equal(c.behaviour.suspiciousAdult.minorComplaints, 3);
    const json = write('b.json', JSON.stringify({ gate: { unconnectedContact: { '16-17': 'block' } } }));
    assert.equal(loadConfig({ file: json, env: {} }).gate.unconnectedContact['16-17'], 'block');
    assert.equal(loadConfig({ env: { WARDEN_CONFIG: json } }).gate.unconnectedContact['16-17'], 'block');
  });

  it('names every bad field', () => {
    const file = write('bad.yaml', 'server:\n  port: -1\ngate:\n  unconnectedContact:\n    13-15: maybe\nstore:\n  colour: blue\n');
    try {
      loadConfig({ file, env: {} });
      assert.fail('expected an error');
    } catch (e) {
      assert.ok(e instanceof AppError && e.code === 'config_invalid');
      assert.deepEqual(e.issues.map((i) => i.field).sort(), ['gate.unconnectedContact.13-15', 'server.port', 'store.colour']);
    }
    assert.throws(() => loadConfig({ env: { WARDEN_PORT: 'eighty' } }), /server.port/);
    assert.throws(() => loadConfig({ file: write('broken.json', '{'), env: {} }), /not valid JSON/);
    assert.throws(() => loadConfig({ file: join(dir, 'absent.yaml'), env: {} }), /cannot read config file/);
  });

  it('documents every setting and environment variable in docs/configuration.md', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../docs/configuration.md', import.meta.url)), 'utf8');
    const paths: string[] = [];
    const walk = (value: unknown, prefix: string) => {
      if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
      else paths.push(prefix);
    };
    walk(ConfigSchema.parse({}), '');
    for (const p of paths) assert.ok(doc.includes(`\`${p}\``), `docs/configuration.md lacks ${p}`);
    for (const v of Object.keys(ENV_VARS)) assert.ok(doc.includes(v), `docs/configuration.md lacks ${v}`);
  });
});
