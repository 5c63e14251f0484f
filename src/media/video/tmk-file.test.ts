import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { compareTmk, createTmkAccumulator, PDQF_DIMENSION, tmkCompatible, tmkLevel1, tmkLevel2 } from './tmk.js';
import { readTmkFile, readTmkSignal, tmkFileSize, tmkSignalOf, writeTmkFile } from './tmk-file.js';

const ROOT = new URL('../../../testdata/video-reference/tmk-hashes/', import.meta.url).pathname;
const bytes = (name: string) => new Uint8Array(readFileSync(`${ROOT}${name}.tmk`));

describe('.tmk files (the reference format)', () => {
  it("reads the reference's files and writes them back byte for byte", () => {
    for (const name of ['doorknob-hd-no-bar', 'pattern-sd-grey-bar', 'pattern-sd-with-small-logo-bar']) {
      const b = bytes(name);
      const r = readTmkFile(b);
      assert.ok(r.ok, !r.ok ? r.error : '');
      assert.equal(r.value.framesPerSecond, 15);
      assert.deepEqual([...r.value.periods], [2731, 4391, 9767, 14653]);
      assert.equal(r.value.coefficients.length, 32);
      assert.equal(r.value.average.length, 256);
      assert.equal(b.length, tmkFileSize(4, 32, 256));
      assert.deepEqual(writeTmkFile(r.value), b);
    }
  });

  it('scores a file against itself at 1 on both levels, and the two pattern variants above the thresholds', () => {
    const a = readTmkFile(bytes('pattern-sd-grey-bar'));
    const b = readTmkFile(bytes('pattern-sd-with-small-logo-bar'));
    const c = readTmkFile(bytes('doorknob-hd-no-bar'));
    assert.ok(a.ok && b.ok && c.ok);
    assert.ok(Math.abs(tmkLevel1(a.value, a.value) - 1) < 1e-6);
    assert.ok(Math.abs(tmkLevel2(a.value, a.value) - 1) < 1e-5);
    assert.ok(tmkCompatible(a.value, b.value));
    assert.ok(compareTmk(a.value, b.value).match);
    assert.ok(!compareTmk(a.value, c.value).match);
  });

  it('refuses damaged or foreign files with the reason', () => {
    const good = bytes('doorknob-hd-no-bar');
    const withMagic = (at: number, s: string) => {
      const b = good.slice();
      b.set(new TextEncoder().encode(s), at);
      return b;
    };
    const shape = good.slice();
    new DataView(shape.buffer).setInt32(16, 1 << 20, true);
    const cases: [Uint8Array, RegExp][] = [
      [good.subarray(0, 10), /32-byte header/],
      [withMagic(0, 'XXXX'), /not a TMK feature-vector file/],
      [withMagic(8, 'GIST'), /"GIST" is not supported/],
      [good.subarray(0, good.length - 4), /263344 bytes/],
      [shape, /implausible shape/],
    ];
    for (const [b, why] of cases) {
      const r = readTmkFile(b);
      assert.ok(!r.ok);
      assert.match(r.error, why);
    }
  });

  it('an empty video gives zero features, not NaN', () => {
    const t = createTmkAccumulator().finish();
    assert.equal(t.frameFeatureCount, 0);
    assert.ok(t.average.every((v) => v === 0) && t.cos.every((v) => v === 0));
    assert.equal(tmkLevel1(t, t), 0);
    const back = readTmkFile(writeTmkFile(t));
    assert.ok(back.ok && back.value.average.length === PDQF_DIMENSION);
  });
});

describe('TMK+PDQF signal strings (as sources send them)', () => {
  it('reads the .tmk file in base64, URL-safe base64 and hex into the same features, and stores one form', () => {
    const b = Buffer.from(bytes('pattern-sd-grey-bar'));
    const forms = [
      b.toString('base64'),
      b.toString('base64url'),
      b.toString('hex'),
      b.toString('hex').toUpperCase(),
      ` ${b.toString('base64')}\n`,
    ];
    const canonical = b.toString('base64');
    for (const form of forms) {
      const r = readTmkSignal(form);
      assert.ok(r.ok, !r.ok ? r.error : '');
      assert.equal(tmkSignalOf(r.value), canonical);
    }
  });

  it('names what is wrong with a string that is not a .tmk file', () => {
    const r = (v: string) => {
      const x = readTmkSignal(v);
      return x.ok ? 'ok' : x.error;
    };
    assert.equal(r('not base64!'), 'is a .tmk file in base64 or hex');
    assert.match(r(Buffer.from('TMK1FVECGIST').toString('base64')), /32-byte header/);
    assert.match(r(Buffer.from('TMK1FVECGISTxxxxxxxxxxxxxxxxxxxxxxxx').toString('hex')), /"GIST" is not supported/);
  });
});
