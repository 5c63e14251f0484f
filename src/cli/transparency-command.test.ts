import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { adult, at, minor, nextId } from '../testing/events.js';
import { bearer, createTestApp } from '../testing/test-app.js';
import { validateStatement } from '../transparency/dsa-fields.js';

const CLI = fileURLToPath(new URL('./main.js', import.meta.url));
const warden = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
const say = (from: string, to: string, text: string, minute: number) => ({
  id: nextId(),
  type: 'message.sent',
  ts: at(minute),
  message: { id: nextId(), conversationId: `c_${from}_${to}`, from, to: [to], text },
});

describe('warden transparency', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warden-transparency-'));
  const db = join(dir, 'w.db');
  let stored: Record<string, number> = {};
  const period = ['--from', '2026-01-01', '--to', '2027-01-01'];

  before(async () => {
    const t = await createTestApp(db);
    try {
      const r = await t.app.inject({
        method: 'POST',
        url: '/v1/events',
        headers: { ...bearer(t.keys.ingest), 'content-type': 'application/json' },
        payload: JSON.stringify([
          adult('cl_a'),
          minor('cl_k'),
          say('cl_a', 'cl_k', 'i have your pics', 10),
          say('cl_a', 'cl_k', 'pay me $100 in a gift card, you have 30 minutes', 11),
        ]),
      });
      assert.ok(r.json().alerts >= 1, r.body);
      while ((await t.services.runner.runOnce()) > 0);
      const rows = await t.store.db
        .selectFrom('alerts')
        .select(['category', (eb) => eb.fn.countAll().as('n')])
        .groupBy('category')
        .execute();
      stored = Object.fromEntries(rows.map((x) => [x.category, Number(x.n)]));
    } finally {
      await t.close();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the report as JSON, with the counts the store holds', () => {
    const r = warden('transparency', '--db', db, ...period);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { alertsByCategory: Record<string, number>; accounts: { restricted: number } };
    assert.deepEqual(report.alertsByCategory, stored);
    assert.equal(report.accounts.restricted, 1);
  });

  it('writes CSV and a standalone HTML file', () => {
    const csv = warden('transparency', '--db', db, ...period, '--format', 'csv');
    assert.equal(csv.status, 0, csv.stderr);
    assert.match(csv.stdout, /^section,key,value\r\n/);
    assert.match(csv.stdout, /alertsByCategory,sextortion,\d+\r\n/);
    const out = join(dir, 'report.html');
    const html = warden('transparency', '--db', db, ...period, '--format', 'html', '--out', out);
    assert.equal(html.status, 0, html.stderr);
    const page = readFileSync(out, 'utf8');
    assert.ok(page.startsWith('<!doctype html>') && page.includes('Chart.js v4') && !page.includes('https://cdn'));
  });

  it('exports DSA statements of reasons as JSON lines that validate', () => {
    const r = warden('transparency', '--db', db, ...period, '--statements');
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.ok(lines.length >= 1);
    for (const l of lines) assert.deepEqual(validateStatement(JSON.parse(l) as Record<string, unknown>), []);
    assert.ok(!r.stdout.includes('cl_a') && !r.stdout.includes('cl_k'));
  });

  it('names the bad option', () => {
    const r = warden('transparency', '--db', db, '--from', '2026-01-01', '--to', 'soon');
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /--to/);
    const f = warden('transparency', '--db', db, ...period, '--format', 'pdf');
    assert.notEqual(f.status, 0);
    assert.match(f.stderr, /--format/);
  });
});
