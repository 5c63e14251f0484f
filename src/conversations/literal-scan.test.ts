import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLiteralScan } from './literal-scan.js';

/** A small deterministic generator: the same cases on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('createLiteralScan', () => {
  it('marks exactly the targets of the literals a text contains, overlapping and nested ones included', () => {
    const literals = ['he', 'she', 'his', 'hers', 'snap', 'nap', 'ap', "don't", 'é€'];
    const targets = literals.map((_, i) => [i, 100 + (i % 3)]);
    const scan = createLiteralScan(literals, targets);
    const marks = new Uint32Array(103);
    const texts = ['ushers', 'add me on snap', "don't tell", 'nothing here', '', 'café€ ok', 'hishe'];
    texts.forEach((text, k) => {
      const stamp = k + 1;
      const any = scan.scan(text, marks, stamp);
      const want = new Set(literals.flatMap((l, i) => (text.includes(l) ? targets[i]! : [])));
      const got = new Set([...marks.keys()].filter((t) => marks[t] === stamp));
      assert.deepEqual(got, want, text);
      assert.equal(any, want.size > 0, text);
    });
  });

  it('agrees with includes() on random literals and texts', () => {
    const next = rng(7);
    const alphabet = "abcnps '.é";
    const word = (max: number) =>
      Array.from({ length: 1 + Math.floor(next() * max) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let round = 0; round < 20; round++) {
      const literals = [...new Set(Array.from({ length: 30 }, () => word(5)))];
      const scan = createLiteralScan(
        literals,
        literals.map((_, i) => [i]),
      );
      const marks = new Uint32Array(literals.length);
      for (let k = 0; k < 50; k++) {
        const text = word(40);
        const stamp = round * 100 + k + 1;
        scan.scan(text, marks, stamp);
        literals.forEach((l, i) => assert.equal(marks[i] === stamp, text.includes(l), `${JSON.stringify(l)} in ${JSON.stringify(text)}`));
      }
    }
  });
});
