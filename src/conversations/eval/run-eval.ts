import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProgress } from '../../core/create-progress.js';
import { FRESH_SPLITS } from './fresh-splits.js';
import { generateCorpus, type Conversation } from './generate-corpus.js';
import type { Split } from './phrases.js';

/*
 * `npm run eval`: the labelled synthetic corpus replayed through the real engine with
 * `warden replay`, scored per conversation. A conversation is flagged when any grooming,
 * solicitation or sextortion alert names it. The held-out split uses phrasing never used
 * while writing the cue lexicon.
 */
const CLI = fileURLToPath(new URL('../../cli/main.js', import.meta.url));
const RISK = new Set(['grooming', 'solicitation', 'sextortion']);
const familyLinks = !process.argv.includes('--no-family-links');
const perFamily = Number(process.argv.find((a) => a.startsWith('--per-family='))?.slice(13) ?? 48);

interface Alert {
  category: string;
  conversationId?: string;
  triggerEventId: string;
}

export function replay(convs: Conversation[]): Alert[] {
  const dir = mkdtempSync(join(tmpdir(), 'warden-eval-'));
  try {
    writeFileSync(join(dir, 'events.jsonl'), convs.flatMap((c) => c.events.map((e) => JSON.stringify(e))).join('\n') + '\n');
    const r = spawnSync(process.execPath, [CLI, 'replay', join(dir, 'events.jsonl'), '--alerts', join(dir, 'alerts.jsonl'), '--strict'], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`warden replay failed: ${r.stderr}`);
    return readFileSync(join(dir, 'alerts.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Alert);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]! : NaN);
const pct = (xs: number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)]! : NaN;
const f = (x: number) => (Number.isNaN(x) ? '-' : x.toFixed(3));

export function score(convs: Conversation[], alerts: Alert[]) {
  const byConv = new Map<string, Alert[]>();
  for (const a of alerts)
    if (RISK.has(a.category) && a.conversationId) byConv.set(a.conversationId, [...(byConv.get(a.conversationId) ?? []), a]);
  let tp = 0,
    fp = 0,
    fn = 0,
    rightCategory = 0;
  const latencies: number[] = [];
  const lengths: number[] = [];
  const families = new Map<string, { n: number; flagged: number; label: string }>();
  const byLang = new Map<string, { n: number; hit: number }>();
  const byDisguise = new Map<string, { n: number; hit: number }>();
  for (const c of convs) {
    const hits = byConv.get(c.id) ?? [];
    const flagged = hits.length > 0;
    const fam = families.get(c.family) ?? { n: 0, flagged: 0, label: c.label };
    fam.n++;
    if (flagged) fam.flagged++;
    families.set(c.family, fam);
    if (c.label === 'benign') {
      if (flagged) fp++;
      continue;
    }
    lengths.push(c.messageIds.length);
    const lk = byLang.get(c.lang) ?? { n: 0, hit: 0 };
    const dk = byDisguise.get(c.disguised ? 'disguised' : 'plain') ?? { n: 0, hit: 0 };
    lk.n++;
    dk.n++;
    if (!flagged) {
      fn++;
    } else {
      tp++;
      lk.hit++;
      dk.hit++;
      if (hits.some((h) => h.category === c.label)) rightCategory++;
      const firstIdx = Math.min(...hits.map((h) => c.messageIds.indexOf(h.triggerEventId) + 1).filter((i) => i > 0));
      latencies.push(firstIdx - (c.firstActionable ?? 1) + 1);
    }
    byLang.set(c.lang, lk);
    byDisguise.set(c.disguised ? 'disguised' : 'plain', dk);
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const fBeta = (b: number) => (precision + recall ? ((1 + b * b) * precision * recall) / (b * b * precision + recall) : 0);
  // F-latency (Sadeque et al., 2018): F1 times the median over true positives of (1 − penalty(k)),
  // penalty(k) = −1 + 2 / (1 + e^(−p(k−1))), p chosen so that penalty is 0.5 at the median conversation length.
  const m = median(lengths);
  const p = Math.log(3) / Math.max(1, m - 1);
  const speed = median(latencies.map((k) => 1 - (-1 + 2 / (1 + Math.exp(-p * (k - 1))))));
  return {
    conversations: convs.length,
    tp,
    fp,
    fn,
    precision,
    recall,
    f05: fBeta(0.5),
    f1: fBeta(1),
    categoryAccuracy: tp ? rightCategory / tp : 0,
    latencyMedian: median(latencies),
    latencyP90: pct(latencies, 0.9),
    fLatency: fBeta(1) * (Number.isNaN(speed) ? 0 : speed),
    families: [...families].map(([family, v]) => ({ family, label: v.label, n: v.n, flaggedRate: v.flagged / v.n })),
    recallByLanguage: Object.fromEntries([...byLang].map(([k, v]) => [k, v.hit / v.n])),
    recallByDisguise: Object.fromEntries([...byDisguise].map(([k, v]) => [k, v.hit / v.n])),
  };
}

const writeTraining = process.argv.find((a) => a.startsWith('--write-training='))?.slice(17);
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && writeTraining) {
  // Training data comes from the tune split only (its own seed); the held-out split is never written.
  const convs = generateCorpus('tune', perFamily, 11, { grammar: true });
  writeFileSync(writeTraining, convs.flatMap((c) => (c.labelled ? [JSON.stringify(c.labelled)] : [])).join('\n') + '\n');
  process.stdout.write(`wrote ${writeTraining}: ${convs.filter((c) => c.labelled).length} labelled conversations from the tune split\n`);
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const only = process.argv
    .find((a) => a.startsWith('--splits='))
    ?.slice(9)
    .split(',');
  const splits: [Split, number][] = [
    ['tune', 1],
    ['heldout', 2],
    ...Object.entries(FRESH_SPLITS).map(([name, f]) => [name as Split, f.seed] as [Split, number]),
  ];
  const chosen = splits.filter(([s]) => !only || only.includes(s));
  // Work is counted in splits (each is one replay); the count and rate are in conversations.
  const progress = createProgress({ label: 'eval', done: 'evaluated', unit: 'conversations', total: chosen.length, items: null });
  const say = (text: string) => progress.log(text, process.stdout);
  let conversations = 0;
  let splitsDone = 0;
  try {
    for (const [split, seed] of chosen) {
      const convs = generateCorpus(split, perFamily, seed, { familyLinks });
      const r = score(convs, replay(convs));
      progress.update((conversations += convs.length), ++splitsDone);
      say(`\n== ${split} split: ${r.conversations} conversations (${perFamily} per family${familyLinks ? '' : ', no family links'}) ==\n`);
      say(
        `precision ${f(r.precision)}  recall ${f(r.recall)}  F0.5 ${f(r.f05)}  F1 ${f(r.f1)}  F-latency ${f(r.fLatency)}  [target F0.5 >= 0.9]\n`,
      );
      say(
        `category right on ${f(r.categoryAccuracy)} of detections; messages until detection from the first actionable one: median ${r.latencyMedian}, p90 ${r.latencyP90} [target median <= 1]\n`,
      );
      say(`recall by language ${JSON.stringify(r.recallByLanguage)}; by disguise ${JSON.stringify(r.recallByDisguise)}\n`);
      for (const fam of r.families)
        say(
          `  ${fam.family.padEnd(22)} ${fam.label.padEnd(12)} n=${String(fam.n).padEnd(4)} ${fam.label === 'benign' ? 'false-positive rate' : 'recall'} ${f(fam.flaggedRate)}${fam.label === 'benign' ? ' [target <= 0.02]' : ''}\n`,
        );
    }
  } catch (e) {
    // On a terminal the bar's timer would hold the process open after the error.
    progress.abort();
    throw e;
  }
  progress.finish(`${chosen.length} splits`);
}
