/**
 * Each account's neighbours as a list of account indices, all lists in one Int32Array pool:
 * what lets the edge set answer "who is linked with x?" without a scan of every edge (mutual
 * connections were counted by a scan of the whole graph once per conversation, and not at all
 * above 2 million edges). A list's segment holds a power of two of entries (at least 2) and
 * moves to one twice its size when full (and to one half its size when a removal leaves it at
 * most half full, so the size always follows from the length and is not stored); freed segments
 * go on a free list per size, threaded through the pool, and are reused, and the pool is packed
 * when a quarter of it lies in them. Cost: 8 bytes an
 * account (start, length) and 4 bytes an entry, each link listed under both accounts, with up
 * to twice that in slack and the pool's own doubling.
 */
export interface NeighbourLists {
  /** Appends y to x's list; the caller adds each neighbour once. */
  add(x: number, y: number): void;
  /** Removes y from x's list (linear in x's neighbours); nothing when absent. */
  remove(x: number, y: number): void;
  degree(x: number): number;
  /** x's neighbours, in no particular order; the list must not change while it runs. */
  forEach(x: number, fn: (y: number) => void): void;
  bytes(): number;
}

/** No segment yet. */
const NONE = -1;
/** Size classes: a segment of 2^k entries, k from 1 to 31. */
const CLASSES = 32;

/** The segment size a list of `len` entries is known to have: at least 2, the power of two at or above it. */
const capOf = (len: number) => (len <= 2 ? 2 : 1 << (32 - Math.clz32(len - 1)));
const classOf = (cap: number) => 31 - Math.clz32(cap);

export function createNeighbourLists(initialAccounts = 1024, initialEntries = 1024): NeighbourLists {
  let starts = new Int32Array(Math.max(16, initialAccounts)).fill(NONE);
  let lens = new Int32Array(starts.length);
  let pool = new Int32Array(Math.max(2, initialEntries));
  let used = 0;
  // Head of each size class's free list (a free segment's first entry is the next one's start).
  const free = new Int32Array(CLASSES).fill(NONE);
  let freeEntries = 0;

  function cover(x: number): void {
    if (x < starts.length) return;
    let n = starts.length;
    while (n <= x) n *= 2;
    const s = new Int32Array(n).fill(NONE);
    s.set(starts);
    starts = s;
    const l = new Int32Array(n);
    l.set(lens);
    lens = l;
  }

  function allocate(cap: number): number {
    const k = classOf(cap);
    const head = free[k]!;
    if (head !== NONE) {
      free[k] = pool[head]!;
      freeEntries -= cap;
      return head;
    }
    if (used + cap > pool.length) {
      // Segments freed in one size are not taken by lists of another: when a quarter of the pool
      // lies in them, pack the lists together instead of doubling (the cost is paid again only
      // after as many entries are allocated anew).
      if (freeEntries * 4 >= used) compact();
      if (used + cap > pool.length) {
        let n = pool.length * 2;
        while (used + cap > n) n *= 2;
        const p = new Int32Array(n);
        p.set(pool.subarray(0, used));
        pool = p;
      }
    }
    const at = used;
    used += cap;
    return at;
  }

  /** Every list moved to the front of a pool of the same length, in account order; no free segments left. */
  function compact(): void {
    const p = new Int32Array(pool.length);
    let at = 0;
    for (let x = 0; x < starts.length; x++) {
      const start = starts[x]!;
      if (start === NONE) continue;
      const cap = capOf(lens[x]!);
      p.set(pool.subarray(start, start + lens[x]!), at);
      starts[x] = at;
      at += cap;
    }
    pool = p;
    used = at;
    free.fill(NONE);
    freeEntries = 0;
  }

  function release(start: number, cap: number): void {
    const k = classOf(cap);
    freeEntries += cap;
    pool[start] = free[k]!;
    free[k] = start;
  }

  return {
    add(x, y) {
      cover(x);
      const len = lens[x]!;
      if (starts[x] === NONE) starts[x] = allocate(2);
      else if (len >= 2 && len === capOf(len)) {
        // Full: move to a segment twice the size (read the start after allocating: a compaction moves it).
        const moved = allocate(len * 2);
        const start = starts[x]!;
        pool.copyWithin(moved, start, start + len);
        release(start, len);
        starts[x] = moved;
      }
      pool[starts[x]! + len] = y;
      lens[x] = len + 1;
    },
    remove(x, y) {
      if (x >= starts.length) return;
      const start = starts[x]!;
      const last = lens[x]! - 1;
      for (let i = start; i <= start + last; i++)
        if (pool[i] === y) {
          pool[i] = pool[start + last]!;
          // The size must stay capOf(length): at a power of two, move down to a segment half the size.
          if (last >= 2 && capOf(last) !== capOf(last + 1)) {
            const moved = allocate(capOf(last));
            const from = starts[x]!;
            pool.copyWithin(moved, from, from + last);
            release(from, capOf(last + 1));
            starts[x] = moved;
          }
          lens[x] = last;
          return;
        }
    },
    degree: (x) => (x >= 0 && x < lens.length ? lens[x]! : 0),
    forEach(x, fn) {
      if (x < 0 || x >= starts.length) return;
      const start = starts[x]!;
      const end = start + lens[x]!;
      for (let i = start; i < end; i++) fn(pool[i]!);
    },
    bytes: () => starts.byteLength + lens.byteLength + pool.byteLength + free.byteLength,
  };
}
