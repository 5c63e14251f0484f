import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { alertsAfter } from '../alerts/alert-store.js';
import { AlertSchema, type Alert } from '../alerts/alert-schema.js';
import { AppError } from '../core/app-error.js';
import { createLogger } from '../core/create-logger.js';
import { readLines } from '../events/read-lines.js';
import { replay } from '../engine/replay.js';
import { backtest, formatBacktest } from '../rules/backtest.js';
import { parsePolicy } from '../rules/parse-policy.js';
import type { Policy } from '../rules/policy-schema.js';
import { createStore } from '../store/store.js';
import { configFrom, withCommon, type CommonFlags } from './common-options.js';

function readPolicy(file: string): Policy {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    throw new AppError('not_found', `cannot read ${file}`);
  }
  const r = parsePolicy(source);
  if (!r.ok) throw new AppError('invalid_input', `${file} is not a valid policy`, { issues: r.error });
  return r.value;
}

async function* alertsFromFile(file: string): AsyncIterable<Alert> {
  // Warden wrote this file a moment ago: every line is an alert.
  for await (const line of readLines(file, 1024 * 1024)) if ('text' in line) yield AlertSchema.parse(JSON.parse(line.text));
}

async function* alertsFromStore(location: string): AsyncIterable<Alert> {
  const store = await createStore(location, { writerThread: false });
  try {
    for await (const page of store.pages<{ id: string; body: string }>((after, limit) => {
      return alertsAfter(store.db, after?.id, limit);
    })) {
      for (const r of page) yield AlertSchema.parse(JSON.parse(r.body));
    }
  } finally {
    await store.close();
  }
}

export function rulesCommand(): Command {
  const rules = new Command('rules').description('check and backtest policies');
  rules
    .command('validate')
    .description('check a policy file; every problem is named by its field path')
    .argument('<policy>', 'YAML or JSON policy')
    .action((file: string) => {
      const p = readPolicy(file);
      process.stdout.write(`${file}: valid, ${p.rules.length} rules\n`);
    });
  withCommon(
    rules
      .command('test')
      .description('backtest a policy: what it would have done over replayed events (--events) or the alerts stored in --db')
      .argument('<policy>', 'YAML or JSON policy')
      .option('--events <file>', 'events to replay (JSON Lines) into a throw-away database')
      .option('--json', 'print the report as JSON'),
  ).action(async (file: string, flags: CommonFlags & { events?: string; json?: boolean }) => {
    const policy = readPolicy(file);
    let report;
    if (flags.events) {
      const dir = mkdtempSync(join(tmpdir(), 'warden-backtest-'));
      try {
        const alertsOut = join(dir, 'alerts.jsonl');
        const summary = await replay({
          input: flags.events,
          alertsOut,
          config: configFrom({ ...flags, db: undefined }),
          logger: createLogger(flags.logLevel ?? 'warn'),
          report: (line) => process.stderr.write(`${line}\n`),
        });
        process.stderr.write(
          `replayed ${summary.lines} lines: ${summary.accepted} accepted, ${summary.rejected} rejected; ${summary.alerts} alerts\n`,
        );
        report = await backtest(policy, alertsFromFile(alertsOut));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } else if (flags.db) {
      report = await backtest(policy, alertsFromStore(flags.db));
    } else {
      throw new AppError('invalid_input', 'give --events FILE to replay, or --db to test over stored alerts', {
        issues: [{ field: '--events', reason: 'is required without --db' }],
      });
    }
    process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatBacktest(report));
  });
  return rules;
}
