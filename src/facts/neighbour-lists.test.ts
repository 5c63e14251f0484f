import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createNeighbourLists } from './neighbour-lists.js';

describe('NeighbourLists', () => {
  it('matches a Map of Sets under any sequence of adds and removes, through growth, shrinking and packing (property)', () => {
    const op = fc.record({ add: fc.boolean(), x: fc.integer({ min: 0, max: 40 }), y: fc.integer({ min: 0, max: 200 }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3000 }), (ops) => {
        // A pool of 8 entries at first: it grows and is packed many times over.
        const lists = createNeighbourLists(4, 8);
        const model = new Map<number, Set<number>>();
        for (const { add, x, y } of ops) {
          const set = model.get(x) ?? new Set<number>();
          model.set(x, set);
          // The edge set adds a neighbour once; the model holds it to that.
          if (add && !set.has(y)) {
            set.add(y);
            lists.add(x, y);
          } else if (!add) {
            set.delete(y);
            lists.remove(x, y);
          }
        }
        for (let x = 0; x <= 45; x++) {
          const got: number[] = [];
          lists.forEach(x, (y) => got.push(y));
          assert.deepEqual(
            got.sort((a, b) => a - b),
            [...(model.get(x) ?? [])].sort((a, b) => a - b),
          );
          assert.equal(lists.degree(x), model.get(x)?.size ?? 0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('reuses freed segments: a list that grows and shrinks over and over does not grow the pool', () => {
    const lists = createNeighbourLists();
    for (let y = 0; y < 5000; y++) lists.add(1, y);
    for (let round = 0; round < 3; round++) {
      for (let y = 0; y < 5000; y++) lists.remove(1, y);
      for (let y = 0; y < 5000; y++) lists.add(1, y);
    }
    const settled = lists.bytes();
    for (let round = 0; round < 5; round++) {
      for (let y = 0; y < 5000; y++) lists.remove(1, y);
      for (let y = 0; y < 5000; y++) lists.add(1, y);
    }
    assert.equal(lists.bytes(), settled);
    assert.equal(lists.degree(1), 5000);
  });
});
