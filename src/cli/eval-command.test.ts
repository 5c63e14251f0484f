import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('./main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'warden-eval-cli-'));
const warden = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });

let n = 0;
const ev = (ts: string, body: object) => JSON.stringify({ id: `e${++n}`, ts, ...body });
const msg = (ts: string, conv: string, from: string, to: string, text: string) =>
  ev(ts, { type: 'message.sent', message: { id: `m${n + 1}`, conversationId: conv, from, to: [to], text } });

// Synthetic and non-graphic: a stranger's sextortion script and a parent's pick-up.
const events = [
  ev('2026-01-01T00:00:00Z', { type: 'account.upserted', account: { id: 'adult1', ageBand: 'adult' } }),
  ev('2026-01-01T00:00:01Z', { type: 'account.upserted', account: { id: 'parent1', ageBand: 'adult' } }),
  ev('2026-01-01T00:00:02Z', { type: 'account.upserted', account: { id: 'kid1', ageBand: '13-15' } }),
  ev('2026-01-01T00:00:03Z', { type: 'connection.created', from: 'kid1', to: 'parent1', kind: 'family' }),
  msg('2026-02-01T10:00:00Z', 'scam', 'adult1', 'kid1', 'hey'),
  msg('2026-02-01T10:01:00Z', 'scam', 'adult1', 'kid1', 'i have your photos and i will send them to your family and school'),
  msg('2026-02-01T10:02:00Z', 'scam', 'adult1', 'kid1', 'pay me $100 in gift cards or i post everything. you have 1 hour'),
  msg('2026-02-01T11:00:00Z', 'home', 'parent1', 'kid1', 'practice ends at 5, i will be at the front door'),
  msg('2026-02-01T11:01:00Z', 'home', 'kid1', 'parent1', 'ok thanks'),
];
const labels = [
  JSON.stringify({ conversationId: 'scam', label: 'sextortion', family: 'financial_sextortion', language: 'en', firstActionableIndex: 1 }),
  JSON.stringify({ conversationId: 'home', label: 'benign', family: 'parent', language: 'en', firstActionableIndex: null }),
];

describe('warden eval', () => {
  it('replays labelled conversations and prints the scores as a table and as JSON', () => {
    writeFileSync(join(dir, 'events.jsonl'), events.join('\n') + '\n');
    writeFileSync(join(dir, 'labels.jsonl'), labels.join('\n') + '\n');
    const table = warden('eval', join(dir, 'events.jsonl'), join(dir, 'labels.jsonl'));
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /2 conversations scored/);
    assert.match(table.stdout, /precision 1\.000 {2}recall 1\.000 {2}F0\.5 1\.000/);
    assert.match(table.stdout, /financial_sextortion +sextortion +1 +recall 1\.000/);
    const json = warden('eval', join(dir, 'events.jsonl'), join(dir, 'labels.jsonl'), '--json');
    assert.equal(json.status, 0, json.stderr);
    const r = JSON.parse(json.stdout) as { tp: number; fp: number; delay: { median: number }; confusion: unknown[] };
    assert.equal(r.tp, 1);
    assert.equal(r.fp, 0);
    assert.ok(r.delay.median >= 0 && r.delay.median <= 1, `delay ${r.delay.median}`);
    assert.deepEqual(r.confusion, []);
  });

  it('reports bad labelled input by line and field, scores the rest and exits 1', () => {
    writeFileSync(join(dir, 'events.jsonl'), events.join('\n') + '\n');
    writeFileSync(
      join(dir, 'bad-labels.jsonl'),
      [labels[0], '{"conversationId":"home","label":"harmless"}', '[1,2]', labels[1]].join('\n') + '\n',
    );
    const r = warden('eval', join(dir, 'events.jsonl'), join(dir, 'bad-labels.jsonl'));
    assert.equal(r.status, 1);
    assert.match(r.stderr, /bad-labels\.jsonl:2: label: .*\(skipped\)/);
    assert.match(r.stderr, /bad-labels\.jsonl:3: \(line\): /);
    assert.match(r.stdout, /2 conversations scored/);
    const none = warden('eval', join(dir, 'events.jsonl'), join(dir, 'absent.jsonl'));
    assert.equal(none.status, 1);
    assert.match(none.stderr, /<labels>: no such readable file/);
  });
});
