import type { ConversationLabel } from './labels-file.js';
import { wilson } from './wilson.js';

/** The alert fields scoring reads (an alerts file line as `warden replay` writes it). */
export interface ScoredAlert {
  category: string;
  conversationId?: string | undefined;
  triggerEventId: string;
}

/** The categories that flag a conversation as risky. */
export const RISK_CATEGORIES = new Set(['grooming', 'solicitation', 'sextortion']);

export interface FamilyScore {
  family: string;
  label: string;
  n: number;
  flagged: number;
  /** Recall for a risky family, false-positive rate for a benign one. */
  rate: number;
  /** 95% Wilson interval of `rate`. */
  low: number;
  high: number;
}

export interface ConfusionEntry {
  conversationId: string;
  family: string;
  label: string;
  /** `missed` (risky, no alert), `false_alarm` (benign, alerted), `wrong_category` (alerted, no alert of its label). */
  kind: 'missed' | 'false_alarm' | 'wrong_category';
  categories: string[];
}

export interface EvalReport {
  conversations: number;
  /** Labelled conversations no message of the events file belongs to (not scored). */
  unseen: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f05: number;
  f1: number;
  falsePositiveRate: number;
  /** Messages from the first actionable one to the first alert (0: at it; negative: before it). */
  delay: { median: number | null; p90: number | null; samples: number };
  families: FamilyScore[];
  recallByLanguage: Record<string, { n: number; recall: number }>;
  confusion: ConfusionEntry[];
}

const quantile = (xs: number[], q: number) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
};

/**
 * Scores alerts against labels, per conversation: flagged when any grooming, solicitation or
 * sextortion alert names it. `messages` gives each conversation's message event ids in event
 * order, to place an alert's trigger relative to the first actionable message.
 */
export function scoreLabelled(
  labels: readonly ConversationLabel[],
  messages: ReadonlyMap<string, readonly string[]>,
  alerts: readonly ScoredAlert[],
): EvalReport {
  const byConv = new Map<string, ScoredAlert[]>();
  for (const a of alerts) {
    if (!RISK_CATEGORIES.has(a.category) || !a.conversationId) continue;
    const list = byConv.get(a.conversationId);
    if (list) list.push(a);
    else byConv.set(a.conversationId, [a]);
  }
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0,
    unseen = 0;
  const delays: number[] = [];
  const fams = new Map<string, { label: string; n: number; flagged: number }>();
  const langs = new Map<string, { n: number; hit: number }>();
  const confusion: ConfusionEntry[] = [];
  for (const l of labels) {
    const ids = messages.get(l.conversationId);
    if (!ids) {
      unseen++;
      continue;
    }
    const hits = byConv.get(l.conversationId) ?? [];
    const flagged = hits.length > 0;
    const family = l.family ?? l.label;
    const fam = fams.get(family) ?? { label: l.label, n: 0, flagged: 0 };
    fam.n++;
    if (flagged) fam.flagged++;
    fams.set(family, fam);
    const categories = [...new Set(hits.map((h) => h.category))].sort();
    if (l.label === 'benign') {
      if (flagged) {
        fp++;
        confusion.push({ conversationId: l.conversationId, family, label: l.label, kind: 'false_alarm', categories });
      } else tn++;
      continue;
    }
    const lang = langs.get(l.language ?? 'unknown') ?? { n: 0, hit: 0 };
    lang.n++;
    langs.set(l.language ?? 'unknown', lang);
    if (!flagged) {
      fn++;
      confusion.push({ conversationId: l.conversationId, family, label: l.label, kind: 'missed', categories });
      continue;
    }
    tp++;
    lang.hit++;
    if (!categories.includes(l.label))
      confusion.push({ conversationId: l.conversationId, family, label: l.label, kind: 'wrong_category', categories });
    const at = hits.map((h) => ids.indexOf(h.triggerEventId)).filter((i) => i >= 0);
    if (at.length > 0 && typeof l.firstActionableIndex === 'number') delays.push(Math.min(...at) - l.firstActionableIndex);
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const fBeta = (b: number) => (precision + recall ? ((1 + b * b) * precision * recall) / (b * b * precision + recall) : 0);
  return {
    conversations: labels.length - unseen,
    unseen,
    tp,
    fp,
    fn,
    tn,
    precision,
    recall,
    f05: fBeta(0.5),
    f1: fBeta(1),
    falsePositiveRate: fp + tn ? fp / (fp + tn) : 0,
    delay: { median: quantile(delays, 0.5), p90: quantile(delays, 0.9), samples: delays.length },
    families: [...fams]
      .map(([family, v]) => ({ family, label: v.label, n: v.n, flagged: v.flagged, rate: v.flagged / v.n, ...wilson(v.flagged, v.n) }))
      .sort((a, b) => (a.label === b.label ? a.family.localeCompare(b.family) : a.label === 'benign' ? 1 : -1)),
    recallByLanguage: Object.fromEntries([...langs].sort().map(([k, v]) => [k, { n: v.n, recall: v.hit / v.n }])),
    confusion,
  };
}

const f3 = (x: number | null) => (x === null ? '-' : x.toFixed(3));

/** The report as a terminal table. */
export function formatReport(r: EvalReport): string {
  const out: string[] = [];
  out.push(`${r.conversations} conversations scored${r.unseen ? ` (${r.unseen} labelled but absent from the events)` : ''}`);
  out.push(
    `precision ${f3(r.precision)}  recall ${f3(r.recall)}  F0.5 ${f3(r.f05)}  F1 ${f3(r.f1)}  false-positive rate ${f3(r.falsePositiveRate)}`,
  );
  out.push(
    `detection delay (messages after the first actionable one): median ${r.delay.median ?? '-'}, p90 ${r.delay.p90 ?? '-'} (${r.delay.samples} detections)`,
  );
  out.push('');
  out.push(`${'family'.padEnd(28)} ${'label'.padEnd(12)} ${'n'.padStart(5)}  ${'rate'.padEnd(22)} 95% interval`);
  for (const f of r.families)
    out.push(
      `${f.family.padEnd(28)} ${f.label.padEnd(12)} ${String(f.n).padStart(5)}  ${(f.label === 'benign' ? 'FPR ' : 'recall ') + f3(f.rate)}`.padEnd(
        77,
      ) + ` ${f3(f.low)}–${f3(f.high)}`,
    );
  out.push('');
  out.push(
    `recall by language: ${Object.entries(r.recallByLanguage)
      .map(([k, v]) => `${k} ${f3(v.recall)} (n=${v.n})`)
      .join(', ')}`,
  );
  const kinds = ['false_alarm', 'missed', 'wrong_category'] as const;
  for (const k of kinds) {
    const list = r.confusion.filter((c) => c.kind === k);
    if (list.length === 0) continue;
    out.push('');
    out.push(`${k.replace('_', ' ')} (${list.length}):`);
    for (const c of list.slice(0, 200))
      out.push(`  ${c.conversationId}  ${c.family} (${c.label})${c.categories.length ? `: ${c.categories.join(', ')}` : ''}`);
    if (list.length > 200) out.push(`  … ${list.length - 200} more (see --json)`);
  }
  return out.join('\n') + '\n';
}
