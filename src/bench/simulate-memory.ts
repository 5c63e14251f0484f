import { planConversations } from '../simulator/plan-conversations.js';
import { createPlatform } from '../simulator/platform.js';

/**
 * Run as its own process so that resident memory is the simulator's state alone: the platform
 * and a week of planned conversations at 5-minute ticks. Prints one JSON line. argv: accounts
 */
const accounts = Number(process.argv[2] ?? 1_000_000);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage();
const started = performance.now();
const platform = createPlatform({ accounts, seed: 1 });
const conv = planConversations({ platform, seed: 1, ticks: 2016, tickMinutes: 5, benignPerAccount: 0.5 });
const buildSeconds = (performance.now() - started) / 1000;
gc?.();
const after = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    accounts,
    conversations: conv.count,
    buildSeconds,
    platformBytes: platform.byteLength(),
    conversationBytes: conv.byteLength(),
    rssDeltaBytes: after.rss - before.rss,
    heapUsedDeltaBytes: after.heapUsed - before.heapUsed,
    rssBytes: after.rss,
  }) + '\n',
);
