import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { Command } from 'commander';
import { AppError } from '../core/app-error.js';
import { BUILTIN_MODEL_PATH } from '../conversations/model/risk-model.js';
import { trainRiskModel } from '../conversations/model/train-model.js';
import { parseTrainingData } from '../conversations/model/training-data.js';
import { createProgress } from '../core/create-progress.js';

const f = (x: number) => x.toFixed(3);

/** Same file, through symlinks, whether or not the file exists yet. */
function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      try {
        return resolve(realpathSync(dirname(p)), basename(p));
      } catch {
        return resolve(p);
      }
    }
  };
  return real(a) === real(b);
}

/**
 * `warden train DATA.jsonl [--out FILE]`: trains the conversation-risk model from labelled
 * conversations and writes its weights as JSON. Bad lines are reported with their number and
 * skipped; the exit code is 1 when any was.
 */
export function trainCommand(): Command {
  return new Command('train')
    .description('train the conversation-risk model from labelled JSONL (one conversation per line)')
    .argument('<data>', 'labelled conversations, JSON Lines (see docs/conversations.md)')
    .option('--out <file>', 'where to write the model', 'conversation-risk.json')
    .option('--force', 'allow --out to replace the model shipped with Warden')
    .option('--seed <n>', 'seed for the shuffles', '1')
    .option('--trained-at <iso>', 'the date recorded in the model (default: now)')
    .option('--suppress <p>', 'hold back medium rule hits whose calibrated risk is below this (0: never)', '0')
    .action((data: string, opts: { out: string; seed: string; trainedAt?: string; suppress: string; force?: boolean }) => {
      // The shipped model is what every install detects with: replacing it takes a deliberate --force.
      if (!opts.force && samePath(opts.out, BUILTIN_MODEL_PATH)) {
        throw new AppError('invalid_input', `${opts.out} is the model shipped with Warden`, {
          issues: [
            {
              field: '--out',
              reason: 'choose another file (then set conversations.model to it), or pass --force to replace the shipped model',
            },
          ],
        });
      }
      let bytes: Buffer;
      try {
        bytes = readFileSync(data);
      } catch {
        throw new AppError('not_found', `cannot read ${data}`);
      }
      const seed = Number(opts.seed);
      if (!Number.isInteger(seed))
        throw new AppError('invalid_input', 'bad option', { issues: [{ field: '--seed', reason: 'must be an integer' }] });
      const suppress = Number(opts.suppress);
      if (!(suppress >= 0 && suppress <= 1))
        throw new AppError('invalid_input', 'bad option', { issues: [{ field: '--suppress', reason: 'must be a number from 0 to 1' }] });
      const { rows, errors } = parseTrainingData(bytes.toString('utf8'));
      for (const e of errors) process.stderr.write(`${data}:${e.line}: ${e.field}: ${e.reason} (skipped)\n`);
      const risky = rows.filter((r) => r.label !== 'benign').length;
      if (risky === 0 || risky === rows.length) {
        throw new AppError('invalid_input', `${data} needs both risky and benign conversations`, {
          issues: [{ field: 'label', reason: `${risky} of ${rows.length} usable conversations are risky` }],
        });
      }
      // Each conversation is counted once (when prepared); the work is each conversation twice.
      const progress = createProgress({
        label: 'train',
        done: 'trained on',
        unit: 'conversations',
        total: rows.length * 2,
        items: rows.length,
      });
      let trained;
      try {
        trained = trainRiskModel(rows, {
          seed,
          suppress,
          dataSha256: createHash('sha256').update(bytes).digest('hex'),
          trainedAt: opts.trainedAt ?? new Date().toISOString(),
          onProgress: (done) => progress.update(Math.min(done, rows.length), done),
        });
      } catch (e) {
        progress.abort();
        throw e;
      }
      progress.finish();
      const { file, report } = trained;
      const tmp = `${opts.out}.tmp`;
      writeFileSync(tmp, JSON.stringify(file) + '\n');
      renameSync(tmp, opts.out);
      const out = process.stdout;
      out.write(
        `trained on ${rows.length} conversations (${report.conversations.message} message model, ${report.conversations.combiner} combiner, ${report.conversations.calibration} calibration)\n`,
      );
      out.write(
        `message model: ${report.messageSamples} messages, ${file.message.gramIndex.length} n-gram weights kept; combiner: ${report.combinerSamples} samples\n`,
      );
      out.write(
        `calibration fold: before ECE ${f(report.beforeCalibration.ece)} Brier ${f(report.beforeCalibration.brier)} AUC ${f(report.beforeCalibration.auc)}; after ECE ${f(report.afterCalibration.ece)} Brier ${f(report.afterCalibration.brier)}\n`,
      );
      out.write(
        `thresholds: early ${report.thresholds.early} (of ${report.earlyReachable} benign conversations it can reach, over it ${f(report.earlyFalsePositiveRate)}), suppress ${report.thresholds.suppress} (risky conversations reaching it ${f(report.riskyKeptAtSuppress)}), known ${report.thresholds.known ?? 0}\n`,
      );
      out.write(`wrote ${opts.out}\n`);
      if (errors.length > 0) process.exitCode = 1;
    });
}
