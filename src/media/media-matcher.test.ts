import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMediaMatcher, type BankInfo } from './media-matcher.js';

const hex = (fill: string) => fill.repeat(64 / fill.length);
/** `base` with the first n bits (of the last hex digits) flipped. */
function flip(base: string, n: number): string {
  const chars = base.split('');
  for (let i = 0; i < n; i++) {
    const pos = 63 - Math.floor(i / 4);
    chars[pos] = (parseInt(chars[pos]!, 16) ^ (1 << (i % 4))).toString(16);
  }
  return chars.join('');
}

function setup(flood = 100) {
  const m = createMediaMatcher({ floodLimitPerHour: flood });
  const bank = (b: Partial<BankInfo> & { id: string }): void =>
    m.setBank({ name: b.id, kind: 'positive', enabled: true, pdqThreshold: 31, ...b });
  bank({ id: 'known' });
  bank({ id: 'strict', pdqThreshold: 8 });
  bank({ id: 'benign', kind: 'negative', pdqThreshold: 4 });
  m.loadEntries([
    { id: 1, bankId: 'known', signalType: 'pdq', value: hex('a5'), quarantined: false },
    { id: 2, bankId: 'strict', signalType: 'pdq', value: hex('3c'), quarantined: false },
    { id: 3, bankId: 'known', signalType: 'md5', value: 'ab'.repeat(16), quarantined: false },
    { id: 4, bankId: 'known', signalType: 'pdq', value: hex('f0'), quarantined: false },
    { id: 5, bankId: 'benign', signalType: 'pdq', value: hex('f0'), quarantined: false },
  ]);
  return m;
}

describe('MediaMatcher', () => {
  it("matches PDQ within each bank's own threshold and digests exactly", () => {
    const m = setup();
    assert.deepEqual(
      m.match({ pdq: flip(hex('a5'), 20) }).map((x) => [x.entryId, x.distance]),
      [[1, 20]],
    );
    assert.deepEqual(m.match({ pdq: flip(hex('a5'), 32) }), []);
    assert.deepEqual(
      m.match({ pdq: flip(hex('3c'), 8) }).map((x) => x.entryId),
      [2],
    );
    assert.deepEqual(m.match({ pdq: flip(hex('3c'), 9) }), [], 'the strict bank stops at 8');
    assert.deepEqual(
      m.match({ md5: 'ab'.repeat(16) }).map((x) => [x.entryId, x.signalType, x.distance]),
      [[3, 'md5', 0]],
    );
    assert.deepEqual(m.match({ md5: 'ab'.repeat(15) + 'ac' }), []);
  });

  it('lets a negative bank suppress a known false positive', () => {
    const m = setup();
    assert.deepEqual(m.match({ pdq: flip(hex('f0'), 3) }), [], "within the negative bank's threshold");
    assert.deepEqual(
      m.match({ pdq: flip(hex('f0'), 10) }).map((x) => x.entryId),
      [4],
      'beyond it, the positive match stands',
    );
  });

  it('ignores disabled banks, removed and quarantined entries, and honours a bank filter', () => {
    const m = setup();
    m.setBank({ id: 'known', name: 'known', kind: 'positive', enabled: false, pdqThreshold: 31 });
    assert.deepEqual(m.match({ pdq: hex('a5') }), []);
    m.setBank({ id: 'known', name: 'known', kind: 'positive', enabled: true, pdqThreshold: 31 });
    assert.deepEqual(m.match({ pdq: hex('a5') }, { banks: ['strict'] }), []);
    assert.equal(m.match({ pdq: hex('a5') }, { banks: ['known'] }).length, 1);
    m.setQuarantined(1, true);
    assert.deepEqual(m.match({ pdq: hex('a5') }), []);
    m.removeEntry(3);
    assert.deepEqual(m.match({ md5: 'ab'.repeat(16) }), []);
  });

  it('matches any orientation when the dihedral variants are given', () => {
    const m = setup();
    assert.deepEqual(
      m.match({ pdq: hex('11'), dihedral: { rot90: flip(hex('a5'), 2) } }).map((x) => x.distance),
      [2],
    );
  });

  it('quarantines an entry that matches more distinct uploads in an hour than the limit', () => {
    const m = setup(3);
    const t0 = Date.parse('2026-06-01T00:00:00Z');
    assert.deepEqual(m.noteUpload([1], 'u1', t0), []);
    assert.deepEqual(m.noteUpload([1], 'u1', t0 + 1), [], 'the same upload counts once');
    assert.deepEqual(m.noteUpload([1], 'u2', t0 + 2), []);
    assert.deepEqual(m.noteUpload([1], 'u3', t0 + 3), []);
    assert.deepEqual(m.noteUpload([1], 'old', t0 - 2 * 3600_000), [], 'uploads older than an hour age out');
    assert.deepEqual(m.noteUpload([1], 'u4', t0 + 4), [1]);
    assert.deepEqual(m.match({ pdq: hex('a5') }), []);
  });

  it("matches SHA-1 exactly, and a source's video MD5 by the file's MD5", () => {
    const m = setup();
    m.addEntry({ id: 10, bankId: 'known', signalType: 'sha1', value: 'cd'.repeat(20), quarantined: false });
    m.addEntry({ id: 11, bankId: 'known', signalType: 'video_md5', value: 'ef'.repeat(16), quarantined: false });
    assert.deepEqual(
      m.match({ sha1: 'cd'.repeat(20) }).map((x) => [x.entryId, x.signalType, x.distance]),
      [[10, 'sha1', 0]],
    );
    assert.deepEqual(m.match({ sha1: 'cd'.repeat(19) + 'ce' }), []);
    assert.deepEqual(m.match({ md5: 'cd'.repeat(16) }), [], 'a SHA-1 is not looked up as an MD5');
    assert.deepEqual(
      m.match({ md5: 'ef'.repeat(16) }).map((x) => [x.entryId, x.signalType]),
      [[11, 'video_md5']],
    );
    m.removeEntry(11);
    assert.deepEqual(m.match({ md5: 'ef'.repeat(16) }), []);
  });
});

describe('bank changes as deltas (scale-out)', () => {
  it('reports each change made through it, not the load on start nor changes applied from another node', () => {
    const told: string[] = [];
    const m = createMediaMatcher({ floodLimitPerHour: 2, onChange: (c) => told.push(c.op) });
    m.applyChanges([{ op: 'bank', bank: { id: 'k', name: 'k', kind: 'positive', enabled: true, pdqThreshold: 31 } }]);
    m.loadEntries([{ id: 1, bankId: 'k', signalType: 'pdq', value: hex('a5'), quarantined: false }]);
    assert.deepEqual(told, []);
    m.setBank({ id: 'k', name: 'k', kind: 'positive', enabled: true, pdqThreshold: 20 });
    m.addEntry({ id: 2, bankId: 'k', signalType: 'md5', value: 'cd'.repeat(16), quarantined: false });
    m.setQuarantined(2, true);
    m.removeEntry(2);
    // The upload flood limit quarantines an entry: that too reaches the other nodes.
    for (const key of ['u1', 'u2', 'u3']) m.noteUpload([1], key, 1_000);
    assert.deepEqual(told, ['bank', 'add', 'quarantine', 'remove', 'quarantine']);
  });

  it('applies another node’s changes idempotently and in order, incrementally', () => {
    const m = createMediaMatcher({ floodLimitPerHour: 100 });
    const entry = { id: 7, bankId: 'k', signalType: 'pdq' as const, value: hex('a5'), quarantined: false };
    const changes = [
      { op: 'bank' as const, bank: { id: 'k', name: 'k', kind: 'positive' as const, enabled: true, pdqThreshold: 31 } },
      { op: 'add' as const, entry },
    ];
    m.applyChanges(changes);
    m.applyChanges(changes); // read twice from the feed
    assert.equal(m.entryCount, 1);
    assert.deepEqual(
      m.match({ pdq: hex('a5') }).map((x) => x.entryId),
      [7],
    );
    m.applyChanges([{ op: 'quarantine', id: 7, quarantined: true }]);
    assert.equal(m.match({ pdq: hex('a5') }).length, 0);
    m.applyChanges([
      { op: 'quarantine', id: 7, quarantined: false },
      { op: 'remove', id: 7 },
      { op: 'remove', id: 7 },
    ]);
    assert.equal(m.match({ pdq: hex('a5') }).length, 0);
    assert.equal(m.entryCount, 0);
  });
});
