import { CUES, LANGUAGES } from '../conversations/cue-lexicon.js';
import type { BenchContext } from './bench-context.js';

/* The conversation section of `npm run bench`: the cue scan alone, then ingest with the detectors. */

export function benchConversations(ctx: BenchContext): void {
  const { quick, say, fmt, results, child } = ctx;
  const r = child('./cue-bench.js', [quick ? '50000' : '500000']) as {
    messages: number;
    messagesPerSecond: number;
    floorPerSecond: number;
    prefilter: {
      expressions: number;
      alwaysTested: number;
      literals: number;
      states: number;
      plainPerSecond: number;
      prefilteredPerSecond: number;
    };
    steps: Record<string, number>;
  };
  const steps = r.steps;
  say(
    `normalisation, step by step (messages/s, one core): ${Object.entries(steps)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join('; ')}`,
  );
  // Alternating rounds with and without detectors, each side's fastest kept (one in a smoke run).
  const rounds = `--rounds=${quick ? 1 : 3}`;
  const pf = r.prefilter;
  say(
    `cue prefilter: ${pf.expressions} expressions, ${fmt(pf.literals)} required literals (${fmt(pf.states)} automaton states), ${pf.alwaysTested} expressions with no literal (tested on every message); ` +
      `cue expressions on normalised text ${fmt(pf.prefilteredPerSecond)} messages/s with the prefilter, ${fmt(pf.plainPerSecond)}/s testing every expression`,
  );
  type Ingest = {
    messages: number;
    messagesPerSecond: number;
    baselinePerSecond: number;
    ratioToBaseline: number;
    cpuMessagesPerSecond: number;
    cpuBaselinePerSecond: number;
    cpuRatioToBaseline: number;
    alerts: number;
  };
  const cpu = (r: Ingest) =>
    `(by CPU time ${fmt(r.cpuMessagesPerSecond)}/s against ${fmt(r.cpuBaselinePerSecond)}/s, ratio ${r.cpuRatioToBaseline.toFixed(2)})`;
  const conv = child('./conversation-bench.js', [
    quick ? '20000' : '200000',
    '--detectors=conversation_risk,account_risk',
    rounds,
  ]) as Ingest;
  const full = child('./conversation-bench.js', [quick ? '20000' : '200000', rounds]) as Ingest;
  const stress = child('./conversation-bench.js', [quick ? '20000' : '100000', '--all-risky', rounds]) as Ingest;
  results.conversations = { cues: r, normalizeSteps: steps, ingestConversationRisk: conv, ingest: full, ingestAllRisky: stress };
  say(
    `conversation cues (normalise + ${CUES.length} cues and their frames x ${LANGUAGES.length} languages), one core: ${fmt(r.messagesPerSecond)} messages/s; floor (toLowerCase of each) ${fmt(r.floorPerSecond)}/s`,
  );
  say(
    `conversation risk in ingest (every message adult to minor: normalisation, cues, message model, state, calibrated combiner, account score): ${fmt(conv.messagesPerSecond)} messages/s; ` +
      `the same ingest with no detectors ${fmt(conv.baselinePerSecond)}/s; ratio ${conv.ratioToBaseline.toFixed(2)}; ${fmt(conv.alerts)} alerts (one message in 25 with a cue) ${cpu(conv)}`,
  );
  say(
    `  with every detector on (unwanted contact, fan-out, hashes…): ${fmt(full.messagesPerSecond)} messages/s, ratio ${full.ratioToBaseline.toFixed(2)}, ${fmt(full.alerts)} alerts ${cpu(full)} [target ≥ 20,000/s]`,
  );
  say(
    `  stress, every message with a cue: ${fmt(stress.messagesPerSecond)} messages/s, ratio ${stress.ratioToBaseline.toFixed(2)}, ${fmt(stress.alerts)} alerts (each one stored with its audit entry) ${cpu(stress)}`,
  );
}
