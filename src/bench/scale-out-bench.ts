import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { busOptions } from '../bus/bus-options.js';
import { connectBus } from '../bus/connect-bus.js';
import { createLogger } from '../core/create-logger.js';
import { replay } from '../engine/replay.js';
import { createApiKey } from '../server/api-key-store.js';
import { startServer } from '../server/start-server.js';
import { createStore } from '../store/store.js';
import { testConfig } from '../testing/events.js';
import { freePort, natsSkip, startTestNats } from '../testing/nats-server.js';
import { partitionHolders, publishAll, spawnWorker, waitUntil, type WorkerProcess } from '../testing/scale-cluster.js';
import { scaleStream } from '../testing/scale-stream.js';
import { createPgDatabase, PG_ADMIN_URL } from '../testing/test-databases.js';
import { createCpuSampler, type CpuBreakdown } from './scale-out-cpu.js';

/*
 * `npm run bench -- --only=scale-out` (issue 18): events a second with 1, 2 and 4 workers
 * beside the embedded mode (an in-process replay of the same events, in the same run). The
 * workers' rate is their drain of a backlog published while they were paused (SIGSTOP), so the
 * publisher's own rate (reported apart) does not cap it; with it, the CPU the workers spent per
 * event. Then, with the workers running, a live phase: end-to-end latency (publish to commit, from
 * the workers' histograms, that phase only) and the gate's p99 over HTTP on a `serve --bus` node,
 * idle and during that ingest, in every run (the same processes beside 1, 2 or 4 workers).
 */
const PARTITIONS = 8;
const logger = createLogger('silent');

function quantile(sorted: number[], q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** A quantile from a Prometheus histogram's cumulative buckets (the bucket's upper bound, as Prometheus' own estimate is at most). */
function histogramQuantile(text: string, name: string, q: number): number {
  const buckets: [number, number][] = [];
  for (const m of text.matchAll(new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\d+)`, 'gm')))
    buckets.push([m[1] === '+Inf' ? Infinity : Number(m[1]), Number(m[2])]);
  const total = buckets.at(-1)?.[1] ?? 0;
  return buckets.find(([, c]) => c >= q * total)?.[0] ?? NaN;
}

export interface WorkerRun {
  n: number;
  /** Draining a backlog (the workers paused while it was published): what the workers take, without the publisher. */
  perSecond: number;
  ratioToOne: number;
  ratioToEmbedded: number;
  /** CPU the worker processes used per 1,000 events while draining (user + system, all workers). */
  workerCpuMsPer1000: number;
  /** CPU per 1,000 events while draining, per process group (ms). */
  cpuMsPer1000: CpuBreakdown;
  /** Live: events published while the workers run, publish to commit. */
  e2eP50Ms: number;
  e2eP99Ms: number;
  gateIdleP99Ms: number;
  gateDuringIngestP99Ms: number;
  loadAverage: number;
  /** Events per committed batch while draining (the workers' `warden_batch_seconds` count). */
  eventsPerBatch: number;
}

export interface ScaleOutResult {
  events: number;
  embeddedPerSecond: number;
  publishPerSecond: number;
  workers: WorkerRun[];
}

const loadAverage = () => {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return NaN;
  }
};

/** `onRun` hears each worker count's figures as soon as they are measured (a later run that fails loses nothing). */
export async function benchScaleOut(
  quick: boolean,
  onRun?: (w: WorkerRun, embeddedPerSecond: number) => void,
): Promise<ScaleOutResult | string> {
  if (natsSkip) return natsSkip;
  const pairs = quick ? 300 : 2000;
  const s = scaleStream(pairs, 10, Date.now() - 3_600_000, 'b');
  // A second, smaller set for the live phase (end-to-end latency while the gate is probed).
  const live = scaleStream(Math.max(50, pairs / 4), 10, Date.now() - 3_000_000, 'l');
  const dir = mkdtempSync(join(tmpdir(), 'warden-scale-bench-'));
  const nats = await startTestNats();
  try {
    // Embedded: the same events through one process's engine, committing to PostgreSQL too.
    const input = join(dir, 'events.jsonl');
    writeFileSync(input, [...s.facts, ...s.messages].join('\n') + '\n');
    const edb = await createPgDatabase();
    const emb = await replay({
      input,
      alertsOut: join(dir, 'alerts.jsonl'),
      db: edb.url,
      config: testConfig(),
      logger,
      report: () => undefined,
    });
    await edb.drop();
    const embeddedPerSecond = emb.accepted / emb.seconds;

    const workers: WorkerRun[] = [];
    const publishRates: number[] = [];
    for (const n of [1, 2, 4]) {
      const stream = `BENCH${n}`;
      const db = await createPgDatabase();
      await (await createStore(db.url)).close();
      const options = busOptions({ url: nats.url, stream, partitions: PARTITIONS, batch: 500 });
      const bus = await connectBus(options, logger, 'bench');
      const ports: number[] = [];
      const procs: WorkerProcess[] = [];
      for (let i = 0; i < n; i++) {
        const port = await freePort();
        ports.push(port);
        procs.push(spawnWorker({ bus: nats.url, db: db.url, stream, partitions: PARTITIONS, batch: 500, ackWaitMs: 30_000, port }));
      }
      // The same processes in every run: one serve --bus node answers the gate while the workers ingest.
      const server = await startServer(testConfig({ store: { url: db.url }, server: { port: 0 } }), logger, { bus: options });
      // On a work-queue stream a message leaves once acknowledged: an empty stream is a drained
      // one. One stream-info request per poll, not a consumer info per partition (those made
      // nats-server count each consumer's pending messages 400 times a second during a drain).
      const drained = async (what: string) =>
        waitUntil(what, async () => (await bus.jsm.streams.info(stream).catch(() => undefined))?.state.messages === 0, 600_000, 20);
      try {
        await waitUntil(
          `${n} workers to share the partitions`,
          async () => new Set((await partitionHolders(db.url)).values()).size === n,
          // Generous: on a loaded 2-core host four workers starting at once take long to load.
          300_000,
        );
        await publishAll(bus, logger, [...s.facts, ...live.facts], 1000);
        await drained('the facts');

        // Capacity: the backlog is published while the workers are paused, then drained.
        const scrape = async () => Promise.all(ports.map(async (p) => (await fetch(`http://127.0.0.1:${p}/metrics`)).text()));
        const batchesBefore = batchCount(await scrape());
        for (const p of procs) p.child.kill('SIGSTOP');
        let t0 = performance.now();
        await publishAll(bus, logger, s.messages, 1000);
        publishRates.push(s.messages.length / ((performance.now() - t0) / 1000));
        const sampler = createCpuSampler({
          adminUrl: PG_ADMIN_URL,
          dbName: new URL(db.url).pathname.slice(1),
          workerPids: () => procs.map((p) => p.child.pid),
          natsPid: () => nats.pid,
        });
        await sampler.start();
        t0 = performance.now();
        for (const p of procs) p.child.kill('SIGCONT');
        await drained('the backlog');
        const seconds = (performance.now() - t0) / 1000;
        const cpu = await sampler.stop();
        const batches = batchCount(await scrape()) - batchesBefore;
        const per1000 = (x: number) => (x * 1000 * 1000) / s.messages.length;
        const load = loadAverage();

        // Live: published while the workers run, the gate probed over HTTP meanwhile.
        const key = (await createApiKey(server.store.db, 'bench', 'decide')).key;
        const one = async () => {
          const t = performance.now();
          const r = await fetch(`${server.url}/v1/decisions`, {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: JSON.stringify({ action: 'message', actor: 'ba1', target: 'bm1' }),
          });
          await r.arrayBuffer();
          return performance.now() - t;
        };
        const idle: number[] = [];
        for (let i = 0; i < (quick ? 200 : 1000); i++) idle.push(await one());
        const before = await scrape();
        let stopGate = false;
        const during: number[] = [];
        const gateLoop = (async () => {
          while (!stopGate) during.push(await one());
        })();
        await publishAll(bus, logger, live.messages, 200);
        await drained('the live messages');
        stopGate = true;
        await gateLoop;
        const after = await scrape();
        const e2e = subtractHistograms(
          mergeHistograms(after, 'warden_end_to_end_seconds'),
          mergeHistograms(before, 'warden_end_to_end_seconds'),
          'warden_end_to_end_seconds',
        );
        const perSecond = s.messages.length / seconds;
        workers.push({
          n,
          perSecond,
          ratioToOne: perSecond / (workers[0]?.perSecond ?? perSecond),
          ratioToEmbedded: perSecond / embeddedPerSecond,
          workerCpuMsPer1000: per1000(cpu.workers),
          cpuMsPer1000: {
            workers: per1000(cpu.workers),
            postgresBackends: per1000(cpu.postgresBackends),
            postgresBackground: per1000(cpu.postgresBackground),
            nats: per1000(cpu.nats),
            bench: per1000(cpu.bench),
            // A count per 1,000 events, not CPU.
            pgTransactions: (cpu.pgTransactions * 1000) / s.messages.length,
          },
          e2eP50Ms: histogramQuantile(e2e, 'warden_end_to_end_seconds', 0.5) * 1000,
          e2eP99Ms: histogramQuantile(e2e, 'warden_end_to_end_seconds', 0.99) * 1000,
          gateIdleP99Ms: quantile(
            idle.sort((a, b) => a - b),
            0.99,
          ),
          gateDuringIngestP99Ms: quantile(
            during.sort((a, b) => a - b),
            0.99,
          ),
          loadAverage: load,
          eventsPerBatch: s.messages.length / Math.max(1, batches),
        });
        onRun?.(workers.at(-1)!, embeddedPerSecond);
      } finally {
        for (const p of procs) p.child.kill('SIGCONT');
        await server.close();
        for (const p of procs) await p.kill('SIGTERM');
        await bus.jsm.streams.delete(stream).catch(() => undefined);
        await bus.close();
        await db.drop();
      }
    }
    const publishPerSecond = publishRates.reduce((a, b) => a + b, 0) / publishRates.length;
    return { events: s.messages.length, embeddedPerSecond, publishPerSecond, workers };
  } finally {
    await nats.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Batches committed, summed over the workers' expositions. */
function batchCount(texts: string[]): number {
  let n = 0;
  for (const t of texts) n += Number(/^warden_batch_seconds_count(?:\{[^}]*\})? (\d+)/m.exec(t)?.[1] ?? 0);
  return n;
}

/** One exposition's histogram minus an earlier one's (the events of one phase). */
function subtractHistograms(later: string, earlier: string, name: string): string {
  const re = new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\d+)`, 'gm');
  const base = new Map<string, number>();
  for (const m of earlier.matchAll(re)) base.set(m[1]!, Number(m[2]));
  return [...later.matchAll(re)].map((m) => `${name}_bucket{le="${m[1]}"} ${Number(m[2]) - (base.get(m[1]!) ?? 0)}`).join('\n');
}

/** Sums the cumulative bucket counts of one histogram over several processes' expositions. */
function mergeHistograms(texts: string[], name: string): string {
  const sums = new Map<string, number>();
  for (const t of texts)
    for (const m of t.matchAll(new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\d+)`, 'gm')))
      sums.set(m[1]!, (sums.get(m[1]!) ?? 0) + Number(m[2]));
  return [...sums].map(([le, c]) => `${name}_bucket{le="${le}"} ${c}`).join('\n');
}
