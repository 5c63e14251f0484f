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
@inline function at(base: usize, index: i32): usize {
  return base + (<usize>index << 2);
}

/** One row pass (reference box1DFloat along each row), four rows advanced together. */
export function boxRows(input: usize, output: usize, rows: i32, cols: i32, window: i32): void {
  const half = (window + 2) / 2;
  const phase1 = half - 1;
  const phase2 = window - half + 1;
  const phase3 = cols - window;
  const phase4 = half - 1;
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const b0 = r * cols;
    const b1 = b0 + cols;
    const b2 = b1 + cols;
    const b3 = b2 + cols;
    let s0: f32 = 0, s1: f32 = 0, s2: f32 = 0, s3: f32 = 0;
    let ri = 0, li = 0, oi = 0;
    let size: f32 = 0;
    for (let i = 0; i < phase1; i++, ri++) {
      s0 += load<f32>(at(input, b0 + ri)); s1 += load<f32>(at(input, b1 + ri)); s2 += load<f32>(at(input, b2 + ri)); s3 += load<f32>(at(input, b3 + ri));
      size += 1;
    }
    for (let i = 0; i < phase2; i++, ri++, oi++) {
      size += 1;
      s0 += load<f32>(at(input, b0 + ri)); s1 += load<f32>(at(input, b1 + ri)); s2 += load<f32>(at(input, b2 + ri)); s3 += load<f32>(at(input, b3 + ri));
      store<f32>(at(output, b0 + oi), s0 / size); store<f32>(at(output, b1 + oi), s1 / size); store<f32>(at(output, b2 + oi), s2 / size); store<f32>(at(output, b3 + oi), s3 / size);
    }
    for (let i = 0; i < phase3; i++, ri++, li++, oi++) {
      s0 = s0 + load<f32>(at(input, b0 + ri)) - load<f32>(at(input, b0 + li));
      s1 = s1 + load<f32>(at(input, b1 + ri)) - load<f32>(at(input, b1 + li));
      s2 = s2 + load<f32>(at(input, b2 + ri)) - load<f32>(at(input, b2 + li));
      s3 = s3 + load<f32>(at(input, b3 + ri)) - load<f32>(at(input, b3 + li));
      store<f32>(at(output, b0 + oi), s0 / size); store<f32>(at(output, b1 + oi), s1 / size); store<f32>(at(output, b2 + oi), s2 / size); store<f32>(at(output, b3 + oi), s3 / size);
    }
    for (let i = 0; i < phase4; i++, li++, oi++) {
      size -= 1;
      s0 -= load<f32>(at(input, b0 + li)); s1 -= load<f32>(at(input, b1 + li)); s2 -= load<f32>(at(input, b2 + li)); s3 -= load<f32>(at(input, b3 + li));
      store<f32>(at(output, b0 + oi), s0 / size); store<f32>(at(output, b1 + oi), s1 / size); store<f32>(at(output, b2 + oi), s2 / size); store<f32>(at(output, b3 + oi), s3 / size);
    }
  }
  for (; r < rows; r++) {
    const b = r * cols;
    let s: f32 = 0;
    let ri = 0, li = 0, oi = 0;
    let size: f32 = 0;
    for (let i = 0; i < phase1; i++, ri++) { s += load<f32>(at(input, b + ri)); size += 1; }
    for (let i = 0; i < phase2; i++, ri++, oi++) { size += 1; s += load<f32>(at(input, b + ri)); store<f32>(at(output, b + oi), s / size); }
    for (let i = 0; i < phase3; i++, ri++, li++, oi++) { s = s + load<f32>(at(input, b + ri)) - load<f32>(at(input, b + li)); store<f32>(at(output, b + oi), s / size); }
    for (let i = 0; i < phase4; i++, li++, oi++) { size -= 1; s -= load<f32>(at(input, b + li)); store<f32>(at(output, b + oi), s / size); }
  }
}

/**
 * One column pass, four columns per SIMD vector: each lane is one column's running sum with
 * the reference's operations in order; f32x4 arithmetic is IEEE float32 per lane.
 * `sums` is scratch for `cols` floats (rounded up to a multiple of 4).
 */
export function boxCols(input: usize, output: usize, rows: i32, cols: i32, window: i32, sums: usize): void {
  const half = (window + 2) / 2;
  const phase1 = half - 1;
  const phase2 = window - half + 1;
  const phase3 = rows - window;
  const phase4 = half - 1;
  const vecCols = cols & ~3;
  memory.fill(sums, 0, <usize>((cols + 4) << 2));
  let size: f32 = 0;
  let ri = 0, li = 0, oi = 0;
  for (let i = 0; i < phase1; i++, ri++) {
    const row = ri * cols;
    let c = 0;
    for (; c < vecCols; c += 4) v128.store(at(sums, c), f32x4.add(v128.load(at(sums, c)), v128.load(at(input, row + c))));
    for (; c < cols; c++) store<f32>(at(sums, c), load<f32>(at(sums, c)) + load<f32>(at(input, row + c)));
    size += 1;
  }
  for (let i = 0; i < phase2; i++, ri++, oi++) {
    size += 1;
    const row = ri * cols;
    const out = oi * cols;
    const d = f32x4.splat(size);
    let c = 0;
    for (; c < vecCols; c += 4) {
      const s = f32x4.add(v128.load(at(sums, c)), v128.load(at(input, row + c)));
      v128.store(at(sums, c), s);
      v128.store(at(output, out + c), f32x4.div(s, d));
    }
    for (; c < cols; c++) {
      const s = load<f32>(at(sums, c)) + load<f32>(at(input, row + c));
      store<f32>(at(sums, c), s);
      store<f32>(at(output, out + c), s / size);
    }
  }
  const d3 = f32x4.splat(size);
  for (let i = 0; i < phase3; i++, ri++, li++, oi++) {
    const row = ri * cols;
    const left = li * cols;
    const out = oi * cols;
    let c = 0;
    for (; c < vecCols; c += 4) {
      const s = f32x4.sub(f32x4.add(v128.load(at(sums, c)), v128.load(at(input, row + c))), v128.load(at(input, left + c)));
      v128.store(at(sums, c), s);
      v128.store(at(output, out + c), f32x4.div(s, d3));
    }
    for (; c < cols; c++) {
      const s = load<f32>(at(sums, c)) + load<f32>(at(input, row + c)) - load<f32>(at(input, left + c));
      store<f32>(at(sums, c), s);
      store<f32>(at(output, out + c), s / size);
    }
  }
  for (let i = 0; i < phase4; i++, li++, oi++) {
    size -= 1;
    const left = li * cols;
    const out = oi * cols;
    const d = f32x4.splat(size);
    let c = 0;
    for (; c < vecCols; c += 4) {
      const s = f32x4.sub(v128.load(at(sums, c)), v128.load(at(input, left + c)));
      v128.store(at(sums, c), s);
      v128.store(at(output, out + c), f32x4.div(s, d));
    }
    for (; c < cols; c++) {
      const s = load<f32>(at(sums, c)) - load<f32>(at(input, left + c));
      store<f32>(at(sums, c), s);
      store<f32>(at(output, out + c), s / size);
    }
  }
}
