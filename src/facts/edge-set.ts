/**
 * Directed edges between account indices with a few bits each, in an open-addressing
 * hash table over typed arrays. Written by hand because the memory target (10 million
 * connections well under 2 GiB) rules out a Map of Sets: that costs ~100 bytes an edge,
 * this costs 22 bytes a slot (two int32 keys, two bytes of bits, a float64 time, the link's
 * start in whole seconds as a uint32: good until 2106), ~30 an edge at ≤ 0.75 load.
 * Linear probing with backward-shift deletion keeps lookups to a cache line or two and
 * leaves no tombstones behind.
 */
export interface EdgeSet {
  get(from: number, to: number): number;
  /** Last time (ms) a change was applied to this pair; 0 when absent. Guards against late, older events. */
  timeOf(from: number, to: number): number;
  /**
   * When (ms, to the second) the pair's link bits (the set's `linkMask`) last went from none to
   * some; 0 when it holds none. A second kind of link added later (a follow, then years on a
   * friendship) keeps the first one's time: the relationship's age is the link's, not the last change's.
   */
  linkSince(from: number, to: number): number;
  /**
   * Sets the pair's bits (0 removes it). `linkMs` (default `tsMs`) is when link bits this call
   * adds were made: a restore passes each stored row's own time, in any order, and the earliest wins.
   */
  put(from: number, to: number, bits: number, tsMs: number, linkMs?: number): void;
  readonly size: number;
  readonly capacity: number;
  bytes(): number;
  forEach(fn: (from: number, to: number, bits: number) => void): void;
  /**
   * Accounts linked (the set's `linkMask`, either direction) with both `a` and `b`, other than
   * the two: read from the smaller of their neighbour lists, so it costs that account's links,
   * not the graph's.
   */
  mutualNeighbours(a: number, b: number): number;
  /** How many accounts are linked with x (either direction), x itself where it links to itself. */
  degree(x: number): number;
}

import { createNeighbourLists } from './neighbour-lists.js';

const EMPTY = -1;

function hash(from: number, to: number, mask: number): number {
  let h = Math.imul(from, 0x9e3779b1) ^ Math.imul(to ^ 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h & mask;
}

/** Whole seconds, plus one so that 0 stays "no link" (a link made at the epoch's first second included). */
const toSeconds = (ms: number) => Math.min(0xfffffffe, Math.max(0, Math.floor(ms / 1000))) + 1;

export function createEdgeSet(initialCapacity = 1024, linkMask = 0xffff): EdgeSet {
  let cap = 1;
  while (cap < initialCapacity) cap <<= 1;
  let froms = new Int32Array(cap).fill(EMPTY);
  let tos = new Int32Array(cap);
  let bitsArr = new Uint16Array(cap);
  let times = new Float64Array(cap);
  let since = new Uint32Array(cap);
  let mask = cap - 1;
  let size = 0;
  // Who is linked with whom, undirected: the pair {x, y} is listed (under both) while either
  // direction holds link bits.
  const adjacency = createNeighbourLists();
  const linked = (from: number, to: number) => {
    const i = find(from, to);
    return i >= 0 && (bitsArr[i]! & linkMask) !== 0;
  };
  /** Keeps the lists in step when the pair's own link bits come or go; the reverse direction may still hold the pair. */
  function relink(from: number, to: number, had: boolean, has: boolean): void {
    if (had === has || (from !== to && linked(to, from))) return;
    if (has) {
      adjacency.add(from, to);
      if (from !== to) adjacency.add(to, from);
    } else {
      adjacency.remove(from, to);
      if (from !== to) adjacency.remove(to, from);
    }
  }

  function find(from: number, to: number): number {
    let i = hash(from, to, mask);
    for (;;) {
      const f = froms[i]!;
      if (f === EMPTY) return -1 - i;
      if (f === from && tos[i] === to) return i;
      i = (i + 1) & mask;
    }
  }

  function grow(): void {
    const oldFroms = froms;
    const oldTos = tos;
    const oldBits = bitsArr;
    const oldTimes = times;
    const oldSince = since;
    cap <<= 1;
    mask = cap - 1;
    froms = new Int32Array(cap).fill(EMPTY);
    tos = new Int32Array(cap);
    bitsArr = new Uint16Array(cap);
    times = new Float64Array(cap);
    since = new Uint32Array(cap);
    for (let j = 0; j < oldFroms.length; j++) {
      const f = oldFroms[j]!;
      if (f === EMPTY) continue;
      let i = hash(f, oldTos[j]!, mask);
      while (froms[i] !== EMPTY) i = (i + 1) & mask;
      froms[i] = f;
      tos[i] = oldTos[j]!;
      bitsArr[i] = oldBits[j]!;
      times[i] = oldTimes[j]!;
      since[i] = oldSince[j]!;
    }
  }

  function remove(slot: number): void {
    // Backward-shift deletion: pull later members of the probe run into the hole so
    // that every remaining key is still reachable from its home slot.
    let hole = slot;
    let i = (slot + 1) & mask;
    for (;;) {
      const f = froms[i]!;
      if (f === EMPTY) break;
      const home = hash(f, tos[i]!, mask);
      const distHome = (i - home) & mask;
      const distHole = (i - hole) & mask;
      if (distHome >= distHole) {
        froms[hole] = f;
        tos[hole] = tos[i]!;
        bitsArr[hole] = bitsArr[i]!;
        times[hole] = times[i]!;
        since[hole] = since[i]!;
        hole = i;
      }
      i = (i + 1) & mask;
    }
    froms[hole] = EMPTY;
    bitsArr[hole] = 0;
    times[hole] = 0;
    since[hole] = 0;
    size--;
  }

  return {
    get(from, to) {
      const i = find(from, to);
      return i >= 0 ? bitsArr[i]! : 0;
    },
    timeOf(from, to) {
      const i = find(from, to);
      return i >= 0 ? times[i]! : 0;
    },
    linkSince(from, to) {
      const i = find(from, to);
      return i >= 0 && since[i]! > 0 ? (since[i]! - 1) * 1000 : 0;
    },
    put(from, to, bits, tsMs, linkMs = tsMs) {
      const i = find(from, to);
      if (i >= 0) {
        const had = (bitsArr[i]! & linkMask) !== 0;
        const has = (bits & linkMask) !== 0;
        if (bits === 0) remove(i);
        else {
          if (!has) since[i] = 0;
          else if (!had) since[i] = toSeconds(linkMs);
          else if (toSeconds(linkMs) < since[i]! && (bits & ~bitsArr[i]! & linkMask) !== 0) since[i] = toSeconds(linkMs);
          bitsArr[i] = bits;
          times[i] = tsMs;
        }
        relink(from, to, had, has);
        return;
      }
      if (bits === 0) return;
      if ((size + 1) * 4 > cap * 3) {
        grow();
        this.put(from, to, bits, tsMs, linkMs);
        return;
      }
      const slot = -1 - i;
      froms[slot] = from;
      tos[slot] = to;
      bitsArr[slot] = bits;
      times[slot] = tsMs;
      since[slot] = (bits & linkMask) !== 0 ? toSeconds(linkMs) : 0;
      size++;
      relink(from, to, false, (bits & linkMask) !== 0);
    },
    get size() {
      return size;
    },
    get capacity() {
      return cap;
    },
    bytes() {
      return froms.byteLength + tos.byteLength + bitsArr.byteLength + times.byteLength + since.byteLength + adjacency.bytes();
    },
    forEach(fn) {
      for (let i = 0; i < cap; i++) if (froms[i] !== EMPTY) fn(froms[i]!, tos[i]!, bitsArr[i]!);
    },
    mutualNeighbours(a, b) {
      if (a < 0 || b < 0) return 0;
      const [small, other] = adjacency.degree(a) <= adjacency.degree(b) ? [a, b] : [b, a];
      let n = 0;
      adjacency.forEach(small, (x) => {
        if (x !== a && x !== b && (linked(other, x) || linked(x, other))) n++;
      });
      return n;
    },
    degree: (x) => adjacency.degree(x),
  };
}
