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

  it('stays near 20 bytes an edge at a million edges', () => {
    const set = createEdgeSet();
    for (let i = 0; i < 1_000_000; i++) set.put(i % 50_000, (i * 7919) % 1_000_003, 1, i);
    assert.equal(set.size, 1_000_000);
    assert.ok(set.bytes() / set.size < 40, `bytes per edge ${set.bytes() / set.size}`);
  });
});
