import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseVpdqJson, pythonFormat3, vpdqToJson, type VpdqFeature } from './vpdq.js';
import { createVpdqIndex, isVpdqMatch, matchVpdq } from './vpdq-match.js';

const H = 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22';

/** Flips `n` bits of a hash (the first n hex digits' lowest bit each). */
function flip(hex: string, n: number, from = 0): string {
  const c = hex.split('');
  for (let i = from; i < from + n; i++) c[i] = (parseInt(c[i]!, 16) ^ 1).toString(16);
  return c.join('');
}

/** Distinct, far-apart synthetic frame hashes: frame i has every hex digit's bit 2 set from its own pattern. */
function frameHash(i: number): string {
  let s = '';
  for (let k = 0; k < 64; k++) s += ((Math.imul(i + 1, 2654435761) >>> (k % 29)) & 15).toString(16);
  return s;
}

const feat = (pdqHex: string, quality = 100, timestamp = 0): VpdqFeature => ({ pdqHex, quality, timestamp });

describe('vPDQ signal string (python-threatexchange compatible)', () => {
  it("writes timestamps as Python's format(x, '.3') does", () => {
    // Expected values printed by CPython 3.11 for the same floats.
    const cases: [number, string][] = [
      [0, '0.0'],
      [1 / 30, '0.0333'],
      [12.25, '12.2'],
      [0.125, '0.125'],
      [99.96, '1e+02'],
      [123.4, '1.23e+02'],
      [1234.5, '1.23e+03'],
      [0.00012345, '0.000123'],
      [2.675, '2.67'],
      [1, '1.0'],
      [5, '5.0'],
      [0.5, '0.5'],
    ];
    for (const [x, want] of cases) assert.equal(pythonFormat3(x), want, String(x));
  });

  it('writes the JSON byte for byte as json.dumps does', () => {
    const ts = [0, 1 / 30, 12.25, 123.4];
    const json = vpdqToJson(ts.map((t, i) => feat(H, [100, 49, 50, 7][i]!, t)));
    // CPython: json.dumps([f'{h},{q},{t:.3}' ...])
    assert.equal(json, `["${H},100,0.0", "${H},49,0.0333", "${H},50,12.2", "${H},7,1.23e+02"]`);
  });

  it('reads back what it writes (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ q: fc.integer({ min: 0, max: 100 }), t: fc.double({ min: 0, max: 99, noNaN: true }), i: fc.nat(1000) }), {
          maxLength: 30,
        }),
        (rows) => {
          const features = rows.map((r) => feat(frameHash(r.i), r.q, r.t));
          const back = parseVpdqJson(vpdqToJson(features));
          assert.ok(back.ok);
          assert.deepEqual(
            back.value.map((f) => [f.pdqHex, f.quality]),
            features.map((f) => [f.pdqHex, f.quality]),
          );
          back.value.forEach((f, i) =>
            assert.ok(Math.abs(f.timestamp - features[i]!.timestamp) <= 0.005 * Math.max(1, features[i]!.timestamp)),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('names the element and the reason for a bad signal string', () => {
    const bad: [string, RegExp][] = [
      ['not json', /not JSON/],
      ['{"a":1}', /JSON array/],
      ['[1]', /\[0\] must be a string/],
      [`["${H},100"]`, /\[0\] must be a string/],
      [`["${H},100,0.0", "abc,100,0.0"]`, /\[1\] the PDQ hash/],
      [`["${H},101,0.0"]`, /\[0\] the quality/],
      [`["${H},-1,0.0"]`, /\[0\] the quality/],
      [`["${H},50,-1"]`, /\[0\] the timestamp/],
      [`["${H},50,"]`, /\[0\] the timestamp/],
    ];
    for (const [text, why] of bad) {
      const r = parseVpdqJson(text);
      assert.ok(!r.ok, text);
      assert.match(r.error, why);
    }
    const empty = parseVpdqJson('[]');
    assert.ok(empty.ok && empty.value.length === 0);
  });
});

describe('vPDQ matching (python-threatexchange match_VPDQ_hash_brute)', () => {
  const video = Array.from({ length: 10 }, (_, i) => feat(frameHash(i), 100, i));

  it('a video matches itself fully', () => {
    assert.deepEqual(matchVpdq(video, video), { queryMatchPercent: 100, comparedMatchPercent: 100 });
  });

  it('a frame matches at distance 31 and not at 32', () => {
    const at31 = [feat(flip(frameHash(0), 31))];
    const at32 = [feat(flip(frameHash(0), 32))];
    assert.equal(matchVpdq(at31, [video[0]!]).queryMatchPercent, 100);
    assert.equal(matchVpdq(at32, [video[0]!]).queryMatchPercent, 0);
  });

  it('ignores frames below quality 50 and counts repeated hashes once', () => {
    const q = [feat(frameHash(0)), feat(frameHash(0)), feat(frameHash(0)), feat(frameHash(99), 49)];
    // One usable unique frame, found: 100%, though three of four entries repeat it and one is low quality.
    assert.deepEqual(matchVpdq(q, video), { queryMatchPercent: 100, comparedMatchPercent: 10 });
    assert.deepEqual(matchVpdq([feat(frameHash(0), 49)], video), { queryMatchPercent: 0, comparedMatchPercent: 0 });
  });

  it('a clip cut from a longer video matches it (80% of the clip found, any share of the video)', () => {
    const clip = video.slice(3, 6);
    const m = matchVpdq(clip, video);
    assert.deepEqual(m, { queryMatchPercent: 100, comparedMatchPercent: 30 });
    assert.ok(isVpdqMatch(m));
    // The other way round the long video is the query: 30% of it is found, not a match.
    assert.ok(!isVpdqMatch(matchVpdq(video, clip)));
  });

  it('the index finds exactly what brute force finds (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat(40), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(40), { minLength: 1, maxLength: 8 }),
        (bank, query) => {
          const index = createVpdqIndex();
          const videos = bank.map((frames) => frames.map((f) => feat(frameHash(f))));
          videos.forEach((v, id) => index.add(id, v));
          const q = query.map((f) => feat(flip(frameHash(f), f % 20)));
          const got = index.query(q).map((m) => m.id);
          const want = videos
            .map((v, id) => ({ id, m: matchVpdq(q, v) }))
            .filter((x) => isVpdqMatch(x.m))
            .map((x) => x.id);
          assert.deepEqual(
            [...got].sort((a, b) => a - b),
            want,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the index forgets a removed video', () => {
    const index = createVpdqIndex();
    index.add(7, video);
    assert.deepEqual(
      index.query(video).map((m) => m.id),
      [7],
    );
    index.remove(7);
    assert.equal(index.size, 0);
    assert.deepEqual(index.query(video), []);
  });
});
