import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('./main.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'warden-rules-'));
const warden = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, cwd: dir });

describe('warden rules', () => {
  it('backtests a policy over replayed events and counts what each rule would do', () => {
    const r = warden(
      'rules',
      'test',
      join(ROOT, 'policies/default.yaml'),
      '--events',
      join(ROOT, 'examples/demo-scenario.jsonl'),
      '--json',
    );
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as {
      alerts: number;
      rules: { id: string; mode: string; alerts: number }[];
      cases: { opened: number };
      actions: { shadow: Record<string, number> };
    };
    assert.ok(report.alerts > 0);
    const shadow = report.rules.find((x) => x.id === 'unwanted-contact-review')!;
    assert.equal(shadow.mode, 'shadow');
    assert.equal(report.actions.shadow.require_review, shadow.alerts);
    assert.ok(report.cases.opened >= 1);
  });

  it('shows the effect of switching a shadow rule live', () => {
    const live = join(dir, 'live.yaml');
    writeFileSync(
      live,
      'version: 1\nrules:\n  - id: review-all-contact\n    when: { on: alert, categories: [unwanted_contact] }\n    then: [{ type: require_review, priority: 3 }]\n',
    );
    const r = warden('rules', 'test', live, '--events', join(ROOT, 'examples/demo-scenario.jsonl'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /review-all-contact\s+live\s+\d+\s+require_review \d+/);
    assert.match(r.stdout, /cases that would open: [1-9]/);
  });

  it('names every bad field of an invalid policy and exits 1', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'version: 1\nrules:\n  - id: Bad!\n    when: { on: alert, categories: [x] }\n    then: []\n');
    const r = warden('rules', 'validate', bad);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /rules\[0\]\.id/);
    assert.match(r.stderr, /rules\[0\]\.when\.categories\[0\]/);
    assert.match(r.stderr, /rules\[0\]\.then/);
    assert.equal(warden('rules', 'test', bad, '--events', 'x.jsonl').status, 1);
  });
});
