import { createInProcessTarget } from '../simulator/in-process-target.js';
import { loadPhraseBank } from '../simulator/phrase-bank.js';
import { runSimulation } from '../simulator/run-simulation.js';
import { defaultStart } from '../simulator/simulate.js';

/**
 * The whole simulated platform with Warden behind it, in one process of its own, so that its
 * peak resident memory is everything a run holds: the simulator's arrays, Warden's warm state
 * (facts, conversation windows, gate), the store's writer thread and SQLite's page cache.
 * Prints one JSON line. argv: accounts days
 */
const accounts = Number(process.argv[2] ?? 1_000_000);
const days = Number(process.argv[3] ?? 1);
const target = await createInProcessTarget();
const sim = await runSimulation({
  accounts,
  days,
  seed: 1,
  phrases: loadPhraseBank(),
  startMs: defaultStart(days),
  mode: 'shadow',
  target,
});
const mem = process.memoryUsage();
const peakRssBytes = process.resourceUsage().maxRSS * 1024;
await target.close();
process.stdout.write(
  JSON.stringify({
    accounts,
    days,
    events: sim.events.sent,
    alerts: sim.alerts,
    eventsPerSecond: sim.eventsPerSecond,
    rssBytes: mem.rss,
    heapUsedBytes: mem.heapUsed,
    peakRssBytes,
  }) + '\n',
);
