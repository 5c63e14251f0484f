import { BAND } from '../core/age-band.js';
import { createFacts, EDGE } from '../facts/facts.js';
import { prng } from './synthetic.js';

/**
 * Run as its own process so resident memory is the facts' alone: prints one JSON line.
 * argv: accounts connections
 */
const accounts = Number(process.argv[2] ?? 1_000_000);
const connections = Number(process.argv[3] ?? 10_000_000);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage();
const started = performance.now();
const facts = createFacts();
const rnd = prng(11);
for (let i = 0; i < accounts; i++) {
  const idx = facts.ensure(`user_${i}`);
  facts.updateAccount(idx, { band: i % 4 === 0 ? BAND['13-15'] : BAND.adult, assurance: 1 }, 1);
}
for (let i = 0; i < connections; i++) {
  const from = Math.floor(rnd() * accounts);
  const to = Math.floor(rnd() * accounts);
  if (from !== to) facts.edges.put(from, to, facts.edges.get(from, to) | EDGE.follow, i);
}
const buildMs = performance.now() - started;
gc?.();
const after = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    accounts: facts.accountCount,
    connections: facts.edges.size,
    buildSeconds: buildMs / 1000,
    rssBytes: after.rss,
    rssDeltaBytes: after.rss - before.rss,
    heapUsedBytes: after.heapUsed,
    arrayBuffersBytes: after.arrayBuffers,
    estimatedFactsBytes: facts.bytes(),
  }) + '\n',
);
