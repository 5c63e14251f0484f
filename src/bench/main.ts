import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { BAND } from '../core/age-band.js';
import { systemClock } from '../core/clock.js';
import { createFacts, EDGE, FLAG } from '../facts/facts.js';
import { GateConfigSchema } from '../gate/gate-config.js';
import { NCMEC_XSD_UNSET, ncmecSchemaFile } from '../reporting/ncmec/schema-file.js';
import { createGate, GATE_ACTIONS, type DecisionRequest } from '../gate/gate.js';
import { startGateServer } from './gate-server.js';
import { prng, syntheticEvents } from './synthetic.js';
import { benchSignInFlood } from './sign-in-bench.js';
import { benchSimulate } from './simulate-bench.js';
import { benchScaleOutSection } from './scale-out-section.js';
import { createBenchContext } from './bench-context.js';
import { benchHashing, benchIndex, benchShrinkOnLoad, benchVideo } from './media-sections.js';
import { benchConversations } from './conversation-section.js';

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
const ctx = createBenchContext(quick, benchDir, results);
const { fmt, say, child } = ctx;
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
if (want('hashing')) benchHashing(ctx);
if (want('index')) benchIndex(ctx);
if (want('shrink')) benchShrinkOnLoad(ctx);
if (want('audit')) benchAudit();
if (want('console')) benchConsole();
if (want('outbox')) benchOutbox();
if (want('report')) benchReport();
if (want('conversations')) benchConversations(ctx);
if (want('video')) benchVideo(ctx);
if (want('simulate')) await benchSimulate(quick, say, results);
// Not in the quick smoke run the test suite makes: the fault tests run the same cluster.
if (only?.includes('scale-out') || (!only && !quick)) await benchScaleOutSection(ctx);
writeFileSync(join(benchDir, 'results.json'), JSON.stringify(results, null, 2));
// `sink` keeps the baseline loops from being optimised away.
say(`(results in .bench/results.json; checksum ${sink % 1000})`);
