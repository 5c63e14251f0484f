import { WORDS } from '../media/hamming.js';
import { createMatchIndex, linearScan } from '../media/match-index.js';
import { prng } from './synthetic.js';

/**
 * Run in its own process (so resident memory is the index's): builds an index of n random
 * hashes, queries it at distance 31 with near-duplicates of indexed hashes (one match each)
 * and with unrelated hashes (no match, the common case for uploads), single orientation and
 * eight, and compares with a linear scan on a sample of the same queries. Prints one JSON line.
 * argv: n queries scanQueries
 */
const n = Number(process.argv[2] ?? 1_000_000);
const queries = Number(process.argv[3] ?? 2000);
const scanQueries = Number(process.argv[4] ?? 20);
const rnd = prng(42);
const word = () => (rnd() * 2 ** 32) >>> 0;

const hashes = new Uint32Array(n * WORDS);
for (let i = 0; i < hashes.length; i++) hashes[i] = word();
const rssBefore = process.memoryUsage().rss;
let t0 = performance.now();
const index = createMatchIndex();
index.addMany(
  Uint32Array.from({ length: n }, (_, i) => i),
  hashes,
);
const buildSeconds = (performance.now() - t0) / 1000;
const rssAfter = process.memoryUsage().rss;

const qs = new Uint32Array(queries * WORDS);
const truth: number[] = [];
for (let q = 0; q < queries; q++) {
  if (q % 2 === 0) {
    const src = Math.floor(rnd() * n);
    qs.set(hashes.subarray(src * WORDS, src * WORDS + WORDS), q * WORDS);
    for (let f = 0; f < 12; f++) {
      const b = Math.floor(rnd() * 256);
      qs[q * WORDS + (b >>> 5)] = qs[q * WORDS + (b >>> 5)]! ^ (1 << (b & 31));
    }
    truth.push(src);
  } else {
    for (let w = 0; w < WORDS; w++) qs[q * WORDS + w] = word();
    truth.push(-1);
  }
}
for (let q = 0; q < Math.min(200, queries); q++) index.query(qs, 31, q); // warm
t0 = performance.now();
let found = 0;
for (let q = 0; q < queries; q++) found += index.query(qs, 31, q).length;
const single = queries / ((performance.now() - t0) / 1000);
t0 = performance.now();
for (let q = 0; q < queries / 8; q++) for (let v = 0; v < 8; v++) index.query(qs, 31, (q * 8 + v) % queries);
const eight = queries / 8 / ((performance.now() - t0) / 1000);

// The baseline: a linear scan over the same hashes, on a sample of the same queries; recall checked on it.
let scanMatches = 0;
let agreed = 0;
t0 = performance.now();
for (let q = 0; q < scanQueries; q++) {
  const qv = qs.subarray(q * WORDS, q * WORDS + WORDS);
  const scan = linearScan(hashes, n, qv, 31);
  scanMatches += scan.length;
  const mih = index.query(qs, 31, q);
  if (JSON.stringify(scan) === JSON.stringify(mih)) agreed++;
}
const scanQps = scanQueries / ((performance.now() - t0) / 1000);
let truthFound = 0;
for (let q = 0; q < queries; q++) if (truth[q]! >= 0 && index.query(qs, 31, q).some((m) => m.id === truth[q])) truthFound++;

process.stdout.write(
  JSON.stringify({
    n,
    buildSeconds,
    indexBytes: index.bytes(),
    rssBytes: process.memoryUsage().rss,
    indexRssBytes: rssAfter - rssBefore,
    queriesPerSecond: single,
    eightOrientationQueriesPerSecond: eight,
    scanQueriesPerSecond: scanQps,
    speedup: single / scanQps,
    recallAgainstScan: agreed / scanQueries,
    scanMatches,
    plantedFound: truthFound / (queries / 2),
    found,
  }) + '\n',
);
