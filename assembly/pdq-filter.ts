// AssemblyScript: compiled to WebAssembly by `npm run build` (asc). PDQ's full-resolution
// steps in IEEE float32, lane for lane what the reference C++ computes in `float` (no FMA,
// no reassociation): luma, the two Jarosz box passes and the 64×64 decimation, streamed
// (`pdq64`). The JS path (src/media/pdq/) is the fallback and the oracle; tests hold both to
// the same floats.

const LUMA_R: f32 = <f32>0.299;
const LUMA_G: f32 = <f32>0.587;
const LUMA_B: f32 = <f32>0.114;

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
  // Constant shuffles (one pshufb each) and signed conversion (one cvtdq2ps; the bytes are
  // 0..255, so signed and unsigned agree): swizzle and unsigned conversion cost several
  // instructions each on x86, and this runs once per four pixels of every image.
  const z = i32x4.splat(0);
  const r = f32x4.convert_i32x4_s(i8x16.shuffle(v, z, 0, 16, 16, 16, 3, 16, 16, 16, 6, 16, 16, 16, 9, 16, 16, 16));
  const g = f32x4.convert_i32x4_s(i8x16.shuffle(v, z, 1, 16, 16, 16, 4, 16, 16, 16, 7, 16, 16, 16, 10, 16, 16, 16));
  const b = f32x4.convert_i32x4_s(i8x16.shuffle(v, z, 2, 16, 16, 16, 5, 16, 16, 16, 8, 16, 16, 16, 11, 16, 16, 16));
  return f32x4.add(f32x4.add(f32x4.mul(f32x4.splat(LUMA_R), r), f32x4.mul(f32x4.splat(LUMA_G), g)), f32x4.mul(f32x4.splat(LUMA_B), b));
}


/**
 * As `runStrip`, but dividing and storing only at the columns `colMap` names (index, or −1).
 * A copy rather than one function with an identity map: pass one would then pay a load and a
 * branch on every column of every strip.
 */
// @ts-ignore: decorator
@inline function runStripSampled(strip: usize, res: usize, phase1: i32, phase2: i32, phase3: i32, phase4: i32, colMap: usize): void {
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
@inline function fillStrip(src: usize, rgb: bool, firstRow: i32, k: i32, cols: i32, rowBytes: usize, strip: usize): void {
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

/*
 * Column-pass state for the streamed pipeline, kept in memory (no allocation in this module):
 * [size f32, ri i32, li i32, oi i32]. `colPush` takes input row ri (already in `ring`) and
 * returns the output row it completed (written at `out`, slot oi % outRing) or −1;
 * `colDrain` completes one of the last rows.
 */
// @ts-ignore: decorator
@inline function colPush(st: usize, sums: usize, n: i32, c1: i32, c2: i32, ring: usize, ringRows: i32, rowBytes: usize, out: usize, outRing: i32): i32 {
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
@inline function colDrain(st: usize, sums: usize, n: i32, ring: usize, ringRows: i32, rowBytes: usize, out: usize, outRing: i32): i32 {
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

const D_BYTES: usize = 256; // a pass-two row: at most 64 sampled columns

/** Bytes of work memory `pdq64` needs after its output (the layout below, kept in one place). */
export function pdq64WorkBytes(rows: i32, cols: i32, wc: i32): i32 {
  const ringRows = (wc + 15) & ~7;
  return 2 * (cols + 4) * 32 + ringRows * cols * 4 + (cols + 4) * 4 + 8 * cols * 4 + ringRows * <i32>D_BYTES + 68 * 4 + cols * 4 + 256 + 256 + 32 + <i32>D_BYTES + 64;
}

function emitRows(o: i32, rowList: usize, nextI: i32, tmpRow: usize, jToD: usize, out64: usize): i32 {
  while (nextI < 64 && load<i32>(rowList + (<usize>nextI << 2)) === o) {
    for (let j = 0; j < 64; j++) store<f32>(out64 + (<usize>(nextI * 64 + j) << 2), load<f32>(tmpRow + (<usize>load<i32>(jToD + (<usize>j << 2)) << 2)));
    nextI++;
  }
  return nextI;
}

/** Pass two for pass-one rows first..first+k−1 (in ringB slots 0..k−1): rows at the sampled columns, then their columns. */
function stageTwo(first: i32, k: i32, cols: i32, rowBytes: usize, ringB: usize, strip: usize, res: usize, p1: i32, p2: i32, p3: i32, p4: i32, colMap: usize, dCols: i32, c1: i32, c2: i32, ringC: usize, ringRows: i32, sumsC: usize, stC: usize, tmpRow: usize, rowList: usize, nextI: i32, jToD: usize, out64: usize): i32 {
  fillStrip(ringB, false, 0, k, cols, rowBytes, strip);
  runStripSampled(strip, res, p1, p2, p3, p4, colMap);
  for (let j = 0; j < k; j++) {
    const dest = ringC + <usize>((first + j) % ringRows) * D_BYTES;
    for (let d = 0; d < dCols; d++) store<f32>(dest + (<usize>d << 2), load<f32>(res + (<usize>d << 5) + (<usize>j << 2)));
    const o = colPush(stC, sumsC, dCols, c1, c2, ringC, ringRows, D_BYTES, tmpRow, 1);
    if (o >= 0) nextI = emitRows(o, rowList, nextI, tmpRow, jToD, out64);
  }
  return nextI;
}

/**
 * PDQ's two Jarosz passes and its 64×64 decimation in one stream, into `out64`: pass one as
 * `jaroszPass` (rows through the transposed strip into a ring, columns over the ring), its
 * output rows fed eight at a time to pass two, which divides only at the 64 columns the
 * decimation samples (its running sums still cross every column, as the reference's do) and
 * runs its column sums over those columns only, keeping the 64 sampled rows. Neither
 * filtered image is ever written: the source is read once. Floats identical to filtering
 * in full and then sampling (tests hold them equal).
 */
export function pdq64(src: usize, rgb: bool, rows: i32, cols: i32, wr: i32, wc: i32, out64: usize, work: usize): void {
  const half = (wr + 2) / 2;
  const p1 = half - 1;
  const p2 = wr - half + 1;
  const p3 = cols - wr;
  const p4 = half - 1;
  const chalf = (wc + 2) / 2;
  const c1 = chalf - 1;
  const c2 = wc - chalf + 1;
  const rowBytes = <usize>cols << 2;
  const ringRows = (wc + 15) & ~7;
  const strip = work;
  const res = strip + (<usize>(cols + 4) << 5);
  const ringA = res + (<usize>(cols + 4) << 5);
  const sumsA = ringA + <usize>ringRows * rowBytes;
  const ringB = sumsA + (<usize>(cols + 4) << 2);
  const ringC = ringB + 8 * rowBytes;
  const sumsC = ringC + <usize>ringRows * D_BYTES;
  const colMap = sumsC + 68 * 4;
  const jToD = colMap + (<usize>cols << 2);
  const rowList = jToD + 256;
  const stA = rowList + 256;
  const stC = stA + 16;
  const tmpRow = stC + 16;
  memory.fill(sumsA, 0, <usize>((cols + 4) << 2));
  memory.fill(sumsC, 0, 68 * 4);
  memory.fill(stA, 0, 32);
  memory.fill(colMap, 0xff, <usize>cols << 2); // −1: not sampled
  let dCols = 0;
  let prev = -1;
  for (let j = 0; j < 64; j++) {
    const inj = <i32>(((<f64>j + 0.5) * <f64>cols) / 64.0);
    if (inj !== prev) {
      store<i32>(colMap + (<usize>inj << 2), dCols);
      dCols++;
      prev = inj;
    }
    store<i32>(jToD + (<usize>j << 2), dCols - 1);
    store<i32>(rowList + (<usize>j << 2), <i32>(((<f64>j + 0.5) * <f64>rows) / 64.0));
  }
  let nextI = 0;
  let produced = 0;
  const vecCols = cols & ~3;
  for (let r = 0; r < rows; r += 8) {
    const k = min(8, rows - r);
    fillStrip(src, rgb, r, k, cols, rowBytes, strip);
    runStrip(strip, res, p1, p2, p3, p4);
    const o0 = ringA + <usize>(r % ringRows) * rowBytes;
    let c = 0;
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
    for (let j = 0; j < k; j++) {
      const o = colPush(stA, sumsA, cols, c1, c2, ringA, ringRows, rowBytes, ringB, 8);
      if (o >= 0) {
        produced++;
        if ((o & 7) === 7) nextI = stageTwo(o - 7, 8, cols, rowBytes, ringB, strip, res, p1, p2, p3, p4, colMap, dCols, c1, c2, ringC, ringRows, sumsC, stC, tmpRow, rowList, nextI, jToD, out64);
      }
    }
  }
  for (let i = 0; i < c1; i++) {
    const o = colDrain(stA, sumsA, cols, ringA, ringRows, rowBytes, ringB, 8);
    produced++;
    if ((o & 7) === 7) nextI = stageTwo(o - 7, 8, cols, rowBytes, ringB, strip, res, p1, p2, p3, p4, colMap, dCols, c1, c2, ringC, ringRows, sumsC, stC, tmpRow, rowList, nextI, jToD, out64);
  }
  const rest = produced & 7;
  if (rest) nextI = stageTwo(produced - rest, rest, cols, rowBytes, ringB, strip, res, p1, p2, p3, p4, colMap, dCols, c1, c2, ringC, ringRows, sumsC, stC, tmpRow, rowList, nextI, jToD, out64);
  for (let i = 0; i < c1; i++) {
    const o = colDrain(stC, sumsC, dCols, ringC, ringRows, D_BYTES, tmpRow, 1);
    nextI = emitRows(o, rowList, nextI, tmpRow, jToD, out64);
  }
}

/** The memory-bandwidth floor for benchmarks: reads `bytes` from `ptr` once, 16 at a time. */
export function readOnce(ptr: usize, bytes: i32): i32 {
  let acc = i32x4.splat(0);
  let p = 0;
  for (; p + 16 <= bytes; p += 16) acc = v128.xor(acc, v128.load(ptr + <usize>p));
  let t = i32x4.extract_lane(acc, 0) ^ i32x4.extract_lane(acc, 1) ^ i32x4.extract_lane(acc, 2) ^ i32x4.extract_lane(acc, 3);
  for (; p < bytes; p++) t ^= load<u8>(ptr + <usize>p);
  return t;
}
