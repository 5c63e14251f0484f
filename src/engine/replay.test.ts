import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AlertSchema } from '../alerts/alert-schema.js';
import { adult, at, message, minor, silentLogger, testConfig } from '../testing/events.js';
import { createStore } from '../store/store.js';
import { replay } from './replay.js';

const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'warden-replay-test-'));

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

const lines = (events: object[]) => events.map((e) => JSON.stringify(e)).join('\n') + '\n';

describe('warden replay', () => {
  it('reports each bad line with its number and reason, skips it, and goes on', async () => {
    const good = [adult('ra'), minor('rk'), message('ra', 'rk', at(5))];
    const content = Buffer.concat([
      Buffer.from(JSON.stringify(good[0]) + '\n'),
      Buffer.from('{"id": "broken", "type": \n'), // line 2: truncated JSON
      Buffer.from(JSON.stringify({ id: 'x', type: 'account.upserted', ts: at(0), account: { id: 'q', age: 3 } }) + '\r\n'), // line 3
      Buffer.from('\n'), // line 4: blank, ignored
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]), // line 5: invalid UTF-8
      Buffer.from(JSON.stringify(good[1]) + '\r\n'), // line 6, CRLF
      Buffer.from(JSON.stringify(good[2])), // line 7, no final newline
    ]);
    const input = file('mixed.jsonl', content);
    const out = join(dir, 'mixed-alerts.jsonl');
    const reported: string[] = [];
    const summary = await replay({ input, alertsOut: out, config: testConfig(), logger: silentLogger(), report: (l) => reported.push(l) });
    assert.equal(reported.length, 3);
    assert.match(reported[0]!, /^line 2: not valid JSON/);
    assert.equal(reported[1], 'line 3: account.age: is not a field of this event type');
    const line5 = content.indexOf(Buffer.from([0x7b, 0xff]));
    assert.equal(reported[2], `line 5: is not valid UTF-8 at byte 1 of the line (byte ${line5 + 1} of the file, 0xff)`);
    assert.deepEqual(
      { ...summary, seconds: 0 },
      { lines: 7, accepted: 3, duplicates: 0, conflicts: 0, rejected: 3, alerts: 1, seconds: 0 },
    );
    const alerts = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => AlertSchema.parse(JSON.parse(l)));
    assert.equal(alerts.length, 1);
    assert.equal(alerts[0]!.category, 'unwanted_contact');
    assert.equal(alerts[0]!.triggerEventId, good[2]!.id);
  });

  it('reports a line longer than any valid event without holding it in memory', async () => {
    const input = file('long.jsonl', lines([adult('la')]) + 'x'.repeat(300 * 1024) + '\n' + lines([minor('lk')]));
    const reported: string[] = [];
    const summary = await replay({
      input,
      alertsOut: join(dir, 'long-out.jsonl'),
      config: testConfig(),
      logger: silentLogger(),
      report: (l) => reported.push(l),
    });
    assert.deepEqual(reported, ['line 2: is longer than 262144 bytes']);
    assert.equal(summary.accepted, 2);
  });

  it('writes into a database given with --db, and a second replay of the same file repeats nothing', async () => {
    const db = join(dir, 'persist.db');
    const input = file('persist.jsonl', lines([adult('pa'), minor('pk'), message('pa', 'pk', at(5))]));
    const run = () =>
      replay({
        input,
        alertsOut: join(dir, 'persist-out.jsonl'),
        db,
        config: testConfig(),
        logger: silentLogger(),
        report: () => undefined,
      });
    const first = await run();
    assert.deepEqual([first.accepted, first.alerts], [3, 1]);
    const second = await run();
    assert.deepEqual([second.accepted, second.duplicates, second.alerts], [0, 3, 0]);
    const store = await createStore(db);
    const n = await store.db
      .selectFrom('alerts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await store.close();
    assert.equal(Number(n.n), 1);
  });

  it('runs as the `warden replay` command: alerts file, errors on stderr, exit code 0 (or 1 with --strict)', () => {
    const input = file('cli.jsonl', lines([adult('ca'), minor('ck')]) + 'not json\n' + lines([message('ca', 'ck', at(5))]));
    const out = join(dir, 'cli-alerts.jsonl');
    const r = spawnSync(process.execPath, [CLI, 'replay', input, '--alerts', out], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /^line 3: not valid JSON/m);
    // Off a terminal: the bad line, then one summary line with the rate, and no progress bar.
    assert.match(
      r.stderr,
      /^replayed 4 lines in [\d.]+ s \([\d.]+ lines\/s\): 3 accepted, 0 duplicates, 0 conflicts, 1 rejected; 1 alerts$/m,
    );
    assert.equal(r.stderr.trim().split('\n').length, 2, r.stderr);
    assert.equal(readFileSync(out, 'utf8').trim().split('\n').length, 1);
    const strict = spawnSync(process.execPath, [CLI, 'replay', input, '--alerts', out, '--strict'], { encoding: 'utf8' });
    assert.equal(strict.status, 1);
    const missing = spawnSync(process.execPath, [CLI, 'replay', join(dir, 'nope.jsonl'), '--alerts', out], { encoding: 'utf8' });
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /warden: cannot read .*nope\.jsonl/);
    const noAlerts = spawnSync(process.execPath, [CLI, 'replay', input], { encoding: 'utf8' });
    assert.notEqual(noAlerts.status, 0);
    assert.match(noAlerts.stderr, /--alerts/);
  });

  it('reports an id reused with different content as a conflict, by line, apart from plain duplicates', async () => {
    const first = minor('ck');
    const changed = { ...first, account: { ...first.account, ageBand: 'adult' } };
    // Lines 1-2: a re-send in the same file; line 3: the id reused with another age; line 5: that again, after more events.
    const input = file('conflicts.jsonl', lines([first, first, changed, adult('ca'), changed]));
    const db = join(dir, 'conflicts.db');
    const reported: string[] = [];
    const run = () =>
      replay({ input, alertsOut: join(dir, 'c.jsonl'), db, config: testConfig(), logger: silentLogger(), report: (l) => reported.push(l) });
    const summary = await run();
    assert.deepEqual([summary.accepted, summary.duplicates, summary.conflicts], [2, 1, 2]);
    assert.deepEqual(reported, [
      `line 3: id ${first.id} was already accepted with different content; this one was ignored`,
      `line 5: id ${first.id} was already accepted with different content; this one was ignored`,
    ]);
    // Into the same database again: every line repeats a stored event; the two changed copies still conflict.
    reported.length = 0;
    const again = await run();
    assert.deepEqual([again.accepted, again.duplicates, again.conflicts], [0, 3, 2]);
    assert.equal(reported.length, 2);
  });

  it('replays the shipped demo scenario', async () => {
    const input = fileURLToPath(new URL('../../examples/demo-scenario.jsonl', import.meta.url));
    const reported: string[] = [];
    const progress: [number, number][] = [];
    const summary = await replay({
      input,
      alertsOut: join(dir, 'demo.jsonl'),
      config: testConfig(),
      logger: silentLogger(),
      report: (l) => reported.push(l),
      onProgress: (lines, bytes) => progress.push([lines, bytes]),
    });
    assert.deepEqual(reported, []);
    // One small file is one chunk: progress once, with every line and every byte.
    assert.deepEqual(progress, [[summary.lines, statSync(input).size]]);
    assert.equal(summary.duplicates, 1);
    const alerts = readFileSync(join(dir, 'demo.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { category: string; subject: { accountId: string } });
    const byCategory = (c: string) =>
      alerts
        .filter((a) => a.category === c)
        .map((a) => a.subject.accountId)
        .sort();
    // u_vic: fan-out to five minors, and the same opener to three of them first (copied_openers).
    assert.deepEqual(byCategory('suspicious_adult'), ['u_rex', 'u_vic', 'u_vic']);
    assert.deepEqual(byCategory('unwanted_contact'), ['u_max', 'u_nobody', 'u_rex', 'u_vic', 'u_vic', 'u_vic', 'u_vic', 'u_vic']);
    // u_max: praises a 16-year-old's running and asks her age (no early warning yet: it waits for his next move,
    // early-warning.ts), is asked who he is, and goes on to secrecy and a platform move.
    assert.deepEqual(byCategory('grooming'), ['u_max']);
  });
});
