import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createEdgeSet, type EdgeSet } from './edge-set.js';

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

  it('counts mutual neighbours as a scan of every edge does, through removals and growth (property)', () => {
    const LINK = 1 | 2;
    // What relationship.ts did until 2026-12-06: one pass over every edge.
    const scan = (set: EdgeSet, a: number, b: number) => {
      const ofA = new Set<number>();
      const ofB = new Set<number>();
      set.forEach((from, to, bits) => {
        if ((bits & LINK) === 0) return;
        if (from === a && to !== b) ofA.add(to);
        else if (to === a && from !== b) ofA.add(from);
        if (from === b && to !== a) ofB.add(to);
        else if (to === b && from !== a) ofB.add(from);
      });
      let n = 0;
      for (const x of ofA) if (ofB.has(x)) n++;
      return n;
    };
    // Link bits, a request (4) or a block (64) alone, or removal: links come and go both ways.
    const op = fc.record({
      from: fc.integer({ min: 0, max: 30 }),
      to: fc.integer({ min: 0, max: 30 }),
      bits: fc.constantFrom(0, 1, 2, 3, 4, 64, 1 | 64, 2 | 4),
    });
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 1500 }),
        fc.array(fc.tuple(fc.integer({ min: -1, max: 32 }), fc.integer({ min: 0, max: 32 }))),
        (ops, pairs) => {
          const set = createEdgeSet(4, LINK);
          ops.forEach(({ from, to, bits }, i) => set.put(from, to, bits, i));
          for (const [a, b] of [...pairs, [0, 0], [0, 1], [5, 7]] as const)
            assert.equal(set.mutualNeighbours(a, b), a < 0 ? 0 : scan(set, a, b), `${a},${b}`);
          for (let x = 0; x <= 30; x++) {
            const linked = new Set<number>();
            set.forEach((f, t, bits) => {
              if (bits & LINK && f === x) linked.add(t);
              if (bits & LINK && t === x) linked.add(f);
            });
            assert.equal(set.degree(x), linked.size);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('counts mutual neighbours on a random graph of 20,000 accounts as the scan does', () => {
    const LINK = 1;
    const set = createEdgeSet(1024, LINK);
    let seed = 7;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    // A few popular accounts and many small ones, as on a platform; a tenth of the links removed again.
    const pick = () => (rnd() < 0.2 ? Math.floor(rnd() * 50) : Math.floor(rnd() * 20_000));
    const made: [number, number][] = [];
    for (let i = 0; i < 60_000; i++) {
      const pair: [number, number] = [pick(), pick()];
      set.put(pair[0], pair[1], rnd() < 0.9 ? 1 : 64, i);
      made.push(pair);
    }
    for (let i = 0; i < 6000; i++) set.put(...made[Math.floor(rnd() * made.length)]!, 0, 70_000 + i);
    const neighbours = new Map<number, Set<number>>();
    set.forEach((f, t, bits) => {
      if (!(bits & LINK)) return;
      for (const [x, y] of [
        [f, t],
        [t, f],
      ] as const) {
        if (!neighbours.has(x)) neighbours.set(x, new Set());
        neighbours.get(x)!.add(y);
      }
    });
    for (let k = 0; k < 2000; k++) {
      const a = pick();
      const b = k % 2 === 0 ? pick() : [...(neighbours.get(a) ?? [0])][0]!;
      let expected = 0;
      for (const x of neighbours.get(a) ?? []) if (x !== a && x !== b && neighbours.get(b)?.has(x)) expected++;
      assert.equal(set.mutualNeighbours(a, b), expected, `${a},${b}`);
    }
  });

  it('stays under 96 bytes an edge at a million edges over a million accounts (the hash table under 48)', () => {
    const set = createEdgeSet();
    for (let i = 0; i < 1_000_000; i++) set.put(i % 50_000, (i * 7919) % 1_000_003, 1, i);
    assert.equal(set.size, 1_000_000);
    // 22 bytes a slot at 2^21 slots (46 an edge). The neighbour lists add 8 bytes an account and 4
    // an entry, two entries a link: here 42 bytes an edge, the worst case, with as many accounts as
    // links, 50,000 lists grown in step (each size's freed segments left to the others) and the pool just doubled.
    const table = set.capacity * 22;
    assert.ok(table / set.size < 48, `table bytes per edge ${table / set.size}`);
    assert.ok(set.bytes() / set.size < 96, `bytes per edge ${set.bytes() / set.size}`);
  });
});
