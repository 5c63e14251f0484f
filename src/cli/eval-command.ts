import { accessSync, constants, createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Command } from 'commander';
import { AppError } from '../core/app-error.js';
import { createLogger } from '../core/create-logger.js';
import { replay } from '../engine/replay.js';
import { parseLabels } from '../conversations/scoring/labels-file.js';
import { formatReport, scoreLabelled, type ScoredAlert } from '../conversations/scoring/score-labelled.js';
import { configFrom, withCommon, type CommonFlags } from './common-options.js';

/** Each conversation's message event ids in file order (the order `firstActionableIndex` counts in). */
async function messageOrder(events: string): Promise<Map<string, string[]>> {
  const order = new Map<string, string[]>();
  const lines = createInterface({ input: createReadStream(events, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    // A cheap pre-filter: most lines of a platform's log are not messages. Bad lines are
    // replay's to report (with their numbers); here they are simply not messages.
    if (!line.includes('"message.sent"')) continue;
    let e: { id?: unknown; type?: unknown; message?: { conversationId?: unknown } };
    try {
      e = JSON.parse(line) as typeof e;
    } catch {
      continue;
    }
    const c = e.message?.conversationId;
    if (e.type !== 'message.sent' || typeof c !== 'string' || typeof e.id !== 'string') continue;
    const list = order.get(c);
    if (list) list.push(e.id);
    else order.set(c, [e.id]);
  }
  return order;
}

/**
 * `warden eval EVENTS LABELS`: replays a platform's own labelled conversations through the
 * engine (a throw-away store, the configured detectors) and scores them per conversation:
 * precision, recall, F0.5, false-positive rate per family with 95% Wilson intervals,
 * detection delay and a confusion list. So a platform can measure Warden on its own data
 * before it turns alerts on.
 */
export function evalCommand(): Command {
  return withCommon(new Command('eval').description('score conversation risk on labelled conversations (events + labels, JSON Lines)'))
    .argument('<events>', 'events, one JSON object a line (docs/protocol.md)')
    .argument('<labels>', 'one label a line: {conversationId, label, family?, language?, firstActionableIndex?} (docs/conversations.md)')
    .option('--json', 'print the report as JSON instead of a table')
    .option('--alerts <file>', 'also keep the alerts the replay raised, one JSON object a line')
    .action(async (events: string, labelsPath: string, flags: CommonFlags & { json?: boolean; alerts?: string }) => {
      for (const [field, path] of [
        ['<events>', events],
        ['<labels>', labelsPath],
      ] as const) {
        try {
          accessSync(path, constants.R_OK);
        } catch {
          throw new AppError('not_found', `cannot read ${path}`, { issues: [{ field, reason: 'no such readable file' }] });
        }
      }
      const { rows, errors } = parseLabels(readFileSync(labelsPath, 'utf8'));
      for (const e of errors) process.stderr.write(`${labelsPath}:${e.line}: ${e.field}: ${e.reason} (skipped)\n`);
      if (rows.length === 0)
        throw new AppError('invalid_input', `${labelsPath} has no usable label`, {
          issues: [{ field: '<labels>', reason: 'no valid line' }],
        });
      const dir = mkdtempSync(join(tmpdir(), 'warden-eval-'));
      try {
        const alertsOut = flags.alerts ?? join(dir, 'alerts.jsonl');
        const config = configFrom({ ...flags, db: undefined }, {});
        const summary = await replay({
          input: events,
          alertsOut,
          config,
          logger: createLogger(flags.logLevel ?? 'warn'),
          report: (line) => process.stderr.write(`${events}: ${line}\n`),
        });
        const alerts = readFileSync(alertsOut, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as ScoredAlert);
        const report = scoreLabelled(rows, await messageOrder(events), alerts);
        if (flags.json) process.stdout.write(JSON.stringify({ events: summary, labelErrors: errors, ...report }, null, 2) + '\n');
        else {
          process.stdout.write(`replayed ${summary.accepted} events (${summary.rejected} rejected), ${summary.alerts} alerts\n`);
          process.stdout.write(formatReport(report));
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      if (errors.length > 0) process.exitCode = 1;
    });
}
