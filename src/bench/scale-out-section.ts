import type { BenchContext } from './bench-context.js';
import { benchScaleOut, type WorkerRun } from './scale-out-bench.js';

/** The scale-out section of `npm run bench`: workers on PostgreSQL and JetStream beside embedded replay. */
export async function benchScaleOutSection(ctx: BenchContext): Promise<void> {
  const { quick, say, fmt, results } = ctx;
  const line = (w: WorkerRun) =>
    say(
      `  ${w.n} worker${w.n > 1 ? 's' : ''}: drain ${fmt(w.perSecond)} events/s (x${w.ratioToOne.toFixed(2)} of one worker, x${w.ratioToEmbedded.toFixed(2)} of embedded), ` +
        `worker CPU ${fmt(w.workerCpuMsPer1000)} ms per 1,000 events, load ${w.loadAverage}; live publish to commit p50 <= ${fmt(w.e2eP50Ms)} ms, p99 <= ${fmt(w.e2eP99Ms)} ms; ` +
        `gate p99 over HTTP ${w.gateIdleP99Ms.toFixed(1)} ms idle, ${w.gateDuringIngestP99Ms.toFixed(1)} ms during ingest`,
    );
  const cpu = (w: WorkerRun) => {
    const c = w.cpuMsPer1000;
    const total = c.workers + c.postgresBackends + c.postgresBackground + c.nats + c.bench;
    say(
      `    CPU ms per 1,000 events while draining: workers ${fmt(c.workers)}, PostgreSQL backends ${fmt(c.postgresBackends)}, ` +
        `PostgreSQL background (host-wide) ${fmt(c.postgresBackground)}, nats-server ${fmt(c.nats)}, bench process ${fmt(c.bench)}; total ${fmt(total)}; ` +
        `${c.pgTransactions.toFixed(1)} PostgreSQL transactions per 1,000 events, ${fmt(w.eventsPerBatch)} events per batch`,
    );
  };
  const r = await benchScaleOut(quick, (w, embedded) => {
    if (w.n === 1) say(`scale-out: embedded replay ${fmt(embedded)} events/s`);
    line(w);
    cpu(w);
  });
  results.scaleOut = r;
  if (typeof r === 'string') say(`scale-out: skipped (${r})`);
  else
    say(
      `scale-out (${fmt(r.events)} messages, 8 partitions, PostgreSQL + JetStream on this host): embedded replay ${fmt(r.embeddedPerSecond)} events/s; publish alone ${fmt(r.publishPerSecond)}/s (workers above)`,
    );
}
