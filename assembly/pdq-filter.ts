// AssemblyScript: compiled to WebAssembly by `npm run build` (asc). PDQ's full-resolution
// steps in IEEE float32, lane for lane what the reference C++ computes in `float` (no FMA,
// no reassociation): luma, and the Jarosz box passes. The JS path (src/media/pdq/) is the
// fallback and the oracle; tests hold both to the same floats.

const LUMA_R: f32 = <f32>0.299;
const LUMA_G: f32 = <f32>0.587;
const LUMA_B: f32 = <f32>0.114;

export function lumaFromRgb(rgb: usize, n: i32, out: usize): void {
  // Four pixels at a time: swizzle each one's R, G and B byte into its own 32-bit lane
  // (index 16 gives 0), convert, then (R*r + G*g) + B*b per lane, as the scalar code.
  const R = f32x4.splat(LUMA_R);
  const G = f32x4.splat(LUMA_G);
  const B = f32x4.splat(LUMA_B);
  const mr = i8x16(0, 16, 16, 16, 3, 16, 16, 16, 6, 16, 16, 16, 9, 16, 16, 16);
  const mg = i8x16(1, 16, 16, 16, 4, 16, 16, 16, 7, 16, 16, 16, 10, 16, 16, 16);
  const mb = i8x16(2, 16, 16, 16, 5, 16, 16, 16, 8, 16, 16, 16, 11, 16, 16, 16);
  let p = 0;
  // The last group reads 16 bytes from 12: stop while 4 more bytes remain in the image.
  for (; p + 6 <= n; p += 4) {
    const v = v128.load(rgb + <usize>(p * 3));
    const r = f32x4.convert_i32x4_u(i8x16.swizzle(v, mr));
    const g = f32x4.convert_i32x4_u(i8x16.swizzle(v, mg));
    const b = f32x4.convert_i32x4_u(i8x16.swizzle(v, mb));
    v128.store(out + (<usize>p << 2), f32x4.add(f32x4.add(f32x4.mul(R, r), f32x4.mul(G, g)), f32x4.mul(B, b)));
  }
  for (; p < n; p++) {
    const i = rgb + <usize>(p * 3);
    const v: f32 = LUMA_R * <f32>load<u8>(i) + LUMA_G * <f32>load<u8>(i + 1) + LUMA_B * <f32>load<u8>(i + 2);
    store<f32>(out + (<usize>p << 2), v);
  }
}

export function lumaFromGrey(grey: usize, n: i32, out: usize): void {
  for (let p = 0; p < n; p++) {
    const g = <f32>load<u8>(grey + <usize>p);
    store<f32>(out + (<usize>p << 2), LUMA_R * g + LUMA_G * g + LUMA_B * g);
  }
}

// @ts-ignore: decorator
@inline function transpose4(a: v128, b: v128, c: v128, d: v128, out: usize, stride: usize): void {
  const t0 = i32x4.shuffle(a, b, 0, 4, 1, 5); // a0 b0 a1 b1
  const t1 = i32x4.shuffle(a, b, 2, 6, 3, 7); // a2 b2 a3 b3
  const t2 = i32x4.shuffle(c, d, 0, 4, 1, 5);
  const t3 = i32x4.shuffle(c, d, 2, 6, 3, 7);
  v128.store(out, i32x4.shuffle(t0, t2, 0, 1, 4, 5));
  v128.store(out + stride, i32x4.shuffle(t0, t2, 2, 3, 6, 7));
  v128.store(out + 2 * stride, i32x4.shuffle(t1, t3, 0, 1, 4, 5));
  v128.store(out + 3 * stride, i32x4.shuffle(t1, t3, 2, 3, 6, 7));
}

// @ts-ignore: decorator
@inline function lumaAt(rgb: usize, pixel: i32): f32 {
  const i = rgb + <usize>(pixel * 3);
  return LUMA_R * <f32>load<u8>(i) + LUMA_G * <f32>load<u8>(i + 1) + LUMA_B * <f32>load<u8>(i + 2);
}

/**
 * The reference's four phases of box1DFloat along a transposed strip of eight rows: two
 * vectors per column (rows 0–3, rows 4–7), one row per lane. Two independent running sums
 * advance together so that one's additions wait on the other's less.
 */
// @ts-ignore: decorator
@inline function runStrip(strip: usize, res: usize, phase1: i32, phase2: i32, phase3: i32, phase4: i32): void {
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

// @ts-ignore: decorator
@inline function lumaVec(v: v128): v128 {
  return f32x4.add(
    f32x4.add(
      f32x4.mul(f32x4.splat(LUMA_R), f32x4.convert_i32x4_u(i8x16.swizzle(v, i8x16(0, 16, 16, 16, 3, 16, 16, 16, 6, 16, 16, 16, 9, 16, 16, 16)))),
      f32x4.mul(f32x4.splat(LUMA_G), f32x4.convert_i32x4_u(i8x16.swizzle(v, i8x16(1, 16, 16, 16, 4, 16, 16, 16, 7, 16, 16, 16, 10, 16, 16, 16)))),
    ),
    f32x4.mul(f32x4.splat(LUMA_B), f32x4.convert_i32x4_u(i8x16.swizzle(v, i8x16(2, 16, 16, 16, 5, 16, 16, 16, 8, 16, 16, 16, 11, 16, 16, 16)))),
  );
}

/**
 * One whole Jarosz pass (the reference's box1DFloat along every row, then along every
 * column), streamed. Each strip of four rows is transposed (4×4 blocks) so that one SIMD lane
 * carries one row, box-filtered along the rows (four divisions per instruction), and
 * transposed back into a ring of the last `ringRows` filtered rows; the column sums (four
 * columns per vector) advance over those rows at once. The row-filtered image never goes to
 * memory: one read of the source and one write of the result per pass, where separate row and
 * column passes took two of each. Every lane does the reference's operations in its order, so
 * the floats are the JavaScript path's exactly (a property test holds them equal).
 * `rgb`: the source is 8-bit RGB and luma is computed on the way in (first pass).
 * `ringRows` is a multiple of eight, at least `windowAlongCols + 8`; `sums` holds cols + 4
 * floats; `scratch` 2 × (cols + 4) × 32 bytes.
 */
export function jaroszPass(src: usize, rgb: bool, dst: usize, rows: i32, cols: i32, wr: i32, wc: i32, scratch: usize, ring: usize, ringRows: i32, sums: usize): void {
  const half = (wr + 2) / 2;
  const p1 = half - 1;
  const p2 = wr - half + 1;
  const p3 = cols - wr;
  const p4 = half - 1;
  const chalf = (wc + 2) / 2;
  const c1 = chalf - 1;
  const c2 = wc - chalf + 1;
  const strip = scratch;
  const res = scratch + (<usize>(cols + 4) << 5);
  const vecCols = cols & ~3;
  const rowBytes = <usize>cols << 2;
  memory.fill(sums, 0, <usize>((cols + 4) << 2));
  let size: f32 = 0;
  let li = 0;
  let oi = 0;
  for (let r = 0; r < rows; r += 8) {
    const k = min(8, rows - r);
    // Row pass for rows r..r+k-1 into the transposed strip (32 bytes a column), then along it.
    let c = 0;
    if (k === 8) {
      for (let g = 0; g < 2; g++) {
        const rg = r + 4 * g;
        const half16 = <usize>(g << 4);
        c = 0;
        if (rgb) {
          for (; c < vecCols; c += 4) {
            const p0 = rg * cols + c;
            transpose4(lumaVec(v128.load(src + <usize>(p0 * 3))), lumaVec(v128.load(src + <usize>((p0 + cols) * 3))), lumaVec(v128.load(src + <usize>((p0 + 2 * cols) * 3))), lumaVec(v128.load(src + <usize>((p0 + 3 * cols) * 3))), strip + (<usize>c << 5) + half16, 32);
          }
        } else {
          const b0 = src + (<usize>(rg * cols) << 2);
          for (; c < vecCols; c += 4) {
            const o = <usize>c << 2;
            transpose4(v128.load(b0 + o), v128.load(b0 + rowBytes + o), v128.load(b0 + 2 * rowBytes + o), v128.load(b0 + 3 * rowBytes + o), strip + (<usize>c << 5) + half16, 32);
          }
        }
      }
    }
    for (; c < cols; c++) {
      // Columns past the last block of four, and every column of a last strip under eight rows.
      for (let j = 0; j < 8; j++) {
        const px = (r + j) * cols + c;
        const x: f32 = j >= k ? 0 : rgb ? lumaAt(src, px) : load<f32>(src + (<usize>px << 2));
        store<f32>(strip + (<usize>c << 5) + (<usize>j << 2), x);
      }
    }
    runStrip(strip, res, p1, p2, p3, p4);
    // Into the ring: rows r..r+7 land in eight consecutive slots (ringRows and r are multiples of 8).
    const o0 = ring + (<usize>(r % ringRows) * rowBytes);
    c = 0;
    if (k === 8) {
      for (let g = 0; g < 2; g++) {
        const og = o0 + <usize>(4 * g) * rowBytes;
        const half16 = <usize>(g << 4);
        for (c = 0; c < vecCols; c += 4) {
          const at4 = res + (<usize>c << 5) + half16;
          transpose4(v128.load(at4), v128.load(at4 + 32), v128.load(at4 + 64), v128.load(at4 + 96), og + (<usize>c << 2), rowBytes);
        }
      }
    }
    for (; c < cols; c++) {
      for (let j = 0; j < k; j++) store<f32>(o0 + <usize>j * rowBytes + (<usize>c << 2), load<f32>(res + (<usize>c << 5) + (<usize>j << 2)));
    }
    // Column pass over the new rows, in the phases of boxCols.
    for (let j = 0; j < k; j++) {
      const ri = r + j;
      const row = ring + (<usize>(ri % ringRows) * rowBytes);
      if (ri < c1) {
        size += 1;
        let x = 0;
        for (; x < vecCols; x += 4) v128.store(sums + (<usize>x << 2), f32x4.add(v128.load(sums + (<usize>x << 2)), v128.load(row + (<usize>x << 2))));
        for (; x < cols; x++) store<f32>(sums + (<usize>x << 2), load<f32>(sums + (<usize>x << 2)) + load<f32>(row + (<usize>x << 2)));
      } else if (ri < c1 + c2) {
        size += 1;
        const out = dst + (<usize>oi * rowBytes);
        const d = f32x4.splat(size);
        let x = 0;
        for (; x < vecCols; x += 4) {
          const sv = f32x4.add(v128.load(sums + (<usize>x << 2)), v128.load(row + (<usize>x << 2)));
          v128.store(sums + (<usize>x << 2), sv);
          v128.store(out + (<usize>x << 2), f32x4.div(sv, d));
        }
        for (; x < cols; x++) {
          const sv = load<f32>(sums + (<usize>x << 2)) + load<f32>(row + (<usize>x << 2));
          store<f32>(sums + (<usize>x << 2), sv);
          store<f32>(out + (<usize>x << 2), sv / size);
        }
        oi++;
      } else {
        const left = ring + (<usize>(li % ringRows) * rowBytes);
        const out = dst + (<usize>oi * rowBytes);
        const d = f32x4.splat(size);
        let x = 0;
        for (; x < vecCols; x += 4) {
          const sv = f32x4.sub(f32x4.add(v128.load(sums + (<usize>x << 2)), v128.load(row + (<usize>x << 2))), v128.load(left + (<usize>x << 2)));
          v128.store(sums + (<usize>x << 2), sv);
          v128.store(out + (<usize>x << 2), f32x4.div(sv, d));
        }
        for (; x < cols; x++) {
          const sv = load<f32>(sums + (<usize>x << 2)) + load<f32>(row + (<usize>x << 2)) - load<f32>(left + (<usize>x << 2));
          store<f32>(sums + (<usize>x << 2), sv);
          store<f32>(out + (<usize>x << 2), sv / size);
        }
        li++;
        oi++;
      }
    }
  }
  // Phase four of the columns: the last rows leave the window.
  for (let i = 0; i < c1; i++, li++, oi++) {
    size -= 1;
    const left = ring + (<usize>(li % ringRows) * rowBytes);
    const out = dst + (<usize>oi * rowBytes);
    const d = f32x4.splat(size);
    let x = 0;
    for (; x < vecCols; x += 4) {
      const sv = f32x4.sub(v128.load(sums + (<usize>x << 2)), v128.load(left + (<usize>x << 2)));
      v128.store(sums + (<usize>x << 2), sv);
      v128.store(out + (<usize>x << 2), f32x4.div(sv, d));
    }
    for (; x < cols; x++) {
      const sv = load<f32>(sums + (<usize>x << 2)) - load<f32>(left + (<usize>x << 2));
      store<f32>(sums + (<usize>x << 2), sv);
      store<f32>(out + (<usize>x << 2), sv / size);
    }
  }
}
