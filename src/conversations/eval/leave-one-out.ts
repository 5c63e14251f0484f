import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectCues } from '../detect-cues.js';
import { withLabelRelationship } from '../model/corpus-relationship.js';
import { conversationRisk, trainRiskModel } from '../model/train-model.js';
import { parseTrainingData, type LabelledConversation } from '../model/training-data.js';
import { parseLabels } from '../scoring/labels-file.js';
import { wilson } from '../scoring/wilson.js';

/*
 * Leave-one-family-out for the learned model: for each family of the labelled corpora, train
 * on every other family and score the held-out family's conversations with the model that
 * never saw its wording (the corpora share phrase banks across seeds, so a random split
 * would share wordings; a family does not). A conversation is flagged when its highest
 * calibrated risk reaches the model's `early` threshold.
 *
 *   node dist/conversations/eval/leave-one-out.js TRAIN.jsonl:LABELS.jsonl [...] [--json] [--no-relationship] [--families=a:guild,b:…]
 */
export interface FamilyOut {
  family: string;
  label: string;
  n: number;
  flagged: number;
  rate: number;
  low: number;
  high: number;
}

export function leaveOneFamilyOut(
  rows: readonly LabelledConversation[],
  familyOf: ReadonlyMap<string, string>,
  log = (_: string) => {},
  only?: ReadonlySet<string>,
) {
  const cueCache = new Map<string, ReturnType<typeof detectCues>>();
  const cues = (text: string) => {
    let r = cueCache.get(text);
    if (!r) cueCache.set(text, (r = detectCues(text)));
    return r;
  };
  // `only`: hold out just these families (each is a full training; all 67 take an hour on a loaded machine).
  const families = [...new Set(rows.map((r) => familyOf.get(r.id) ?? 'unlabelled'))].filter((f) => !only || only.has(f)).sort();
  const out: FamilyOut[] = [];
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const fam of families) {
    const held = rows.filter((r) => (familyOf.get(r.id) ?? 'unlabelled') === fam);
    const rest = rows.filter((r) => (familyOf.get(r.id) ?? 'unlabelled') !== fam);
    const { file } = trainRiskModel(rest, { seed: 1, dataSha256: '0'.repeat(64), trainedAt: 'leave-one-out', cueCache });
    let flagged = 0;
    for (const r of held) {
      const hit = conversationRisk(file, r, cues) >= file.thresholds.early;
      if (hit) flagged++;
      if (r.label === 'benign') fp += hit ? 1 : 0;
      else if (hit) tp++;
      else fn++;
    }
    const label = held[0]!.label;
    out.push({ family: fam, label, n: held.length, flagged, rate: flagged / held.length, ...wilson(flagged, held.length) });
    log(
      `${fam.padEnd(28)} ${label.padEnd(12)} n=${String(held.length).padEnd(4)} ${label === 'benign' ? 'FPR' : 'recall'} ${(flagged / held.length).toFixed(3)}`,
    );
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f05 = precision + recall ? (1.25 * precision * recall) / (0.25 * precision + recall) : 0;
  return { families: out, tp, fp, fn, precision, recall, f05 };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const pairs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const rows: LabelledConversation[] = [];
  const familyOf = new Map<string, string>();
  for (const pair of pairs) {
    const [train, labels] = pair.split(':');
    const t = parseTrainingData(readFileSync(train!, 'utf8'));
    const l = parseLabels(readFileSync(labels!, 'utf8'));
    for (const e of [...t.errors.map((x) => ({ ...x, file: train })), ...l.errors.map((x) => ({ ...x, file: labels }))])
      process.stderr.write(`${e.file}:${e.line}: ${e.field}: ${e.reason} (skipped)\n`);
    // Families of different corpora stay apart even where their names collide ("parent").
    const tag = labels!.includes('corpus-b') || labels!.includes('conversations-b') ? 'b:' : 'a:';
    for (const x of l.rows) if (x.family) familyOf.set(x.conversationId, tag + x.family);
    // The relationship at the first message, from the labels (the corpora's train.jsonl carries only `unconnected`).
    const labelOf = new Map(l.rows.map((x) => [x.conversationId, x]));
    rows.push(...t.rows.map((x) => (process.argv.includes('--no-relationship') ? x : withLabelRelationship(x, labelOf.get(x.id)))));
  }
  const only = process.argv.find((a) => a.startsWith('--families='))?.slice(11);
  const r = leaveOneFamilyOut(rows, familyOf, (line) => process.stderr.write(line + '\n'), only ? new Set(only.split(',')) : undefined);
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(r, null, 2) + '\n');
  else {
    process.stdout.write(
      `leave-one-family-out: precision ${r.precision.toFixed(3)} recall ${r.recall.toFixed(3)} F0.5 ${r.f05.toFixed(3)}\n`,
    );
    for (const f of r.families)
      process.stdout.write(
        `${f.family.padEnd(30)} ${f.label.padEnd(12)} ${String(f.n).padStart(4)}  ${(f.label === 'benign' ? 'FPR ' : 'recall ') + f.rate.toFixed(3)}  [${f.low.toFixed(3)}, ${f.high.toFixed(3)}]\n`,
      );
  }
}
