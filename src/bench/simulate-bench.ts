import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInProcessTarget } from '../simulator/in-process-target.js';
import { loadPhraseBank } from '../simulator/phrase-bank.js';
import { runSimulation } from '../simulator/run-simulation.js';
import type { SimTarget } from '../simulator/sim-target.js';
import { defaultStart } from '../simulator/simulate.js';

/** A platform with no Warden behind it: keeps what it is sent, allows every contact. The simulator's own ceiling. */
function sinkTarget(kept: object[][]): SimTarget {
  return {
    name: 'sink',
    send: (events) => {
      kept.push(events as object[]);
      return Promise.resolve({ accepted: events.length, rejected: 0, alerts: 0 });
    },
    decide: () => ({ decision: 'allow', reasons: [] }),
    markDecoy: () => Promise.resolve(true),
    settle: () => Promise.resolve([]),
    close: () => Promise.resolve(),
  };
}

/**
 * `--only=simulate` (issue 19): the simulator driving an in-process Warden in shadow mode
 * (every event and gate question sent, Warden's rules and outbox run, no webhook obeyed),
 * beside two baselines from the same run: the simulator alone into a sink, and Warden's own
 * ingest of exactly the events the simulator made, in the same batches. Then the
 * simulator's state at one million accounts, measured in a fresh process.
 */
export async function benchSimulate(quick: boolean, say: (s: string) => void, results: Record<string, unknown>): Promise<void> {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const phrases = loadPhraseBank();
  const accounts = quick ? 1500 : 100_000;
  const days = quick ? 1 : 2;
  const base = { accounts, days, seed: 1, phrases, startMs: defaultStart(days), mode: 'shadow' as const };
  const kept: object[][] = [];
  const alone = await runSimulation({ ...base, target: sinkTarget(kept) });
  const events = kept.reduce((s, b) => s + b.length, 0);

  const floorTarget = await createInProcessTarget();
  const t0 = performance.now();
  for (const batch of kept) await floorTarget.send(batch);
  await floorTarget.settle();
  const floorSeconds = (performance.now() - t0) / 1000;
  await floorTarget.close();

  const target = await createInProcessTarget();
  const sim = await runSimulation({ ...base, target });
  await target.close();
  const r = {
    accounts,
    days,
    events: sim.events.sent,
    alerts: sim.alerts,
    simulatorInProcessPerSecond: sim.eventsPerSecond,
    simulatorAlonePerSecond: alone.eventsPerSecond,
    wardenIngestFloorPerSecond: events / floorSeconds,
    ratioToIngestFloor: sim.eventsPerSecond / (events / floorSeconds),
  };
  say(
    `simulate (in process, shadow, ${fmt(accounts)} accounts, ${days} days): ${fmt(r.simulatorInProcessPerSecond)} events/s, ${fmt(sim.alerts)} alerts; Warden's ingest of the same ${fmt(events)} events alone ${fmt(r.wardenIngestFloorPerSecond)}/s (ratio ${r.ratioToIngestFloor.toFixed(2)}); simulator into a sink ${fmt(r.simulatorAlonePerSecond)}/s [target ≥ 50,000/s]`,
  );
  const memAccounts = quick ? 20_000 : 1_000_000;
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', fileURLToPath(new URL('./simulate-memory.js', import.meta.url)), String(memAccounts)],
    {
      encoding: 'utf8',
    },
  );
  const mem = JSON.parse(child.stdout) as {
    accounts: number;
    conversations: number;
    platformBytes: number;
    conversationBytes: number;
    rssDeltaBytes: number;
  };
  const perAccount = (mem.platformBytes + mem.conversationBytes) / mem.accounts;
  say(
    `simulator state at ${fmt(mem.accounts)} accounts (${fmt(mem.conversations)} planned conversations): arrays ${fmt((mem.platformBytes + mem.conversationBytes) / 2 ** 20)} MiB (${perAccount.toFixed(1)} bytes/account), RSS growth ${fmt(mem.rssDeltaBytes / 2 ** 20)} MiB [target: 1M accounts in 8 GiB]`,
  );
  results.simulate = { ...r, memory: { ...mem, bytesPerAccount: perAccount } };
}
