import { systemClock } from '../core/clock.js';
import { createEngine } from '../engine/create-engine.js';
import { validateEvent } from '../events/validate-event.js';
import { createStore } from '../store/store.js';
import { silentLogger, testConfig } from '../testing/events.js';

/**
 * Conversation risk at full cost: every message from an adult to a minor (the only direction
 * it analyses, so every one is scored) through normalisation, cue detection, the message
 * model, the conversation state and the calibrated combiner, inside the real ingest path with
 * every detector on. One message in 25 carries a cue (`--all-risky`: every one, which turns
 * most of them into alerts). Baseline in the same process: the same events through the same
 * engine with no detectors at all. Prints JSON. argv: messages [--all-risky] [--detectors=a,b] [--rounds=N]
 */
const total = Number(process.argv[2] ?? 200_000);
const everyday = [
  'practice moved to 5pm, bring water',
  'did you finish the math homework?',
  'great game today team!',
  'see you at grandma on sunday',
  'lol that level is hard',
  'what games do you play?',
  'cool, i like that song too',
  'how was your day',
  'the bus leaves at 8 sharp',
  'nice pass in the second half',
  'quiz moved to thursday',
  'dinner is ready',
  'que buena partida',
  'bien joue',
  'boa partida, amanha tem aula?',
];
const risky = [
  'how old are you?',
  "don't tell your parents we talk",
  'add me on s n a p',
  'k33p it s3cr3t',
  'send me a pic',
  'mándame una foto',
  'quantos anos vc tem',
  'ne dis rien à personne',
  "i'll send them to all your followers",
  'pay me $100 in a gift card, you have 30 minutes',
];
/** `--all-risky`: every message carries a cue (the stress case); otherwise one in 25 does. */
const allRisky = process.argv.includes('--all-risky');
/** `--detectors=a,b`: only these detectors on (the rest of ingest unchanged). */
const only = process.argv
  .find((a) => a.startsWith('--detectors='))
  ?.slice(12)
  .split(',');
const textOf = (i: number) =>
  (allRisky || i % 25 === 0 ? risky[(i >> 1) % risky.length]! : everyday[i % everyday.length]!) + (i % 5 === 0 ? ' 🙂' : '');
const ADULTS = 2000;
const MINORS = 8000;
const t0 = Date.now() - 86_400_000;

function events(): ReturnType<typeof validateEvent>[] {
  const out = [];
  const ts = (k: number) => new Date(t0 + k).toISOString();
  for (let i = 0; i < ADULTS; i++)
    out.push({ id: `a${i}`, type: 'account.upserted', ts: ts(0), account: { id: `ad${i}`, ageBand: 'adult' } });
  for (let i = 0; i < MINORS; i++)
    out.push({ id: `k${i}`, type: 'account.upserted', ts: ts(0), account: { id: `kid${i}`, ageBand: '13-15' } });
  for (let i = 0; i < total; i++) {
    const a = i % ADULTS;
    const k = (i * 7) % MINORS;
    // Half the pairs connected: the context differs, the work does not.
    out.push({
      id: `m${i}`,
      type: 'message.sent',
      ts: ts(1000 + i),
      message: { id: `m${i}`, conversationId: `c${a}_${k}`, from: `ad${a}`, to: [`kid${k}`], text: textOf(i) },
    });
  }
  return out.map((e) => validateEvent(e, { nowMs: Date.now(), maxFutureSkewMs: 300_000 }));
}

/** Wall seconds and this process's CPU seconds (on a loaded machine the CPU time is the steadier of the two). */
async function run(withDetectors: boolean): Promise<{ seconds: number; cpuSeconds: number; alerts: number }> {
  const store = await createStore(':memory:');
  const detectors = !withDetectors ? () => false : only ? (name: string) => only.includes(name) : undefined;
  const engine = await createEngine({
    store,
    config: testConfig({ conversations: { model: 'builtin' } }),
    logger: silentLogger(),
    clock: systemClock,
    detectors,
  });
  const valid = events().map((r) => {
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  });
  const setup = valid.slice(0, ADULTS + MINORS);
  await engine.ingest(setup);
  const msgs = valid.slice(ADULTS + MINORS);
  let alerts = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < msgs.length; i += 1000) alerts += (await engine.ingest(msgs.slice(i, i + 1000))).alerts.length;
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await store.close();
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, alerts };
}

/**
 * `--rounds=N` (default 2): the two runs alternate N times and each keeps its fastest, so a
 * burst of load from other processes on a shared machine skews neither side of the ratio.
 */
const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 2);
await run(true); // warm the JIT on both paths
let base = { seconds: Infinity, cpuSeconds: Infinity };
let full = { seconds: Infinity, cpuSeconds: Infinity, alerts: 0 };
for (let r = 0; r < rounds; r++) {
  const b = await run(false);
  const f = await run(true);
  base = { seconds: Math.min(base.seconds, b.seconds), cpuSeconds: Math.min(base.cpuSeconds, b.cpuSeconds) };
  full = { seconds: Math.min(full.seconds, f.seconds), cpuSeconds: Math.min(full.cpuSeconds, f.cpuSeconds), alerts: f.alerts };
}
process.stdout.write(
  JSON.stringify({
    messages: total,
    messagesPerSecond: total / full.seconds,
    baselinePerSecond: total / base.seconds,
    ratioToBaseline: base.seconds / full.seconds,
    cpuMessagesPerSecond: total / full.cpuSeconds,
    cpuBaselinePerSecond: total / base.cpuSeconds,
    cpuRatioToBaseline: base.cpuSeconds / full.cpuSeconds,
    rounds,
    alerts: full.alerts,
  }),
);
