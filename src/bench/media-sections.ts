import { fileURLToPath } from 'node:url';
import { ffmpegAvailable } from '../media/video/ffmpeg-decoder.js';
import type { BenchContext } from './bench-context.js';

/* Known-media sections of `npm run bench`: PDQ hashing, video, JPEG shrink-on-load, the match index. */

export function benchHashing(ctx: BenchContext): void {
  const { say, results, child } = ctx;
  const root = fileURLToPath(new URL('../../testdata/pdq-reference/', import.meta.url));
  const r = child('./hashing-bench.js', [root]) as Record<
    string,
    { pixels: number; decodeMs: number; hashMs: number; firstHashMs: number; readPixelsOnceMs: number }
  >;
  results.hashing = r;
  for (const [name, m] of Object.entries(r)) {
    say(
      `pdq ${name} (${(m.pixels / 1e6).toFixed(2)} MP): decode ${m.decodeMs.toFixed(1)} ms, hash ${m.hashMs.toFixed(1)} ms (first at this size ${m.firstHashMs.toFixed(1)} ms); reading the pixels once ${m.readPixelsOnceMs.toFixed(1)} ms (hash/floor ${(m.hashMs / m.readPixelsOnceMs).toFixed(1)})` +
        (name.includes('12MP') ? ' [aim: hash < 20 ms]' : ''),
    );
  }
}

/** Video hashing beside ffmpeg's decode alone, and whether one core hashes a 10-minute 720p video within its playing time. */
export function benchVideo(ctx: BenchContext): void {
  const { quick, say, fmt, results, child, benchDir } = ctx;
  if (!ffmpegAvailable()) {
    say('video: skipped, ffmpeg is not installed (Debian: apt-get install -y ffmpeg)');
    return;
  }
  type Part = {
    wallSeconds: number;
    cpuSeconds: number;
    decodeOnlyWallSeconds: number;
    decodeOnlyCpuSeconds: number;
    framesHashed: number;
  };
  const r = child('./video-bench.js', [benchDir, quick ? '4' : '60']) as {
    clip: { seconds: number; frames: number };
    vpdqEveryFrame: Part & { framesPerSecond: number; decodeOnlyFramesPerSecond: number };
    vpdqOneASecond: Part;
    tmk: Part;
    vpdqAndTmk: {
      twoDecodesCpuSeconds: number;
      twoDecodesWallSeconds: number;
      oneDecodeCpuSeconds: number;
      oneDecodeWallSeconds: number;
      cpuRatioTwoOverOne: number;
    };
    tenMinute720p: { cpuSecondsVpdq: number; cpuSecondsVpdqAndTmk: number; cpuSecondsVpdqEveryFrame: number; playingSeconds: number };
  };
  results.video = r;
  const e = r.vpdqEveryFrame;
  say(
    `video 720p ${r.clip.seconds} s (${r.clip.frames} frames), ffmpeg on 1 thread: vPDQ of every frame ${fmt(e.framesHashed / e.cpuSeconds)} frames per CPU second beside decode alone ${fmt(r.clip.frames / e.decodeOnlyCpuSeconds)} ` +
      `(${((e.framesHashed / e.cpuSeconds) * (e.decodeOnlyCpuSeconds / r.clip.frames)).toFixed(2)} of the floor); wall ${e.framesPerSecond.toFixed(0)} vs ${e.decodeOnlyFramesPerSecond.toFixed(0)} frames/s`,
  );
  for (const [name, p] of [
    ['vPDQ 1 frame/s', r.vpdqOneASecond],
    ['TMK+PDQF', r.tmk],
  ] as const)
    say(
      `video ${name}: ${p.framesHashed} frames, CPU ${p.cpuSeconds.toFixed(1)} s (decode alone ${p.decodeOnlyCpuSeconds.toFixed(1)} s), wall ${p.wallSeconds.toFixed(1)} s`,
    );
  const b = r.vpdqAndTmk;
  say(
    `video vPDQ 1 frame/s + TMK+PDQF: one decode CPU ${b.oneDecodeCpuSeconds.toFixed(1)} s (wall ${b.oneDecodeWallSeconds.toFixed(1)} s) against two decodes ${b.twoDecodesCpuSeconds.toFixed(1)} s (wall ${b.twoDecodesWallSeconds.toFixed(1)} s): ${b.cpuRatioTwoOverOne.toFixed(2)}x less CPU`,
  );
  const t = r.tenMinute720p;
  say(
    `video: a 10-minute 720p video on one core: vPDQ ${t.cpuSecondsVpdq.toFixed(0)} CPU s, vPDQ + TMK ${t.cpuSecondsVpdqAndTmk.toFixed(0)} CPU s, vPDQ of every frame ${t.cpuSecondsVpdqEveryFrame.toFixed(0)} CPU s, against ${t.playingSeconds} s of playing time [aim: below it]`,
  );
}

export function benchShrinkOnLoad(ctx: BenchContext): void {
  const { quick, say, results, child } = ctx;
  const root = fileURLToPath(new URL('../../testdata/pdq-reference/', import.meta.url));
  type Summary = Record<string, { images: number; medianSpeedup: number; meanDistance: number; maxDistance: number; over31: number }>;
  const r = child('./shrink-on-load-bench.js', [root, quick ? '1' : '3', quick ? 'quick' : 'full']) as {
    reference: { summary: Summary };
    generated: { summary: Summary };
  };
  results.shrinkOnLoad = r;
  for (const [set, s] of [
    ['reference JPEGs', r.reference.summary],
    ['generated photos', r.generated.summary],
  ] as const)
    for (const [side, m] of Object.entries(s))
      say(
        `jpeg shrink-on-load to ${side} px, ${set} (${m.images}): decode+PDQ ${m.medianSpeedup.toFixed(1)}x faster (median) than full size; PDQ distance to the full-size hash mean ${m.meanDistance.toFixed(1)}, max ${m.maxDistance}, over 31: ${m.over31}`,
      );
}

export function benchIndex(ctx: BenchContext): void {
  const { quick, say, fmt, results, child } = ctx;
  const sizes = quick ? [100_000] : [1_000_000, 10_000_000];
  const out: unknown[] = [];
  for (const n of sizes) {
    const r = child('./match-index-bench.js', [
      String(n),
      quick ? '500' : '2000',
      quick ? '5' : n >= 10_000_000 ? '5' : '20',
      quick ? '200' : '1000',
    ]) as {
      n: number;
      buildSeconds: number;
      indexBytes: number;
      bytesPerHash: number;
      recallQueries: number;
      recallExpectedMatches: number;
      recall: number;
      recallExactQueries: number;
      queriesPerSecond: number;
      eightOrientationQueriesPerSecond: number;
      scanQueriesPerSecond: number;
      speedup: number;
      recallAgainstScan: number;
      plantedFound: number;
    };
    out.push(r);
    say(
      `match index ${fmt(r.n)} hashes, distance 31: build ${r.buildSeconds.toFixed(1)} s, index ${(r.indexBytes / 2 ** 30).toFixed(2)} GiB of typed arrays (${r.bytesPerHash.toFixed(0)} B a hash); ${fmt(r.queriesPerSecond)} queries/s ` +
        `(${fmt(r.eightOrientationQueriesPerSecond)}/s with all 8 orientations); linear scan ${r.scanQueriesPerSecond.toFixed(1)}/s; ${r.speedup.toFixed(0)}x; ` +
        `recall vs scan ${(r.recallAgainstScan * 100).toFixed(0)}%, planted near-duplicates found ${(r.plantedFound * 100).toFixed(0)}%; ` +
        `recall on ${fmt(r.recallQueries)} more queries (planted at distances 0-40) ${(r.recall * 100).toFixed(2)}% of ${fmt(r.recallExpectedMatches)} scan matches, ${(r.recallExactQueries * 100).toFixed(1)}% of queries identical` +
        (n >= 10_000_000 ? ' [target ≥ 100x, < 1.5 GiB]' : ''),
    );
  }
  results.matchIndex = out;
}
