// The row pass on a transposed strip of eight rows: one row per SIMD lane (see pdq64).
import { lumaAt, lumaVec } from './luma';

// @ts-ignore: decorator
@inline export function transpose4(a: v128, b: v128, c: v128, d: v128, out: usize, stride: usize): void {
  const t0 = i32x4.shuffle(a, b, 0, 4, 1, 5); // a0 b0 a1 b1
  const t1 = i32x4.shuffle(a, b, 2, 6, 3, 7); // a2 b2 a3 b3
  const t2 = i32x4.shuffle(c, d, 0, 4, 1, 5);
  const t3 = i32x4.shuffle(c, d, 2, 6, 3, 7);
  v128.store(out, i32x4.shuffle(t0, t2, 0, 1, 4, 5));
  v128.store(out + stride, i32x4.shuffle(t0, t2, 2, 3, 6, 7));
  v128.store(out + 2 * stride, i32x4.shuffle(t1, t3, 0, 1, 4, 5));
  v128.store(out + 3 * stride, i32x4.shuffle(t1, t3, 2, 3, 6, 7));
}


/**
 * The reference's four phases of box1DFloat along a transposed strip of eight rows: two
 * vectors per column (rows 0–3, rows 4–7), one row per lane. Two independent running sums
 * advance together so that one's additions wait on the other's less.
 */
// @ts-ignore: decorator
@inline export function runStrip(strip: usize, res: usize, phase1: i32, phase2: i32, phase3: i32, phase4: i32): void {
  let s0 = f32x4.splat(0);
  let s1 = f32x4.splat(0);
  let size: f32 = 0;
  let ri = 0, li = 0, oi = 0;
  for (let i = 0; i < phase1; i++, ri++) {
    const a = strip + (<usize>ri << 5);
    s0 = f32x4.add(s0, v128.load(a));
    s1 = f32x4.add(s1, v128.load(a + 16));
    size += 1;
  }
  for (let i = 0; i < phase2; i++, ri++, oi++) {
    size += 1;
    const a = strip + (<usize>ri << 5);
    s0 = f32x4.add(s0, v128.load(a));
    s1 = f32x4.add(s1, v128.load(a + 16));
    const d = f32x4.splat(size);
    const o = res + (<usize>oi << 5);
    v128.store(o, f32x4.div(s0, d));
    v128.store(o + 16, f32x4.div(s1, d));
  }
  const d3 = f32x4.splat(size);
  for (let i = 0; i < phase3; i++, ri++, li++, oi++) {
    const a = strip + (<usize>ri << 5);
    const b = strip + (<usize>li << 5);
    s0 = f32x4.sub(f32x4.add(s0, v128.load(a)), v128.load(b));
    s1 = f32x4.sub(f32x4.add(s1, v128.load(a + 16)), v128.load(b + 16));
    const o = res + (<usize>oi << 5);
    v128.store(o, f32x4.div(s0, d3));
    v128.store(o + 16, f32x4.div(s1, d3));
  }
  for (let i = 0; i < phase4; i++, li++, oi++) {
    size -= 1;
    const b = strip + (<usize>li << 5);
    s0 = f32x4.sub(s0, v128.load(b));
    s1 = f32x4.sub(s1, v128.load(b + 16));
    const d = f32x4.splat(size);
    const o = res + (<usize>oi << 5);
    v128.store(o, f32x4.div(s0, d));
    v128.store(o + 16, f32x4.div(s1, d));
  }
}


/**
 * As `runStrip`, but dividing and storing only at the columns `colMap` names (index, or −1).
 * A copy rather than one function with an identity map: pass one would then pay a load and a
 * branch on every column of every strip.
 */
// @ts-ignore: decorator
@inline export function runStripSampled(strip: usize, res: usize, phase1: i32, phase2: i32, phase3: i32, phase4: i32, colMap: usize): void {
  let s0 = f32x4.splat(0);
  let s1 = f32x4.splat(0);
  let size: f32 = 0;
  let ri = 0, li = 0, oi = 0;
  for (let i = 0; i < phase1; i++, ri++) {
    const a = strip + (<usize>ri << 5);
    s0 = f32x4.add(s0, v128.load(a));
    s1 = f32x4.add(s1, v128.load(a + 16));
    size += 1;
  }
  for (let i = 0; i < phase2; i++, ri++, oi++) {
    size += 1;
    const a = strip + (<usize>ri << 5);
    s0 = f32x4.add(s0, v128.load(a));
    s1 = f32x4.add(s1, v128.load(a + 16));
    const d = load<i32>(colMap + (<usize>oi << 2));
    if (d >= 0) {
      const o = res + (<usize>d << 5);
      v128.store(o, f32x4.div(s0, f32x4.splat(size)));
      v128.store(o + 16, f32x4.div(s1, f32x4.splat(size)));
    }
  }
  const d3 = f32x4.splat(size);
  for (let i = 0; i < phase3; i++, ri++, li++, oi++) {
    const a = strip + (<usize>ri << 5);
    const b = strip + (<usize>li << 5);
    s0 = f32x4.sub(f32x4.add(s0, v128.load(a)), v128.load(b));
    s1 = f32x4.sub(f32x4.add(s1, v128.load(a + 16)), v128.load(b + 16));
    const d = load<i32>(colMap + (<usize>oi << 2));
    if (d >= 0) {
      const o = res + (<usize>d << 5);
      v128.store(o, f32x4.div(s0, d3));
      v128.store(o + 16, f32x4.div(s1, d3));
    }
  }
  for (let i = 0; i < phase4; i++, li++, oi++) {
    size -= 1;
    const b = strip + (<usize>li << 5);
    s0 = f32x4.sub(s0, v128.load(b));
    s1 = f32x4.sub(s1, v128.load(b + 16));
    const d = load<i32>(colMap + (<usize>oi << 2));
    if (d >= 0) {
      const o = res + (<usize>d << 5);
      v128.store(o, f32x4.div(s0, f32x4.splat(size)));
      v128.store(o + 16, f32x4.div(s1, f32x4.splat(size)));
    }
  }
}


/** Rows r..r+k−1 (k ≤ 8) of a source into the transposed strip: RGB (luma on the way) or floats with a row pitch. */
// @ts-ignore: decorator
@inline export function fillStrip(src: usize, rgb: bool, firstRow: i32, k: i32, cols: i32, rowBytes: usize, strip: usize): void {
  const vecCols = cols & ~3;
  let c = 0;
  if (k === 8) {
    for (let g = 0; g < 2; g++) {
      const rg = firstRow + 4 * g;
      const half16 = <usize>(g << 4);
      c = 0;
      if (rgb) {
        for (; c < vecCols; c += 4) {
          const p0 = rg * cols + c;
          transpose4(lumaVec(v128.load(src + <usize>(p0 * 3))), lumaVec(v128.load(src + <usize>((p0 + cols) * 3))), lumaVec(v128.load(src + <usize>((p0 + 2 * cols) * 3))), lumaVec(v128.load(src + <usize>((p0 + 3 * cols) * 3))), strip + (<usize>c << 5) + half16, 32);
        }
      } else {
        const b0 = src + <usize>rg * rowBytes;
        for (; c < vecCols; c += 4) {
          const o = <usize>c << 2;
          transpose4(v128.load(b0 + o), v128.load(b0 + rowBytes + o), v128.load(b0 + 2 * rowBytes + o), v128.load(b0 + 3 * rowBytes + o), strip + (<usize>c << 5) + half16, 32);
        }
      }
    }
  }
  for (; c < cols; c++) {
    for (let j = 0; j < 8; j++) {
      const row = firstRow + j;
      const x: f32 = j >= k ? 0 : rgb ? lumaAt(src, row * cols + c) : load<f32>(src + <usize>row * rowBytes + (<usize>c << 2));
      store<f32>(strip + (<usize>c << 5) + (<usize>j << 2), x);
    }
  }
}

