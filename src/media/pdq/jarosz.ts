/**
 * PDQ's downsampling filter: a box filter along rows then columns, applied twice (a
 * "Jarosz filter", approximating a tent/Gaussian). Written to repeat the reference's float32
 * arithmetic step for step (Math.fround wherever the C++ holds a `float`), because PDQ hashes
 * of lossless images must match the reference bit for bit.
 */

/** The reference's window: ceil(old / (2 * new)) in integer arithmetic. */
export function jaroszWindowSize(oldDimension: number, newDimension: number): number {
  return Math.floor((oldDimension + 2 * newDimension - 1) / (2 * newDimension));
}

const f = Math.fround;

/**
 * One box pass over `count` vectors of `length` values. Vector v starts at v * vectorStep and
 * steps by `stride`. Phases as in the reference: grow the window, slide it, shrink it.
 */
function boxPass(
  input: Float32Array,
  output: Float32Array,
  count: number,
  vectorStep: number,
  length: number,
  stride: number,
  window: number,
): void {
  const half = Math.floor((window + 2) / 2);
  const phase1 = half - 1;
  const phase2 = window - half + 1;
  const phase3 = length - window;
  const phase4 = half - 1;
  for (let v = 0; v < count; v++) {
    const base = v * vectorStep;
    let li = base;
    let ri = base;
    let oi = base;
    let sum = 0;
    let size = 0;
    for (let i = 0; i < phase1; i++) {
      sum = f(sum + input[ri]!);
      size++;
      ri += stride;
    }
    for (let i = 0; i < phase2; i++) {
      sum = f(sum + input[ri]!);
      size++;
      output[oi] = sum / size;
      ri += stride;
      oi += stride;
    }
    for (let i = 0; i < phase3; i++) {
      sum = f(f(sum + input[ri]!) - input[li]!);
      output[oi] = sum / size;
      li += stride;
      ri += stride;
      oi += stride;
    }
    for (let i = 0; i < phase4; i++) {
      sum = f(sum - input[li]!);
      size--;
      output[oi] = sum / size;
      li += stride;
      oi += stride;
    }
  }
}

/*
 * Stores into a Float32Array round to float32 exactly as a C++ `float` assignment does, and
 * a double-precision +, -, / of two float32 values rounded to float32 equals the float32
 * operation (double has more than twice float's precision), so these loops reproduce the
 * reference's floats.
 */

/**
 * Column passes, a band of columns at a time: the same per-column sums in the same order as
 * a column-by-column pass (so the same floats), but reading rows sequentially instead of
 * striding through memory a row apart — several times faster on large images.
 */
function boxColumns(input: Float32Array, output: Float32Array, rows: number, cols: number, window: number): void {
  const half = Math.floor((window + 2) / 2);
  const phase1 = half - 1;
  const phase2 = window - half + 1;
  const phase3 = rows - window;
  const phase4 = half - 1;
  const BAND = 256;
  const sums = new Float32Array(BAND);
  for (let c0 = 0; c0 < cols; c0 += BAND) {
    const c1 = Math.min(cols, c0 + BAND);
    const n = c1 - c0;
    sums.fill(0);
    let ri = 0;
    let li = 0;
    let oi = 0;
    let size = 0;
    for (let i = 0; i < phase1; i++, ri++) {
      const row = ri * cols + c0;
      for (let c = 0; c < n; c++) sums[c] = sums[c]! + input[row + c]!;
      size++;
    }
    for (let i = 0; i < phase2; i++, ri++, oi++) {
      const row = ri * cols + c0;
      const out = oi * cols + c0;
      size++;
      for (let c = 0; c < n; c++) {
        sums[c] = sums[c]! + input[row + c]!;
        output[out + c] = sums[c]! / size;
      }
    }
    for (let i = 0; i < phase3; i++, ri++, li++, oi++) {
      const row = ri * cols + c0;
      const left = li * cols + c0;
      const out = oi * cols + c0;
      for (let c = 0; c < n; c++) {
        sums[c] = f(sums[c]! + input[row + c]!) - input[left + c]!;
        output[out + c] = sums[c]! / size;
      }
    }
    for (let i = 0; i < phase4; i++, li++, oi++) {
      const left = li * cols + c0;
      const out = oi * cols + c0;
      size--;
      for (let c = 0; c < n; c++) {
        sums[c] = sums[c]! - input[left + c]!;
        output[out + c] = sums[c]! / size;
      }
    }
  }
}

/**
 * Row passes, a band of rows at a time. One row's running sum is a chain of dependent
 * float operations (add, round, subtract, round), so a row-by-row pass waits on latency;
 * advancing eight rows together lets those chains overlap. Each row still sees the same
 * operations in the same order, so the floats are the reference's.
 */
function boxRows(input: Float32Array, output: Float32Array, rows: number, cols: number, window: number): void {
  const half = Math.floor((window + 2) / 2);
  const phase1 = half - 1;
  const phase2 = window - half + 1;
  const phase3 = cols - window;
  const phase4 = half - 1;
  const BAND = 8;
  const sums = new Float32Array(BAND);
  for (let r0 = 0; r0 < rows; r0 += BAND) {
    const n = Math.min(BAND, rows - r0);
    sums.fill(0);
    const base = r0 * cols;
    let ri = 0;
    let li = 0;
    let oi = 0;
    let size = 0;
    for (let i = 0; i < phase1; i++, ri++) {
      for (let r = 0, o = base + ri; r < n; r++, o += cols) sums[r] = sums[r]! + input[o]!;
      size++;
    }
    for (let i = 0; i < phase2; i++, ri++, oi++) {
      size++;
      for (let r = 0, o = base + ri, w = base + oi; r < n; r++, o += cols, w += cols) {
        sums[r] = sums[r]! + input[o]!;
        output[w] = sums[r]! / size;
      }
    }
    for (let i = 0; i < phase3; i++, ri++, li++, oi++) {
      for (let r = 0, o = base + ri, l = base + li, w = base + oi; r < n; r++, o += cols, l += cols, w += cols) {
        sums[r] = f(sums[r]! + input[o]!) - input[l]!;
        output[w] = sums[r]! / size;
      }
    }
    for (let i = 0; i < phase4; i++, li++, oi++) {
      size--;
      for (let r = 0, l = base + li, w = base + oi; r < n; r++, l += cols, w += cols) {
        sums[r] = sums[r]! - input[l]!;
        output[w] = sums[r]! / size;
      }
    }
  }
}

/** Filters `buffer` in place (using `temp`), `passes` times rows-then-columns, as the reference. */
export function jaroszFilter(
  buffer: Float32Array,
  temp: Float32Array,
  rows: number,
  cols: number,
  windowAlongRows: number,
  windowAlongCols: number,
  passes: number,
): void {
  for (let p = 0; p < passes; p++) {
    boxRows(buffer, temp, rows, cols, windowAlongRows);
    boxColumns(temp, buffer, rows, cols, windowAlongCols);
  }
}

/** The literal transcription of the reference pass, kept as the oracle for the banded passes (jarosz.test.ts). */
export { boxPass };
