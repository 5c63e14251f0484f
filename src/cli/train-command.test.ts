import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('./main.js', import.meta.url));

// Synthetic and non-graphic: a stranger's secrecy and app move, a coach's schedule.
const row = (i: number) =>
  JSON.stringify({
    id: `t${i}`,
    label: i % 2 ? 'grooming' : 'benign',
    context: { unconnected: i % 2 === 1, recipientBand: '13-15' },
    messages:
      i % 2
        ? [
            { from: 'adult', text: 'hey how old are you?', risky: true },
            { from: 'minor', text: '13' },
            { from: 'adult', text: "keep this between us, don't tell your parents", risky: true },
            { from: 'adult', text: 'add me on snapchat', risky: true },
          ]
        : [
            { from: 'adult', text: 'practice moved to 5pm, bring water' },
            { from: 'minor', text: 'ok coach' },
          ],
  });

describe('warden train', () => {
  it('reports bad labelled lines by number and field, trains on the rest and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-train-cli-'));
    const lines = Array.from({ length: 60 }, (_, i) => row(i));
    lines.splice(1, 0, '{oops');
    lines.splice(2, 0, JSON.stringify({ ...JSON.parse(row(100)), label: 'scary' }));
    lines.splice(3, 0, JSON.stringify({ ...JSON.parse(row(101)), messages: [{ from: 'stranger', text: 'hi' }] }));
    writeFileSync(join(dir, 'd.jsonl'), lines.join('\n') + '\n');
    const r = spawnSync(process.execPath, [CLI, 'train', join(dir, 'd.jsonl'), '--out', join(dir, 'm.json')], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /d\.jsonl:2: \(line\): not JSON/);
    assert.match(r.stderr, /d\.jsonl:3: label: .*\(skipped\)/);
    assert.match(r.stderr, /d\.jsonl:4: messages\.0\.from: .*\(skipped\)/);
    assert.match(r.stdout, /trained on 60 conversations/);
    assert.ok(existsSync(join(dir, 'm.json')));
  });
});
