import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { BAND } from '../core/age-band.js';
import { systemClock } from '../core/clock.js';
import { CUES } from '../conversations/cue-lexicon.js';
import { createFacts, EDGE, FLAG } from '../facts/facts.js';
import { GateConfigSchema } from '../gate/gate-config.js';
import { NCMEC_XSD_UNSET, ncmecSchemaFile } from '../reporting/ncmec/schema-file.js';
import { createGate, GATE_ACTIONS, type DecisionRequest } from '../gate/gate.js';
import { startGateServer } from './gate-server.js';
import { ffmpegAvailable } from '../media/video/ffmpeg-decoder.js';
import { prng, syntheticEvents } from './synthetic.js';
import { benchSignInFlood } from './sign-in-bench.js';
import { benchSimulate } from './simulate-bench.js';
import { benchScaleOut } from './scale-out-bench.js';

/*
 * `npm run bench`: each figure beside a baseline measured in the same run on the same
 * machine, so the ratio means something on a busy shared host. `--quick` shrinks every
 * size (a smoke run, used by the test suite); `--only=gate,http,signin,replay,memory,hashing,index,shrink,audit,console,outbox,report,conversations,video,simulate,scale-out` picks sections.
 */
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const want = (s: string) => !only || only.includes(s);
const benchDir = join(process.cwd(), '.bench');
mkdirSync(benchDir, { recursive: true });
const results: Record<string, unknown> = { quick, node: process.version, date: new Date().toISOString() };
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const say = (s: string) => process.stdout.write(s + '\n');
let sink = 0;

function gateWorld(accounts: number, connections: number, seed: number) {
  const facts = createFacts();
  const rnd = prng(seed);
  for (let i = 0; i < accounts; i++) {
    const idx = facts.ensure(`user_${i}`);
    const band = i % 4 === 0 ? BAND['13-15'] : i % 9 === 0 ? BAND['16-17'] : i % 13 === 0 ? BAND.unknown : BAND.adult;
    facts.updateAccount(idx, { band: band as never }, 1);
    if (i % 50 === 1) facts.setFlag(idx, FLAG.suspicious);
  }
  for (let i = 0; i < connections; i++) {
    const f = Math.floor(rnd() * accounts);
    const t = Math.floor(rnd() * accounts);
    if (f !== t) facts.edges.put(f, t, EDGE.follow, 1);
  }
  const reqs: DecisionRequest[] = [];
  for (let i = 0; i < 1 << 16; i++) {
    reqs.push({
      action: GATE_ACTIONS[i % GATE_ACTIONS.length]!,
      actor: i % 97 === 0 ? `never_seen_${i}` : `user_${Math.floor(rnd() * accounts)}`,
      target: `user_${Math.floor(rnd() * accounts)}`,
    });
  }
  return { facts, reqs };
}

function timeLoop(n: number, body: (i: number) => void): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) body(i);
  return (performance.now() - t0) / 1000;
}

async function benchGate(): Promise<void> {
  const { facts, reqs } = gateWorld(quick ? 10_000 : 200_000, quick ? 50_000 : 2_000_000, 3);
  const gate = createGate(facts, GateConfigSchema.parse({}), systemClock);
  const mask = reqs.length - 1;
  const n = quick ? 500_000 : 5_000_000;
  const counts = { allow: 0, warn: 0, block: 0 };
  // Warm both loops so the JIT has optimised them before timing.
  timeLoop(200_000, (i) => (sink += facts.indexOf(reqs[i & mask]!.actor) + facts.indexOf(reqs[i & mask]!.target)));
  timeLoop(200_000, (i) => counts[gate.decide(reqs[i & mask]!).decision]++);
  const floorS = timeLoop(n, (i) => (sink += facts.indexOf(reqs[i & mask]!.actor) + facts.indexOf(reqs[i & mask]!.target)));
  const gateS = timeLoop(n, (i) => counts[gate.decide(reqs[i & mask]!).decision]++);
  const r = { decisionsPerSecond: n / gateS, floorPerSecond: n / floorS, ratioToFloor: floorS / gateS, mix: counts };
  results.gateInProcess = r;
  say(
    `gate (in process, 1 core): ${fmt(r.decisionsPerSecond)} decisions/s; floor (two id lookups) ${fmt(r.floorPerSecond)}/s; ratio ${r.ratioToFloor.toFixed(2)} [target ≥ 500,000/s]`,
  );
}

/** Runs the load generator as a child process; async, because the server under test shares this event loop. */
async function load(
  url: string,
  duration: number,
  requests: { method: string; path: string; headers?: Record<string, string>; body?: string }[],
) {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./load-generator.js', import.meta.url)), JSON.stringify({ url, connections: 10, duration, requests })],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`load generator failed: ${err}`);
  return JSON.parse(out) as { rps: number; p50: number; p90: number; p99: number; max: number; non2xx: number; errors: number };
}

async function benchHttp(): Promise<void> {
  const { url, requests, close } = await startGateServer(quick, 5);
  const duration = quick ? 2 : 10;
  await load(url, 1, requests); // warm-up
  const base = await load(url, duration, [{ method: 'GET', path: '/healthz' }]);
  const gate = await load(url, duration, requests);
  await close();
  const r = { decisions: gate, healthzBaseline: base, ratioToBaseline: gate.rps / base.rps };
  results.gateHttp = r;
  say(
    `gate (HTTP, 10 connections, load from a second process): ${fmt(gate.rps)} decisions/s, p50 ${gate.p50} ms, p99 ${gate.p99} ms (1 ms resolution), errors ${gate.errors + gate.non2xx}; ` +
      `baseline GET /healthz ${fmt(base.rps)}/s p99 ${base.p99} ms; ratio ${r.ratioToBaseline.toFixed(2)} [target ≥ 10,000/s, p99 < 5 ms]`,
  );
}

async function benchReplay(): Promise<void> {
  const total = quick ? 50_000 : 1_000_000;
  const file = join(benchDir, `replay-${total}.jsonl`);
  if (!existsSync(file)) {
    const out = createWriteStream(file);
    const mix = { accounts: total / 10, connections: (total * 3) / 10, messages: (total * 6) / 10 };
    let buf = '';
    for (const line of syntheticEvents(mix, Date.now() - 30 * 86_400_000)) {
      buf += line + '\n';
      if (buf.length > 1 << 20) {
        if (!out.write(buf)) await once(out, 'drain');
        buf = '';
      }
    }
    out.end(buf);
    await once(out, 'close');
  }
  // Both in fresh processes: the floor (read + JSON.parse) and the shipped `warden replay`
  // command, timed from spawn to exit — end to end, process start included.
  const floor = JSON.parse(
    spawnSync(process.execPath, ['--max-semi-space-size=128', fileURLToPath(new URL('./replay-floor.js', import.meta.url)), file], {
      encoding: 'utf8',
    }).stdout,
  ) as { events: number; seconds: number };
  const cli = fileURLToPath(new URL('../cli/main.js', import.meta.url));
  const run = (db?: string) => {
    const t0 = performance.now();
    const r = spawnSync(cli, ['replay', file, '--alerts', join(benchDir, 'replay-alerts.jsonl'), ...(db ? ['--db', db] : [])], {
      encoding: 'utf8',
    });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`warden replay failed: ${r.stderr}`);
    const m = /(\d+) accepted, \d+ duplicates, \d+ conflicts, \d+ rejected; (\d+) alerts/.exec(r.stderr);
    return { seconds, accepted: Number(m?.[1]), alerts: Number(m?.[2]) };
  };
  const throwAway = run();
  const durablePath = join(benchDir, 'replay-durable.db');
  for (const s of ['', '-wal', '-shm']) rmSync(durablePath + s, { force: true });
  const durable = quick ? undefined : run(durablePath);
  for (const s of ['', '-wal', '-shm']) rmSync(durablePath + s, { force: true });
  const r = {
    events: floor.events,
    floorEventsPerSecond: floor.events / floor.seconds,
    replayEventsPerSecond: throwAway.accepted / throwAway.seconds,
    ratioToFloor: floor.seconds / throwAway.seconds,
    alerts: throwAway.alerts,
    durableEventsPerSecond: durable ? durable.accepted / durable.seconds : undefined,
  };
  results.replay = r;
  say(
    `replay ${fmt(r.events)} events into SQLite (\`warden replay\`, fresh process): ${fmt(r.replayEventsPerSecond)} events/s end to end (${throwAway.seconds.toFixed(1)} s, ${fmt(r.alerts)} alerts); ` +
      `floor (read + JSON.parse) ${fmt(r.floorEventsPerSecond)}/s; ratio ${r.ratioToFloor.toFixed(2)} [target ≥ 100,000/s]` +
      (durable ? `; with --db (synchronous=FULL) ${fmt(r.durableEventsPerSecond!)}/s` : ''),
  );
}

function benchMemory(): void {
  const [accounts, connections] = quick ? [100_000, 1_000_000] : [1_000_000, 10_000_000];
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', fileURLToPath(new URL('./memory.js', import.meta.url)), String(accounts), String(connections)],
    { encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(`memory child failed: ${child.stderr}`);
  const r = JSON.parse(child.stdout) as {
    accounts: number;
    connections: number;
    rssBytes: number;
    heapUsedBytes: number;
    arrayBuffersBytes: number;
    buildSeconds: number;
  };
  results.memory = r;
  const mib = (b: number) => (b / 1024 / 1024).toFixed(0);
  say(
    `facts memory: ${fmt(r.accounts)} accounts + ${fmt(r.connections)} connections -> RSS ${mib(r.rssBytes)} MiB (heap ${mib(r.heapUsedBytes)} MiB, typed arrays ${mib(r.arrayBuffersBytes)} MiB), built in ${r.buildSeconds.toFixed(1)} s [target < 2048 MiB]`,
  );
}

function child(script: string, args: string[]): unknown {
  const r = spawnSync(process.execPath, ['--max-semi-space-size=128', fileURLToPath(new URL(script, import.meta.url)), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function benchHashing(): void {
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
function benchVideo(): void {
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
  const t = r.tenMinute720p;
  say(
    `video: a 10-minute 720p video on one core: vPDQ ${t.cpuSecondsVpdq.toFixed(0)} CPU s, vPDQ + TMK ${t.cpuSecondsVpdqAndTmk.toFixed(0)} CPU s, vPDQ of every frame ${t.cpuSecondsVpdqEveryFrame.toFixed(0)} CPU s, against ${t.playingSeconds} s of playing time [aim: below it]`,
  );
}

function benchShrinkOnLoad(): void {
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

function benchIndex(): void {
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

function benchAudit(): void {
  const r = child('./audit-bench.js', quick ? ['5000', '20000'] : ['100000', '1000000']) as {
    appendsPerSecond: number;
    baselineInsertsPerSecond: number;
    chainEntries: number;
    verifyOk: boolean;
    verifySeconds: number;
    verifyEntriesPerSecond: number;
    readOnlySeconds: number;
  };
  results.audit = r;
  say(
    `audit log: ${fmt(r.appendsPerSecond)} appends/s durable (1,000 concurrent callers, synchronous=FULL; same rows unhashed ${fmt(r.baselineInsertsPerSecond)}/s) [target ≥ 20,000/s]; ` +
      `verified ${fmt(r.chainEntries)} entries in ${r.verifySeconds.toFixed(1)} s (${fmt(r.verifyEntriesPerSecond)}/s, ${r.verifyOk ? 'intact' : 'BROKEN'}; reading them without hashing ${r.readOnlySeconds.toFixed(1)} s)`,
  );
}

function benchConsole(): void {
  const r = child('./console-bench.js', quick ? ['2000', '20'] : ['100000', '200']) as {
    cases: number;
    requests: number;
    empty: Record<string, { medianMs: number; p95Ms: number }>;
    full: Record<string, { medianMs: number; p95Ms: number }>;
  };
  results.console = r;
  for (const [page, m] of Object.entries(r.full)) {
    const e = r.empty[page];
    say(
      `console ${page} with ${fmt(r.cases)} open cases: median ${m.medianMs.toFixed(1)} ms, p95 ${m.p95Ms.toFixed(1)} ms; ` +
        `empty database ${e ? `${e.medianMs.toFixed(1)} ms` : '-'} (ratio ${e ? (m.medianMs / e.medianMs).toFixed(1) : '-'}) [target < 200 ms]`,
    );
  }
}

function benchOutbox(): void {
  const r = child('./outbox-bench.js', [quick ? '2000' : '20000']) as {
    actions: number;
    deliveriesPerSecond: number;
    baselinePostsPerSecond: number;
    ratioToBaseline: number;
    status: Record<string, number>;
  };
  results.outbox = r;
  say(
    `webhook outbox: ${fmt(r.actions)} actions delivered at ${fmt(r.deliveriesPerSecond)}/s (signed, outcome and audit entry committed durably) to a receiver in another process; ` +
      `plain signed POSTs with no outbox ${fmt(r.baselinePostsPerSecond)}/s; ratio ${r.ratioToBaseline.toFixed(2)}; all delivered: ${r.status.delivered === r.actions} [target ≥ 2,000/s]`,
  );
}

function benchReport(): void {
  // NCMEC's schema is never shipped: without WARDEN_NCMEC_XSD only the build is timed.
  const xsd = ncmecSchemaFile();
  const r = child('./report-bench.js', [xsd?.path ?? '', quick ? '10' : '100']) as {
    files: number;
    documents: number;
    bytes: number;
    buildMs: number;
    validateMs: number | null;
    totalMs: number;
    oneFileTotalMs: number;
  };
  results.report = xsd ? r : { ...r, validation: NCMEC_XSD_UNSET };
  const validated =
    r.validateMs === null ? `not validated (${NCMEC_XSD_UNSET})` : `validated against the XSD in ${r.validateMs.toFixed(1)} ms`;
  say(
    `CyberTipline report with ${r.files} files: checked and built (${r.documents} documents, ${fmt(r.bytes)} bytes) in ${r.buildMs.toFixed(1)} ms, ${validated}; ` +
      `total ${r.totalMs.toFixed(0)} ms; one file ${r.oneFileTotalMs.toFixed(0)} ms [target < 1,000 ms]`,
  );
}

function benchConversations(): void {
  const r = child('./cue-bench.js', [quick ? '50000' : '500000']) as {
    messages: number;
    messagesPerSecond: number;
    floorPerSecond: number;
    steps: Record<string, number>;
  };
  const steps = r.steps;
  say(
    `normalisation, step by step (messages/s, one core): ${Object.entries(steps)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join('; ')}`,
  );
  type Ingest = { messages: number; messagesPerSecond: number; baselinePerSecond: number; ratioToBaseline: number; alerts: number };
  const conv = child('./conversation-bench.js', [quick ? '20000' : '200000', '--detectors=conversation_risk,account_risk']) as Ingest;
  const full = child('./conversation-bench.js', [quick ? '20000' : '200000']) as Ingest;
  const stress = child('./conversation-bench.js', [quick ? '20000' : '100000', '--all-risky']) as Ingest;
  results.conversations = { cues: r, normalizeSteps: steps, ingestConversationRisk: conv, ingest: full, ingestAllRisky: stress };
  say(
    `conversation cues (normalise + ${CUES.length} cues and their frames x 4 languages), one core: ${fmt(r.messagesPerSecond)} messages/s; floor (toLowerCase of each) ${fmt(r.floorPerSecond)}/s`,
  );
  say(
    `conversation risk in ingest (every message adult to minor: normalisation, cues, message model, state, calibrated combiner, account score): ${fmt(conv.messagesPerSecond)} messages/s; ` +
      `the same ingest with no detectors ${fmt(conv.baselinePerSecond)}/s; ratio ${conv.ratioToBaseline.toFixed(2)}; ${fmt(conv.alerts)} alerts (one message in 25 with a cue) [target ≥ 20,000/s]`,
  );
  say(
    `  with every detector on (unwanted contact, fan-out, hashes…): ${fmt(full.messagesPerSecond)} messages/s, ratio ${full.ratioToBaseline.toFixed(2)}, ${fmt(full.alerts)} alerts`,
  );
  say(
    `  stress, every message with a cue: ${fmt(stress.messagesPerSecond)} messages/s, ratio ${stress.ratioToBaseline.toFixed(2)}, ${fmt(stress.alerts)} alerts (each one stored with its audit entry)`,
  );
}

if (want('gate')) await benchGate();
if (want('http')) await benchHttp();
if (want('signin')) {
  const r = await benchSignInFlood(quick);
  results.signInFlood = r;
  const codes = Object.entries(r.flood.statuses)
    .map(([k, v]) => `${k} x${v}`)
    .join(', ');
  say(
    `gate beside a sign-in flood (${r.flood.perSecond}/s wrong passwords from ${r.flood.addresses} addresses: ${codes}): ${fmt(r.gateWithFlood.rps)} decisions/s, p99 ${r.gateWithFlood.p99} ms; ` +
      `without it ${r.gateAlone.map((a) => `${fmt(a.rps)}/s p99 ${a.p99} ms`).join(' and ')}; ratio ${r.ratio.toFixed(2)} [target ≥ 0.8]`,
  );
}
if (want('replay')) await benchReplay();
if (want('memory')) benchMemory();
if (want('hashing')) benchHashing();
if (want('index')) benchIndex();
if (want('shrink')) benchShrinkOnLoad();
if (want('audit')) benchAudit();
if (want('console')) benchConsole();
if (want('outbox')) benchOutbox();
if (want('report')) benchReport();
if (want('conversations')) benchConversations();
if (want('video')) benchVideo();
if (want('simulate')) await benchSimulate(quick, say, results);
// Not in the quick smoke run the test suite makes: the fault tests run the same cluster.
if (only?.includes('scale-out') || (!only && !quick)) {
  const r = await benchScaleOut(quick);
  results.scaleOut = r;
  if (typeof r === 'string') say(`scale-out: skipped (${r})`);
  else {
    say(
      `scale-out (${fmt(r.events)} messages, 8 partitions, PostgreSQL + JetStream on this host): embedded replay ${fmt(r.embeddedPerSecond)} events/s; publish alone ${fmt(r.publishPerSecond)}/s`,
    );
    for (const w of r.workers)
      say(
        `  ${w.n} worker${w.n > 1 ? 's' : ''}: ${fmt(w.perSecond)} events/s (x${w.ratioToOne.toFixed(2)} of one worker, x${w.ratioToEmbedded.toFixed(2)} of embedded); publish to commit p50 <= ${fmt(w.e2eP50Ms)} ms, p99 <= ${fmt(w.e2eP99Ms)} ms`,
      );
    say(
      `  gate over HTTP on a serve --bus node: p99 ${r.gate.idleP99Ms.toFixed(1)} ms idle, ${r.gate.duringIngestP99Ms.toFixed(1)} ms while 2 workers ingest`,
    );
  }
}
writeFileSync(join(benchDir, 'results.json'), JSON.stringify(results, null, 2));
// `sink` keeps the baseline loops from being optimised away.
say(`(results in .bench/results.json; checksum ${sink % 1000})`);
