import { prng } from '../../core/prng.js';

/*
 * Logistic regression, trained by AdaGrad on log loss with L2. Hand-written: the models are
 * a sparse one over hashed n-grams and a dense one over about twenty features, both trained
 * in seconds on one core; a general ML library would add a native dependency for ~60 lines.
 */

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-Math.max(-35, Math.min(35, z))));

export interface SparseSample {
  /** Indices of features present (value 1). */
  idx: Int32Array;
  y: 0 | 1;
}

export interface TrainOptions {
  epochs: number;
  rate: number;
  l2: number;
  seed: number;
  /** Weight of positive samples (balances rare positives). */
  positiveWeight?: number;
  /** Hold the bias at this value instead of learning it. */
  fixedBias?: number;
}

function shuffled(n: number, rnd: () => number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/** Trains weights over `dims` binary features plus a bias; returns [weights, bias]. */
export function trainSparse(samples: readonly SparseSample[], dims: number, o: TrainOptions): { w: Float32Array; bias: number } {
  const w = new Float32Array(dims);
  const g2 = new Float32Array(dims).fill(1e-8);
  let bias = o.fixedBias ?? 0;
  let gb2 = 1e-8;
  const rnd = prng(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const k of shuffled(samples.length, rnd)) {
      const s = samples[k]!;
      let z = bias;
      for (const i of s.idx) z += w[i]!;
      const weight = s.y === 1 ? (o.positiveWeight ?? 1) : 1;
      const err = (sigmoid(z) - s.y) * weight;
      for (const i of s.idx) {
        const g = err + o.l2 * w[i]!;
        g2[i]! += g * g;
        w[i]! -= (o.rate * g) / Math.sqrt(g2[i]!);
      }
      if (o.fixedBias !== undefined) continue;
      gb2 += err * err;
      bias -= (o.rate * err) / Math.sqrt(gb2);
    }
  }
  return { w, bias };
}

export interface DenseSample {
  x: Float64Array;
  y: 0 | 1;
}

/** Trains a dense logistic model; `x[0]` is expected to be the constant 1 (the bias). */
export function trainDense(samples: readonly DenseSample[], dims: number, o: TrainOptions): Float64Array {
  const w = new Float64Array(dims);
  const g2 = new Float64Array(dims).fill(1e-8);
  const rnd = prng(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const k of shuffled(samples.length, rnd)) {
      const s = samples[k]!;
      let z = 0;
      for (let i = 0; i < dims; i++) z += w[i]! * s.x[i]!;
      const err = sigmoid(z) - s.y;
      for (let i = 0; i < dims; i++) {
        const g = err * s.x[i]! + (i === 0 ? 0 : o.l2 * w[i]!);
        g2[i]! += g * g;
        w[i]! -= (o.rate * g) / Math.sqrt(g2[i]!);
      }
    }
  }
  return w;
}

/**
 * Platt scaling: fits p = sigmoid(a·z + b) to held-aside outcomes, with Platt's smoothed
 * targets so that a perfectly separated calibration set does not push a to infinity.
 */
export function fitPlatt(z: readonly number[], y: readonly (0 | 1)[]): { a: number; b: number } {
  const pos = y.filter((v) => v === 1).length;
  const neg = y.length - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  let a = 1;
  let b = 0;
  for (let it = 0; it < 3000; it++) {
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < z.length; i++) {
      const t = y[i] === 1 ? hi : lo;
      const e = sigmoid(a * z[i]! + b) - t;
      ga += e * z[i]!;
      gb += e;
    }
    a -= (0.5 * ga) / z.length;
    b -= (0.5 * gb) / z.length;
  }
  return { a, b };
}

/** Expected calibration error over ten equal-width bins, and the Brier score. */
export function calibrationStats(p: readonly number[], y: readonly (0 | 1)[]): { ece: number; brier: number; auc: number } {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, p: 0, y: 0 }));
  let brier = 0;
  for (let i = 0; i < p.length; i++) {
    const b = bins[Math.min(9, Math.floor(p[i]! * 10))]!;
    b.n++;
    b.p += p[i]!;
    b.y += y[i]!;
    brier += (p[i]! - y[i]!) ** 2;
  }
  const ece = bins.reduce((s, b) => s + (b.n ? Math.abs(b.p - b.y) : 0), 0) / Math.max(1, p.length);
  // AUC by ranks (ties get the average rank).
  const order = p.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  let rankSum = 0;
  let pos = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && order[j]![0] === order[i]![0]) j++;
    const avg = (i + j + 1) / 2;
    for (let k = i; k < j; k++)
      if (y[order[k]![1]] === 1) {
        rankSum += avg;
        pos++;
      }
    i = j;
  }
  const neg = p.length - pos;
  const auc = pos && neg ? (rankSum - (pos * (pos + 1)) / 2) / (pos * neg) : NaN;
  return { ece, brier: brier / Math.max(1, p.length), auc };
}
