import type { BenchContext } from './bench-context.js';
import { benchScaleOut } from './scale-out-bench.js';

/** The scale-out section of `npm run bench`: workers on PostgreSQL and JetStream beside embedded replay. */
export async function benchScaleOutSection(ctx: BenchContext): Promise<void> {
  const { quick, say, fmt, results } = ctx;
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
