// The column pass, one row at a time over a ring of row-filtered rows (see pdq64).
import { transpose4 } from './strip';

/*
 * Column-pass state for the streamed pipeline, kept in memory (no allocation in this module):
 * [size f32, ri i32, li i32, oi i32]. `colPush` takes input row ri (already in `ring`) and
 * returns the output row it completed (written at `out`, slot (oi + outShift) % outRing) or −1;
 * `colDrain` completes one of the last rows.
 */
// @ts-ignore: decorator
@inline export function colPush(st: usize, sums: usize, n: i32, c1: i32, c2: i32, ring: usize, ringRows: i32, rowBytes: usize, out: usize, outRing: i32, outShift: i32): i32 {
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
    const o = out + <usize>((oi + outShift) % outRing) * rowBytes;
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
    const o = out + <usize>((oi + outShift) % outRing) * rowBytes;
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
@inline export function colDrain(st: usize, sums: usize, n: i32, ring: usize, ringRows: i32, rowBytes: usize, out: usize, outRing: i32, outShift: i32): i32 {
  const size = load<f32>(st) - 1;
  const li = load<i32>(st, 8);
  const oi = load<i32>(st, 12);
  const left = ring + <usize>(li % ringRows) * rowBytes;
  const o = out + <usize>((oi + outShift) % outRing) * rowBytes;
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


/**
 * Eight steady-state steps of `colPush` at once (input rows ri..ri+7, ri a multiple of eight,
 * all past the window's growth): the same additions in the same order, with each column's
 * running sum kept in a register across the eight rows, and the eight output rows written
 * transposed straight into a strip (one row per lane, as `fillStrip` lays it out) for the
 * next pass instead of into rows that would be transposed again.
 */
// @ts-ignore: decorator
@inline export function colSteady8(st: usize, sums: usize, n: i32, ring: usize, ringRows: i32, rowBytes: usize, strip: usize): void {
  const size = load<f32>(st);
  const ri = load<i32>(st, 4);
  const li = load<i32>(st, 8);
  const oi = load<i32>(st, 12);
  const r0 = ring + <usize>(ri % ringRows) * rowBytes;
  const l0 = ring + <usize>(li % ringRows) * rowBytes;
  const l1 = ring + <usize>((li + 1) % ringRows) * rowBytes;
  const l2 = ring + <usize>((li + 2) % ringRows) * rowBytes;
  const l3 = ring + <usize>((li + 3) % ringRows) * rowBytes;
  const l4 = ring + <usize>((li + 4) % ringRows) * rowBytes;
  const l5 = ring + <usize>((li + 5) % ringRows) * rowBytes;
  const l6 = ring + <usize>((li + 6) % ringRows) * rowBytes;
  const l7 = ring + <usize>((li + 7) % ringRows) * rowBytes;
  const d = f32x4.splat(size);
  const vec8 = n & ~7;
  let x = 0;
  // Two column blocks per step: each block's eight additions are one dependent chain, and
  // two chains side by side keep the adder busy while the other waits.
  for (; x < vec8; x += 8) {
    const b = <usize>x << 2;
    let sv = v128.load(sums + b);
    let sw = v128.load(sums + b + 16);
    sv = f32x4.sub(f32x4.add(sv, v128.load(r0 + b)), v128.load(l0 + b));
    sw = f32x4.sub(f32x4.add(sw, v128.load(r0 + b + 16)), v128.load(l0 + b + 16));
    const o0 = f32x4.div(sv, d);
    const p0 = f32x4.div(sw, d);
    sv = f32x4.sub(f32x4.add(sv, v128.load(r0 + rowBytes + b)), v128.load(l1 + b));
    sw = f32x4.sub(f32x4.add(sw, v128.load(r0 + rowBytes + b + 16)), v128.load(l1 + b + 16));
    const o1 = f32x4.div(sv, d);
    const p1 = f32x4.div(sw, d);
    sv = f32x4.sub(f32x4.add(sv, v128.load(r0 + 2 * rowBytes + b)), v128.load(l2 + b));
    sw = f32x4.sub(f32x4.add(sw, v128.load(r0 + 2 * rowBytes + b + 16)), v128.load(l2 + b + 16));
    const o2 = f32x4.div(sv, d);
    const p2 = f32x4.div(sw, d);
    sv = f32x4.sub(f32x4.add(sv, v128.load(r0 + 3 * rowBytes + b)), v128.load(l3 + b));
    sw = f32x4.sub(f32x4.add(sw, v128.load(r0 + 3 * rowBytes + b + 16)), v128.load(l3 + b + 16));
    const o3 = f32x4.div(sv, d);
    const p3 = f32x4.div(sw, d);
    sv = f32x4.sub(f32x4.add(sv, v128.load(r0 + 4 * rowBytes + b)), v128.load(l4 + b));
    sw = f32x4.sub(f32x4.add(sw, v128.load(r0 + 4 * rowBytes + b + 16)), v128.load(l4 + b + 16));
    const o4 = f32x4.div(sv, d);
    const p4 = f32x4.div(sw, d);
    sv = f32x4.sub(f32x4.add(sv, v128.load(r0 + 5 * rowBytes + b)), v128.load(l5 + b));
    sw = f32x4.sub(f32x4.add(sw, v128.load(r0 + 5 * rowBytes + b + 16)), v128.load(l5 + b + 16));
    const o5 = f32x4.div(sv, d);
    const p5 = f32x4.div(sw, d);
    sv = f32x4.sub(f32x4.add(sv, v128.load(r0 + 6 * rowBytes + b)), v128.load(l6 + b));
    sw = f32x4.sub(f32x4.add(sw, v128.load(r0 + 6 * rowBytes + b + 16)), v128.load(l6 + b + 16));
    const o6 = f32x4.div(sv, d);
    const p6 = f32x4.div(sw, d);
    sv = f32x4.sub(f32x4.add(sv, v128.load(r0 + 7 * rowBytes + b)), v128.load(l7 + b));
    sw = f32x4.sub(f32x4.add(sw, v128.load(r0 + 7 * rowBytes + b + 16)), v128.load(l7 + b + 16));
    const o7 = f32x4.div(sv, d);
    const p7 = f32x4.div(sw, d);
    v128.store(sums + b, sv);
    v128.store(sums + b + 16, sw);
    const at = strip + (<usize>x << 5);
    transpose4(o0, o1, o2, o3, at, 32);
    transpose4(o4, o5, o6, o7, at + 16, 32);
    transpose4(p0, p1, p2, p3, at + 128, 32);
    transpose4(p4, p5, p6, p7, at + 144, 32);
  }
  // The last 0–7 columns one at a time (a few per strip).
  for (; x < n; x++) {
    const b = <usize>x << 2;
    let sv = load<f32>(sums + b);
    for (let j = 0; j < 8; j++) {
      const left = ring + <usize>((li + j) % ringRows) * rowBytes;
      sv = sv + load<f32>(r0 + <usize>j * rowBytes + b) - load<f32>(left + b);
      store<f32>(strip + (<usize>x << 5) + (<usize>j << 2), sv / size);
    }
    store<f32>(sums + b, sv);
  }
  store<i32>(st, ri + 8, 4);
  store<i32>(st, li + 8, 8);
  store<i32>(st, oi + 8, 12);
}
