import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createEdgeSet } from './edge-set.js';

describe('EdgeSet', () => {
  it('matches a Map model under any sequence of puts and removals, through growth (property)', () => {
    const op = fc.record({
      from: fc.integer({ min: 0, max: 60 }),
      to: fc.integer({ min: 0, max: 60 }),
      bits: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 255 })),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3000 }), (ops) => {
        const set = createEdgeSet(4);
        const model = new Map<string, number>();
        ops.forEach(({ from, to, bits }, i) => {
          set.put(from, to, bits, i);
          if (bits === 0) model.delete(`${from},${to}`);
          else model.set(`${from},${to}`, bits);
        });
        assert.equal(set.size, model.size);
        for (let f = 0; f <= 60; f++) for (let t = 0; t <= 60; t++) assert.equal(set.get(f, t), model.get(`${f},${t}`) ?? 0);
        let visited = 0;
        set.forEach((f, t, b) => {
          visited++;
          assert.equal(model.get(`${f},${t}`), b);
        });
        assert.equal(visited, model.size);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the time of the last change per pair', () => {
    const set = createEdgeSet();
    set.put(1, 2, 1, 100);
    set.put(1, 2, 3, 250);
    assert.equal(set.timeOf(1, 2), 250);
    assert.equal(set.timeOf(2, 1), 0);
  });

  it('keeps when the link began: a second kind later, a request or a block does not move it', () => {
    const LINK = 1 | 2;
    const set = createEdgeSet(4, LINK);
    set.put(1, 2, 8, 50_000); // a request only: no link yet
    assert.equal(set.linkSince(1, 2), 0);
    set.put(1, 2, 1, 100_000); // linked
    set.put(1, 2, 3, 900_000); // another kind, years later
    set.put(1, 2, 3 | 64, 950_000); // a block bit
    assert.equal(set.linkSince(1, 2), 100_000);
    assert.equal(set.timeOf(1, 2), 950_000);
    set.put(1, 2, 2 | 64, 1_000_000); // the first kind removed, the second holds: the link is unbroken
    assert.equal(set.linkSince(1, 2), 100_000);
    set.put(1, 2, 64, 1_100_000); // every link removed
    assert.equal(set.linkSince(1, 2), 0);
    set.put(1, 2, 64 | 1, 1200_000); // linked again: a new link
    assert.equal(set.linkSince(1, 2), 1_200_000);
    // A restore passes each row's own time, in any order: the earliest link wins.
    set.put(3, 4, 2, 700_000, 700_000);
    set.put(3, 4, 3, 700_000, 200_000);
    assert.equal(set.linkSince(3, 4), 200_000);
    // Survives growth and backward-shift deletion.
    for (let i = 10; i < 200; i++) set.put(i, i + 1, 1, i * 1000, i * 1000);
    for (let i = 10; i < 200; i += 2) set.put(i, i + 1, 0, i);
    for (let i = 11; i < 200; i += 2) assert.equal(set.linkSince(i, i + 1), i * 1000);
    assert.equal(set.linkSince(1, 2), 1_200_000);
    assert.equal(set.linkSince(3, 4), 200_000);
  });

  it('stays under 48 bytes an edge at a million edges (about half the slots free)', () => {
    const set = createEdgeSet();
    for (let i = 0; i < 1_000_000; i++) set.put(i % 50_000, (i * 7919) % 1_000_003, 1, i);
    assert.equal(set.size, 1_000_000);
    assert.ok(set.bytes() / set.size < 48, `bytes per edge ${set.bytes() / set.size}`);
  });
});
