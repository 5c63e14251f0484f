import { distanceAt, WORDS } from './hamming.js';

export interface IndexMatch {
  /** The caller's entry id. */
  id: number;
  distance: number;
}

/**
 * Exact radius search over 256-bit hashes by multi-index hashing (Norouzi et al., 2012).
 * The hash is cut into m substrings; if two hashes are within distance r, at least one
 * substring is within floor(r / m) of the query's (pigeonhole), so probing every substring
 * table at that radius finds every match, and each candidate is then checked in full.
 * Substrings are about log2(n) bits so a bucket holds about one entry; tables are
 * direct-indexed (offsets + ids, built by counting sort), so a probe is two array reads.
 *
 * Written by hand: no maintained JS library does exact Hamming search at this size.
 * Adds go to a small unindexed delta (at most DELTA_MAX entries, scanned by every query)
 * and removals to a tombstone set; the tables are rebuilt when either fills. Bulk loads
 * build once.
 */
export interface MatchIndex {
  /** `id` is the caller's entry id: a non-negative integer below 2^31 (ids are dense in practice). */
  add(id: number, hash: Uint32Array, at?: number): void;
  /** Bulk load (start-up, list imports): appends without indexing, then builds the tables once. */
  addMany(ids: ArrayLike<number>, hashes: Uint32Array): void;
  remove(id: number): void;
  /** Every entry within `maxDistance` (0–63) of the query, nearest first. */
  query(hash: Uint32Array, maxDistance: number, at?: number): IndexMatch[];
  readonly size: number;
  bytes(): number;
  /** Folds the delta into the tables now (otherwise done when the delta grows). */
  rebuild(): void;
}

interface Table {
  word: number;
  shift: number;
  bits: number;
  offsets: Uint32Array;
  ids: Uint32Array;
}

function substringOf(h: Uint32Array, base: number, word: number, shift: number, bits: number): number {
  const lo = h[base + word]! >>> shift;
  const fromLo = 32 - shift;
  const v = fromLo >= bits || word + 1 >= WORDS ? lo : lo | (h[base + word + 1]! << fromLo);
  return bits === 32 ? v >>> 0 : (v & ((1 << bits) - 1)) >>> 0;
}

/** Every value reached from `key` by flipping 1..`left` more bits at positions ≥ `start` (each set once). */
function forEachNeighbourFrom(key: number, start: number, bits: number, left: number, fn: (k: number) => void): void {
  for (let b = start; b < bits; b++) {
    const n = (key ^ (1 << b)) >>> 0;
    fn(n);
    if (left > 1) forEachNeighbourFrom(n, b + 1, bits, left - 1, fn);
  }
}

const DELTA_MAX = 16_384;

export function createMatchIndex(): MatchIndex {
  let cap = 1024;
  let hashes = new Uint32Array(cap * WORDS);
  let ids = new Int32Array(cap);
  let count = 0; // slots used (indexed + delta, tombstoned included)
  let indexed = 0; // slots [0, indexed) are in the tables
  let live = 0;
  // id -> slot + 1 (0: absent). A typed array, not a Map: at ten million entries a Map
  // costs ~40 bytes an entry, this 4.
  let slotOf = new Int32Array(1024);
  const dead = new Set<number>(); // slots removed
  let tables: Table[] = [];

  function reserve(slots: number): void {
    if (slots <= cap) return;
    // Doubling for one-at-a-time adds; exactly the size asked for a bulk load (at ten
    // million hashes a doubled array would waste 200 MB).
    cap = Math.max(slots, cap * 2);
    const h = new Uint32Array(cap * WORDS);
    h.set(hashes.subarray(0, count * WORDS));
    hashes = h;
    const i = new Int32Array(cap);
    i.set(ids.subarray(0, count));
    ids = i;
  }

  function setSlot(id: number, slot: number): void {
    if (id >= slotOf.length) {
      let n = slotOf.length;
      while (n <= id) n *= 2;
      const grown = new Int32Array(n);
      grown.set(slotOf);
      slotOf = grown;
    }
    slotOf[id] = slot + 1;
  }

  function compact(): void {
    if (dead.size === 0) return;
    let w = 0;
    for (let r = 0; r < count; r++) {
      if (dead.has(r)) continue;
      if (w !== r) {
        hashes.copyWithin(w * WORDS, r * WORDS, r * WORDS + WORDS);
        ids[w] = ids[r]!;
      }
      setSlot(ids[w]!, w);
      w++;
    }
    count = w;
    dead.clear();
  }

  function build(): void {
    compact();
    indexed = count;
    tables = [];
    if (count < 256) return; // a scan is faster than tables this small
    // About log2(n) bits a substring, so a bucket holds about one entry; the 256 bits are
    // split into m nearly equal substrings (a short leftover one would make huge buckets).
    const target = Math.max(8, Math.min(24, Math.round(Math.log2(count)) + 1));
    const m = Math.ceil(256 / target);
    const shortLen = Math.floor(256 / m);
    const longOnes = 256 % m;
    let start = 0;
    for (let t = 0; t < m; t++) {
      const len = t < longOnes ? shortLen + 1 : shortLen;
      const word = start >>> 5;
      const shift = start & 31;
      const size = 2 ** len;
      const offsets = new Uint32Array(size + 1);
      const keys = new Uint32Array(count);
      for (let i = 0; i < count; i++) {
        const k = substringOf(hashes, i * WORDS, word, shift, len);
        keys[i] = k;
        offsets[k + 1]!++;
      }
      for (let k = 0; k < size; k++) offsets[k + 1] = offsets[k + 1]! + offsets[k]!;
      const tids = new Uint32Array(count);
      const fill = offsets.slice(0, size);
      for (let i = 0; i < count; i++) tids[fill[keys[i]!]!++] = i;
      tables.push({ word, shift, bits: len, offsets, ids: tids });
      start += len;
    }
  }

  function append(id: number, hash: Uint32Array, at: number): void {
    if (!Number.isInteger(id) || id < 0 || id >= 2 ** 31) throw new RangeError(`index ids are integers in [0, 2^31): ${id}`);
    const existing = id < slotOf.length ? slotOf[id]! - 1 : -1;
    if (existing >= 0) dead.add(existing);
    else live++;
    reserve(count + 1);
    hashes.set(hash.subarray(at * WORDS, at * WORDS + WORDS), count * WORDS);
    ids[count] = id;
    setSlot(id, count);
    count++;
  }

  return {
    add(id, hash, at = 0) {
      append(id, hash, at);
      if (count - indexed > DELTA_MAX) build();
    },
    addMany(newIds, newHashes) {
      reserve(count + newIds.length);
      for (let i = 0; i < newIds.length; i++) append(newIds[i]!, newHashes, i);
      build();
    },
    remove(id) {
      const slot = id >= 0 && id < slotOf.length ? slotOf[id]! - 1 : -1;
      if (slot < 0) return;
      slotOf[id] = 0;
      live--;
      dead.add(slot);
      if (dead.size > DELTA_MAX) build();
    },
    query(q, maxDistance, at = 0) {
      // Matching slots; a slot found through several tables is kept once at the end. No
      // per-candidate "seen" mark: candidates are many and matches few, and the mark would
      // cost each candidate a second cache miss.
      const hits: number[] = [];
      const bucket = (t: Table, k: number) => {
        const tids = t.ids;
        for (let p = t.offsets[k]!, end = t.offsets[k + 1]!; p < end; p++) {
          const slot = tids[p]!;
          if (distanceAt(hashes, slot, q, at, maxDistance) <= maxDistance) hits.push(slot);
        }
      };
      if (tables.length > 0) {
        const radius = Math.floor(maxDistance / tables.length);
        const base = at * WORDS;
        for (const t of tables) {
          const key = substringOf(q, base, t.word, t.shift, t.bits);
          bucket(t, key);
          if (radius === 0) continue;
          // Radius 1 and 2 (the common cases) as plain loops; beyond that, recursion.
          for (let b1 = 0; b1 < t.bits; b1++) {
            const k1 = (key ^ (1 << b1)) >>> 0;
            bucket(t, k1);
            if (radius === 1) continue;
            for (let b2 = b1 + 1; b2 < t.bits; b2++) {
              const k2 = (k1 ^ (1 << b2)) >>> 0;
              bucket(t, k2);
              if (radius > 2) forEachNeighbourFrom(k2, b2 + 1, t.bits, radius - 2, (k) => bucket(t, k));
            }
          }
        }
      } else {
        for (let s = 0; s < indexed; s++) scanSlot(s);
      }
      for (let s = indexed; s < count; s++) scanSlot(s);
      const out: IndexMatch[] = [];
      const unique = hits.length > 1 ? [...new Set(hits)] : hits;
      for (const slot of unique) {
        if (dead.size > 0 && dead.has(slot)) continue;
        out.push({ id: ids[slot]!, distance: distanceAt(hashes, slot, q, at, 256) });
      }
      out.sort((a, b) => a.distance - b.distance || a.id - b.id);
      return out;

      function scanSlot(slot: number): void {
        if (distanceAt(hashes, slot, q, at, maxDistance) <= maxDistance) hits.push(slot);
      }
    },
    get size() {
      return live;
    },
    bytes() {
      let b = hashes.byteLength + ids.byteLength + slotOf.byteLength;
      for (const t of tables) b += t.offsets.byteLength + t.ids.byteLength;
      return b;
    },
    rebuild: build,
  };
}

/** The baseline every benchmark and property test compares with: check every hash. */
export function linearScan(hashes: Uint32Array, count: number, q: Uint32Array, maxDistance: number): IndexMatch[] {
  const out: IndexMatch[] = [];
  for (let i = 0; i < count; i++) {
    const d = distanceAt(hashes, i, q, 0, maxDistance);
    if (d <= maxDistance) out.push({ id: i, distance: d });
  }
  return out.sort((a, b) => a.distance - b.distance || a.id - b.id);
}
