import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calibrationStats, fitPlatt, sigmoid, trainDense, trainSparse, type SparseSample } from './logistic.js';

describe('logistic regression', () => {
  it('learns a separable sparse problem and holds a fixed bias', () => {
    // Feature 0 and 1 mean positive, 2 and 3 negative; 4 appears in both.
    const samples: SparseSample[] = [];
    for (let i = 0; i < 200; i++) samples.push({ idx: Int32Array.of(i % 2, 4), y: 1 }, { idx: Int32Array.of(2 + (i % 2), 4), y: 0 });
    const { w, bias } = trainSparse(samples, 5, { epochs: 5, rate: 0.2, l2: 1e-4, seed: 1 });
    assert.ok(sigmoid(bias + w[0]! + w[4]!) > 0.9 && sigmoid(bias + w[2]! + w[4]!) < 0.1);
    const fixed = trainSparse(samples, 5, { epochs: 5, rate: 0.2, l2: 1e-4, seed: 1, fixedBias: -2 });
    assert.equal(fixed.bias, -2);
    assert.deepEqual(trainSparse(samples, 5, { epochs: 5, rate: 0.2, l2: 1e-4, seed: 1 }).w, w, 'deterministic');
  });

  it('trains a dense model with the bias in x[0]', () => {
    const samples = Array.from({ length: 400 }, (_, i) => ({ x: Float64Array.of(1, i % 2), y: (i % 2) as 0 | 1 }));
    const w = trainDense(samples, 2, { epochs: 20, rate: 0.3, l2: 0, seed: 2 });
    assert.ok(w[1]! > 2);
  });

  it('Platt scaling makes over-confident scores honest, and the stats measure it', () => {
    // Scores that say 95% where the truth is 70%: calibration must bring them down.
    const z: number[] = [];
    const y: (0 | 1)[] = [];
    for (let i = 0; i < 1000; i++) {
      z.push(3);
      y.push(i % 10 < 7 ? 1 : 0);
      z.push(-3);
      y.push(i % 10 < 1 ? 1 : 0);
    }
    const before = calibrationStats(z.map(sigmoid), y);
    const { a, b } = fitPlatt(z, y);
    const after = calibrationStats(
      z.map((v) => sigmoid(a * v + b)),
      y,
    );
    assert.ok(Math.abs(sigmoid(a * 3 + b) - 0.7) < 0.02, `p(3) = ${sigmoid(a * 3 + b)}`);
    assert.ok(after.ece < before.ece && after.brier < before.brier);
    assert.ok(Math.abs(after.auc - before.auc) < 1e-9, 'a monotone map keeps the ranking');
    assert.equal(calibrationStats([0.1, 0.9], [0, 1]).auc, 1);
  });
});
