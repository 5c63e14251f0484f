// AssemblyScript: compiled to WebAssembly by `npm run build` (asc). PDQ's full-resolution
// steps in IEEE float32, lane for lane what the reference C++ computes in `float` (no FMA,
// no reassociation): luma, the two Jarosz box passes and the 64×64 decimation, streamed
// (`pdq64`). The JS path (src/media/pdq/) is the fallback and the oracle; tests hold both to
// the same floats. The strip (row) pass is in strip.ts, the column pass in columns.ts,
// luma in luma.ts; this file is the stream that joins them and what the build exports.

import { colDrain, colPush, colSteady8 } from './columns';
import { LUMA_B, LUMA_G, LUMA_R } from './luma';
import { fillStrip, runStrip, runStripSampled, transpose4 } from './strip';

/**
 * The host copies source rows firstRow..firstRow+k−1 (bytes, as decoded) to `dst`. The
 * stream pulls eight rows at a time into a small staging area instead of having the whole
 * decoded image copied in first: the copy lands in cache just before the strip reads it, and
 * the image crosses memory once instead of three times (read, write, read again).
 */
// @ts-ignore: decorator
@external('env', 'pullRows') declare function pullRows(firstRow: i32, k: i32, dst: usize): void;

function lumaFromGrey(grey: usize, n: i32, out: usize): void {
  for (let p = 0; p < n; p++) {
    const g = <f32>load<u8>(grey + <usize>p);
    store<f32>(out + (<usize>p << 2), LUMA_R * g + LUMA_G * g + LUMA_B * g);
  }
}


const D_BYTES: usize = 256; // a pass-two row: at most 64 sampled columns

/** Bytes of the staging area `pdq64` pulls source rows into: eight rows of RGB bytes (+16: the SIMD luma step reads 16 bytes where it uses 12), or eight of grey bytes and their floats. */
export function pdq64StageBytes(cols: i32, rgb: bool): i32 {
  return rgb ? 8 * cols * 3 + 16 : 8 * cols * 5;
}

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

/**
 * Pass two for pass-one rows first..first+k−1: rows at the sampled columns, then their
 * columns. The rows are in ringB slots slot0..slot0+k−1, or (slot0 < 0) already transposed
 * into the strip by `colSteady8`.
 */
function stageTwo(first: i32, k: i32, slot0: i32, cols: i32, rowBytes: usize, ringB: usize, strip: usize, res: usize, p1: i32, p2: i32, p3: i32, p4: i32, colMap: usize, dCols: i32, c1: i32, c2: i32, ringC: usize, ringRows: i32, sumsC: usize, stC: usize, tmpRow: usize, rowList: usize, nextI: i32, jToD: usize, out64: usize): i32 {
  if (slot0 >= 0) fillStrip(ringB, false, slot0, k, cols, rowBytes, strip);
  runStripSampled(strip, res, p1, p2, p3, p4, colMap);
  for (let j = 0; j < k; j++) {
    const dest = ringC + <usize>((first + j) % ringRows) * D_BYTES;
    for (let d = 0; d < dCols; d++) store<f32>(dest + (<usize>d << 2), load<f32>(res + (<usize>d << 5) + (<usize>j << 2)));
    const o = colPush(stC, sumsC, dCols, c1, c2, ringC, ringRows, D_BYTES, tmpRow, 1, 0);
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
export function pdq64(stage: usize, rgb: bool, rows: i32, cols: i32, wr: i32, wc: i32, out64: usize, work: usize): void {
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
  // Pass one's output row o goes to ringB slot (o + c1) & 7: the input row that completes it,
  // mod 8. A block for pass two is then eight rows in slots 0..7 (the first block may start
  // later), and once the column window is full a strip of eight input rows completes exactly
  // one block, which `colSteady8` hands to pass two already transposed.
  let sent = 0;
  const vecCols = cols & ~3;
  for (let r = 0; r < rows; r += 8) {
    const k = min(8, rows - r);
    pullRows(r, k, stage);
    // Grey bytes become floats beside the bytes (the staging area holds both, see pdq64StageBytes).
    if (!rgb) lumaFromGrey(stage, k * cols, stage + <usize>(8 * cols));
    fillStrip(rgb ? stage : stage + <usize>(8 * cols), rgb, 0, k, cols, rowBytes, strip);
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
    if (k === 8 && r >= c1 + c2) {
      colSteady8(stA, sumsA, cols, ringA, ringRows, rowBytes, strip);
      nextI = stageTwo(sent, 8, -1, cols, rowBytes, ringB, strip, res, p1, p2, p3, p4, colMap, dCols, c1, c2, ringC, ringRows, sumsC, stC, tmpRow, rowList, nextI, jToD, out64);
      sent += 8;
      continue;
    }
    for (let j = 0; j < k; j++) {
      const o = colPush(stA, sumsA, cols, c1, c2, ringA, ringRows, rowBytes, ringB, 8, c1);
      if (o >= 0 && ((o + c1) & 7) === 7) {
        nextI = stageTwo(sent, o - sent + 1, (sent + c1) & 7, cols, rowBytes, ringB, strip, res, p1, p2, p3, p4, colMap, dCols, c1, c2, ringC, ringRows, sumsC, stC, tmpRow, rowList, nextI, jToD, out64);
        sent = o + 1;
      }
    }
  }
  for (let i = 0; i < c1; i++) {
    const o = colDrain(stA, sumsA, cols, ringA, ringRows, rowBytes, ringB, 8, c1);
    if (((o + c1) & 7) === 7) {
      nextI = stageTwo(sent, o - sent + 1, (sent + c1) & 7, cols, rowBytes, ringB, strip, res, p1, p2, p3, p4, colMap, dCols, c1, c2, ringC, ringRows, sumsC, stC, tmpRow, rowList, nextI, jToD, out64);
      sent = o + 1;
    }
  }
  if (sent < rows) nextI = stageTwo(sent, rows - sent, (sent + c1) & 7, cols, rowBytes, ringB, strip, res, p1, p2, p3, p4, colMap, dCols, c1, c2, ringC, ringRows, sumsC, stC, tmpRow, rowList, nextI, jToD, out64);
  for (let i = 0; i < c1; i++) {
    const o = colDrain(stC, sumsC, dCols, ringC, ringRows, D_BYTES, tmpRow, 1, 0);
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
