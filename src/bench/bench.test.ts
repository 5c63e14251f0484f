import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ffmpegAvailable } from '../media/video/ffmpeg-decoder.js';

/**
 * Keeps `npm run bench` working: every section runs at small sizes and reports numbers.
 * Speed is never asserted here (docs/architecture.md): only that the work was done and measured.
 */
describe('npm run bench --quick', () => {
  it('runs every section and writes its results', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'warden-bench-'));
    const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(new URL('./main.js', import.meta.url)), '--quick'], {
      cwd,
      encoding: 'utf8',
      // Bounded so a stuck section fails the test; 420 s since the simulate section measures Warden's
      // replay and the whole platform's memory beside the simulator (about a minute alone, loaded).
      timeout: 420_000,
    });
    assert.equal(r.status, 0, r.stderr);
    for (const section of [
      'gate (in process',
      'gate (HTTP',
      'gate beside a sign-in flood',
      'replay 50,000 events',
      'facts memory',
      'pdq generated-12MP',
      'match index 100,000',
      'jpeg shrink-on-load to 256 px, reference JPEGs',
      'audit log:',
      'console queue with 2,000 open cases',
      'webhook outbox: 2,000 actions',
      'CyberTipline report with 10 files',
      'conversation cues',
      'simulate (in process',
      'simulator state at 20,000 accounts',
      'simulated platform with Warden in process at 5,000 accounts',
    ])
      assert.ok(r.stdout.includes(section), `missing ${section}`);
    // Video hashing needs ffmpeg; without it the section says it was skipped.
    assert.ok(r.stdout.includes(ffmpegAvailable() ? 'video 720p' : 'video: skipped'), 'missing video');
    const results = JSON.parse(readFileSync(join(cwd, '.bench', 'results.json'), 'utf8'));
    assert.ok(results.gateInProcess.decisionsPerSecond > 0);
    assert.equal(results.gateHttp.decisions.errors + results.gateHttp.decisions.non2xx, 0, 'every HTTP decision succeeded');
    assert.ok(results.gateHttp.decisions.rps > 0);
    assert.equal(
      results.signInFlood.gateWithFlood.errors + results.signInFlood.gateWithFlood.non2xx,
      0,
      'every decision beside the flood succeeded',
    );
    assert.ok(results.signInFlood.flood.sent > 0 && results.signInFlood.ratio > 0, 'the flood ran and the ratio was measured');
    assert.equal(results.replay.events, 50_000);
    assert.ok(results.replay.alerts > 0);
    assert.equal(results.memory.accounts, 100_000);
    assert.equal(results.audit.verifyOk, true);
    assert.equal(results.audit.chainEntries, 20_000);
    assert.equal(results.matchIndex[0].recallAgainstScan, 1);
    assert.equal(results.matchIndex[0].recall, 1, 'the index finds every match the scan finds');
    assert.ok(results.matchIndex[0].recallQueries >= 200 && results.matchIndex[0].indexBytes > 0);
    assert.ok(results.shrinkOnLoad.reference.summary['256'].images > 0, 'shrink-on-load measured on the reference set');
    assert.equal(results.console.cases, 2000);
    assert.deepEqual(results.outbox.status, { delivered: 2000 }, 'every action reached the receiver');
    assert.ok(results.simulate.events > 0 && results.simulate.alerts > 0, 'the simulator drove Warden and it raised alerts');
    assert.equal(results.simulate.memory.accounts, 20_000);
    assert.ok(results.simulate.wardenReplayFloorPerSecond > 0 && results.simulate.withWarden.peakRssBytes > 0);
    assert.ok(results.simulate.simulatorWarmPerSecond > 0, 'the warm run was timed');
    assert.equal(results.simulate.simulatorWarmPerSecondEachRound.length, results.simulate.rounds, 'every round is reported');
  });
});
