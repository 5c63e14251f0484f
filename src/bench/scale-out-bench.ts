import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { busOptions } from '../bus/bus-options.js';
import { connectBus } from '../bus/connect-bus.js';
import { partitionLag } from '../bus/partition-lag.js';
import { createLogger } from '../core/create-logger.js';
import { replay } from '../engine/replay.js';
import { createApiKey } from '../server/api-key-store.js';
import { startServer } from '../server/start-server.js';
import { createStore } from '../store/store.js';
import { testConfig } from '../testing/events.js';
import { freePort, natsSkip, startTestNats } from '../testing/nats-server.js';
import { partitionHolders, publishAll, spawnWorker, waitUntil, type WorkerProcess } from '../testing/scale-cluster.js';
import { scaleStream } from '../testing/scale-stream.js';
import { createPgDatabase } from '../testing/test-databases.js';

/*
 * `npm run bench -- --only=scale-out` (issue 18, item 6): events a second with 1, 2 and 4
 * workers beside the embedded mode (an in-process replay of the same events, in the same run),
 * the publish rate alone, end-to-end latency (publish to commit, from the workers' histogram),
 * and the gate's p99 over HTTP on a `serve --bus` node while the workers ingest.
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

export interface ScaleOutResult {
  events: number;
  embeddedPerSecond: number;
  publishPerSecond: number;
  workers: { n: number; perSecond: number; ratioToOne: number; ratioToEmbedded: number; e2eP50Ms: number; e2eP99Ms: number }[];
  gate: { idleP99Ms: number; duringIngestP99Ms: number; ratio: number };
}

export async function benchScaleOut(quick: boolean): Promise<ScaleOutResult | string> {
  if (natsSkip) return natsSkip;
  const s = scaleStream(quick ? 200 : 2000, 10, Date.now() - 3_600_000, 'b');
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

    // The bus alone: how fast one publisher gets acknowledgements (no worker running).
    const pubBus = await connectBus(busOptions({ url: nats.url, stream: 'PUBONLY', partitions: PARTITIONS }), logger, 'bench');
    let t0 = performance.now();
    await publishAll(pubBus, logger, s.messages, 1000);
    const publishPerSecond = s.messages.length / ((performance.now() - t0) / 1000);
    await pubBus.jsm.streams.delete('PUBONLY');
    await pubBus.close();

    const workers: ScaleOutResult['workers'] = [];
    let gate: ScaleOutResult['gate'] = { idleP99Ms: NaN, duringIngestP99Ms: NaN, ratio: NaN };
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
      const server =
        n === 2 ? await startServer(testConfig({ store: { url: db.url }, server: { port: 0 } }), logger, { bus: options }) : undefined;
      try {
        await waitUntil(
          `${n} workers to share the partitions`,
          async () => new Set((await partitionHolders(db.url)).values()).size === n,
          60_000,
        );
        await publishAll(bus, logger, s.facts, 1000);
        await waitUntil('the facts', async () => (await partitionLag(bus).catch(() => [1])).every((x) => x === 0), 120_000);
        let stopGate = false;
        const gateLatencies: number[] = [];
        let gateLoop: Promise<void> | undefined;
        if (server) {
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
          gate.idleP99Ms = quantile(
            idle.sort((a, b) => a - b),
            0.99,
          );
          gateLoop = (async () => {
            while (!stopGate) gateLatencies.push(await one());
          })();
        }
        t0 = performance.now();
        await publishAll(bus, logger, s.messages, 1000);
        await waitUntil('the messages', async () => (await partitionLag(bus).catch(() => [1])).every((x) => x === 0), 300_000, 20);
        const seconds = (performance.now() - t0) / 1000;
        stopGate = true;
        await gateLoop;
        if (server) {
          gate.duringIngestP99Ms = quantile(
            gateLatencies.sort((a, b) => a - b),
            0.99,
          );
          gate = { ...gate, ratio: gate.idleP99Ms / gate.duringIngestP99Ms };
        }
        // End to end from the workers' own histograms (all workers' buckets summed per bound).
        const texts = await Promise.all(ports.map(async (p) => (await fetch(`http://127.0.0.1:${p}/metrics`)).text()));
        const merged = mergeHistograms(texts, 'warden_end_to_end_seconds');
        const perSecond = s.messages.length / seconds;
        workers.push({
          n,
          perSecond,
          ratioToOne: perSecond / (workers[0]?.perSecond ?? perSecond),
          ratioToEmbedded: perSecond / embeddedPerSecond,
          e2eP50Ms: histogramQuantile(merged, 'warden_end_to_end_seconds', 0.5) * 1000,
          e2eP99Ms: histogramQuantile(merged, 'warden_end_to_end_seconds', 0.99) * 1000,
        });
      } finally {
        await server?.close();
        for (const p of procs) await p.kill('SIGTERM');
        await bus.jsm.streams.delete(stream).catch(() => undefined);
        await bus.close();
        await db.drop();
      }
    }
    return { events: s.messages.length, embeddedPerSecond, publishPerSecond, workers, gate };
  } finally {
    await nats.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Sums the cumulative bucket counts of one histogram over several processes' expositions. */
function mergeHistograms(texts: string[], name: string): string {
  const sums = new Map<string, number>();
  for (const t of texts)
    for (const m of t.matchAll(new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\d+)`, 'gm')))
      sums.set(m[1]!, (sums.get(m[1]!) ?? 0) + Number(m[2]));
  return [...sums].map(([le, c]) => `${name}_bucket{le="${le}"} ${c}`).join('\n');
}
