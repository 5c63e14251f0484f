// Writes the training data of the shipped conversation-risk model to one JSONL file:
// the project's own tune split, then the two shared corpora (written by other authors),
// each generated at its default seed and scale 1 into a temporary directory outside the
// repository (their READMEs: never commit generated output).
//
//   node scripts/training-data.mjs OUT.jsonl [--corpora DIR]
//
// DIR defaults to WARDEN_CORPORA or ../shared/corpora beside the checkout. Deterministic:
// the same generators give the same bytes, so `npm run train` reproduces the committed model.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { withLabelRelationship } from '../dist/conversations/model/corpus-relationship.js';

const args = process.argv.slice(2);
const out = args.find((a) => !a.startsWith('--'));
const at = args.indexOf('--corpora');
const corpora = resolve(
  at >= 0 ? args[at + 1] : (process.env.WARDEN_CORPORA ?? join(import.meta.dirname, '..', '..', 'shared', 'corpora')),
);
if (!out) {
  console.error('usage: node scripts/training-data.mjs OUT.jsonl [--corpora DIR]');
  process.exit(2);
}
for (const c of ['conversations-a', 'conversations-b'])
  if (!existsSync(join(corpora, c, 'generate.mjs'))) {
    console.error(`no generator at ${join(corpora, c)}: pass --corpora DIR or set WARDEN_CORPORA`);
    process.exit(2);
  }
/**
 * A corpus's train.jsonl with each conversation's relationship at its first message, from its
 * labels.jsonl (the link's kind and age, who wrote first, mutual connections), in the training
 * format's `context.relationship`, so the combiner learns the relationship as graded evidence.
 */
function withRelationship(corpusDir) {
  const labels = new Map();
  for (const line of readFileSync(join(corpusDir, 'labels.jsonl'), 'utf8').split('\n'))
    if (line.trim()) {
      const l = JSON.parse(line);
      labels.set(l.conversationId, l);
    }
  return readFileSync(join(corpusDir, 'train.jsonl'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => {
      const row = JSON.parse(line);
      return JSON.stringify(withLabelRelationship(row, labels.get(row.id)));
    })
    .join('\n');
}

const dir = mkdtempSync(join(tmpdir(), 'warden-training-'));
try {
  const run = (cmd, argv, cwd) => execFileSync(cmd, argv, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  run(
    process.execPath,
    ['dist/conversations/eval/run-eval.js', '--per-family=400', `--write-training=${join(dir, 'tune.jsonl')}`],
    resolve(import.meta.dirname, '..'),
  );
  run(process.execPath, ['generate.mjs', '--out', join(dir, 'a')], join(corpora, 'conversations-a'));
  run(process.execPath, ['generate.mjs', '--out', join(dir, 'b'), '--quiet'], join(corpora, 'conversations-b'));
  const parts = [
    readFileSync(join(dir, 'tune.jsonl'), 'utf8').trimEnd(),
    withRelationship(join(dir, 'a')),
    withRelationship(join(dir, 'b')),
  ];
  writeFileSync(out, parts.join('\n') + '\n');
  console.log(`wrote ${out}: ${parts.map((p) => p.split('\n').length).join(' + ')} conversations (tune, conversations-a, conversations-b)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
