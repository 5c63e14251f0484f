// The column pass, one row at a time over a ring of row-filtered rows (see pdq64).

/*
 * Column-pass state for the streamed pipeline, kept in memory (no allocation in this module):
 * [size f32, ri i32, li i32, oi i32]. `colPush` takes input row ri (already in `ring`) and
 * returns the output row it completed (written at `out`, slot oi % outRing) or −1;
 * `colDrain` completes one of the last rows.
 */
// @ts-ignore: decorator
@inline export function colPush(st: usize, sums: usize, n: i32, c1: i32, c2: i32, ring: usize, ringRows: i32, rowBytes: usize, out: usize, outRing: i32): i32 {
  let size = load<f32>(st);
  const ri = load<i32>(st, 4);
  let li = load<i32>(st, 8);
  let oi = load<i32>(st, 12);
  const row = ring + <usize>(ri % ringRows) * rowBytes;
  const vec = n & ~3;
  let produced = -1;
  if (ri < c1) {
    size += 1;
    let x = 0;
    for (; x < vec; x += 4) v128.store(sums + (<usize>x << 2), f32x4.add(v128.load(sums + (<usize>x << 2)), v128.load(row + (<usize>x << 2))));
    for (; x < n; x++) store<f32>(sums + (<usize>x << 2), load<f32>(sums + (<usize>x << 2)) + load<f32>(row + (<usize>x << 2)));
  } else if (ri < c1 + c2) {
    size += 1;
    const o = out + <usize>(oi % outRing) * rowBytes;
    const d = f32x4.splat(size);
    let x = 0;
    for (; x < vec; x += 4) {
      const sv = f32x4.add(v128.load(sums + (<usize>x << 2)), v128.load(row + (<usize>x << 2)));
      v128.store(sums + (<usize>x << 2), sv);
      v128.store(o + (<usize>x << 2), f32x4.div(sv, d));
    }
    for (; x < n; x++) {
      const sv = load<f32>(sums + (<usize>x << 2)) + load<f32>(row + (<usize>x << 2));
      store<f32>(sums + (<usize>x << 2), sv);
      store<f32>(o + (<usize>x << 2), sv / size);
    }
    produced = oi++;
  } else {
    const left = ring + <usize>(li % ringRows) * rowBytes;
    const o = out + <usize>(oi % outRing) * rowBytes;
    const d = f32x4.splat(size);
    let x = 0;
    for (; x < vec; x += 4) {
      const sv = f32x4.sub(f32x4.add(v128.load(sums + (<usize>x << 2)), v128.load(row + (<usize>x << 2))), v128.load(left + (<usize>x << 2)));
      v128.store(sums + (<usize>x << 2), sv);
      v128.store(o + (<usize>x << 2), f32x4.div(sv, d));
    }
    for (; x < n; x++) {
      const sv = load<f32>(sums + (<usize>x << 2)) + load<f32>(row + (<usize>x << 2)) - load<f32>(left + (<usize>x << 2));
      store<f32>(sums + (<usize>x << 2), sv);
      store<f32>(o + (<usize>x << 2), sv / size);
    }
    li++;
    produced = oi++;
  }
  store<f32>(st, size);
  store<i32>(st, ri + 1, 4);
  store<i32>(st, li, 8);
  store<i32>(st, oi, 12);
  return produced;
}

// @ts-ignore: decorator
@inline export function colDrain(st: usize, sums: usize, n: i32, ring: usize, ringRows: i32, rowBytes: usize, out: usize, outRing: i32): i32 {
  const size = load<f32>(st) - 1;
  const li = load<i32>(st, 8);
  const oi = load<i32>(st, 12);
  const left = ring + <usize>(li % ringRows) * rowBytes;
  const o = out + <usize>(oi % outRing) * rowBytes;
  const d = f32x4.splat(size);
  const vec = n & ~3;
  let x = 0;
  for (; x < vec; x += 4) {
    const sv = f32x4.sub(v128.load(sums + (<usize>x << 2)), v128.load(left + (<usize>x << 2)));
    v128.store(sums + (<usize>x << 2), sv);
    v128.store(o + (<usize>x << 2), f32x4.div(sv, d));
  }
  for (; x < n; x++) {
    const sv = load<f32>(sums + (<usize>x << 2)) - load<f32>(left + (<usize>x << 2));
    store<f32>(sums + (<usize>x << 2), sv);
    store<f32>(o + (<usize>x << 2), sv / size);
  }
  store<f32>(st, size);
  store<i32>(st, li + 1, 8);
  store<i32>(st, oi + 1, 12);
  return oi;
}

