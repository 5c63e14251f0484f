import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate-corpus.js';
import { score } from './run-eval.js';

describe('npm run eval', () => {
  it('generates a labelled corpus with disjoint splits, deterministically', () => {
    const a = generateCorpus('tune', 4, 1);
    assert.deepEqual(a, generateCorpus('tune', 4, 1));
    const families = new Set(a.map((c) => c.family));
    for (const f of [
      'grooming_fast',
      'grooming_slow',
      'solicitation',
      'sextortion',
      'fanout',
      'coach',
      'teacher',
      'relative',
      'gaming',
      'tutor',
      'parent',
      'teen_teen_flirting',
      'adult_adult_flirting',
    ])
      assert.ok(families.has(f), f);
    const tuneTexts = new Set(a.flatMap((c) => c.events.map((e) => (e as { message?: { text: string } }).message?.text).filter(Boolean)));
    const held = generateCorpus('heldout', 4, 2).flatMap((c) =>
      c.events.map((e) => (e as { message?: { text: string } }).message?.text).filter(Boolean),
    );
    const shared = held.filter((t) => tuneTexts.has(t));
    assert.ok(shared.length / held.length < 0.05, `held-out text mostly unseen (${shared.length}/${held.length} shared)`);
  });

  it('links relatives and parents as family, and as plain follows with family links off', () => {
    const kinds = (familyLinks: boolean) => {
      const out = new Map<string, Set<string>>();
      for (const c of generateCorpus('tune', 2, 1, { familyLinks })) {
        for (const e of c.events as { type: string; kind?: string }[])
          if (e.type === 'connection.created') out.set(c.family, (out.get(c.family) ?? new Set()).add(e.kind!));
      }
      return out;
    };
    const on = kinds(true);
    assert.deepEqual([...on.get('relative')!], ['family']);
    assert.deepEqual([...on.get('parent')!], ['family']);
    assert.deepEqual([...on.get('coach')!], ['follow']);
    const off = kinds(false);
    for (const f of ['relative', 'parent', 'coach']) assert.deepEqual([...off.get(f)!], ['follow'], f);
  });

  it('scores precision, recall, F0.5, latency and per-family rates from alerts', () => {
    const convs = generateCorpus('tune', 2, 3);
    const risky = convs.filter((c) => c.label !== 'benign');
    const benign = convs.find((c) => c.label === 'benign')!;
    const alerts = [
      ...risky.map((c) => ({ category: c.label, conversationId: c.id, triggerEventId: c.messageIds[c.firstActionable! - 1]! })),
      { category: 'grooming', conversationId: benign.id, triggerEventId: benign.messageIds[0]! },
    ];
    const r = score(convs, alerts);
    assert.equal(r.recall, 1);
    assert.equal(r.fp, 1);
    assert.equal(r.latencyMedian, 1, 'detected at the first actionable message');
    assert.ok(r.precision < 1 && r.f05 > 0.5);
  });

  it('runs end to end through warden replay', () => {
    const r = spawnSync(process.execPath, [fileURLToPath(new URL('./run-eval.js', import.meta.url)), '--per-family=4'], {
      encoding: 'utf8',
      // Eighteen replays, each a process start: on a machine shared with other builds this took 105 s of wall clock for 28 s of CPU.
      timeout: 300_000,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /== heldout split: \d+ conversations/);
    assert.match(r.stdout, /F0\.5 \d\.\d{3}/);
    // Off a terminal, progress is one summary line on stderr.
    assert.match(r.stderr, /^evaluated \d+ conversations in [\d.]+ s \([\d.]+ conversations\/s\): \d+ splits$/m);
  });
});
