import { accessSync, constants, statSync } from 'node:fs';
import { Command } from 'commander';
import { AppError } from '../core/app-error.js';
import { createLogger } from '../core/create-logger.js';
import { replay } from '../engine/replay.js';
import { configFrom, withCommon, type CommonFlags } from './common-options.js';
import { createProgress } from '../core/create-progress.js';

export function replayCommand(): Command {
  const cmd = withCommon(new Command('replay').description('replay a JSON Lines file of events and write every alert as one JSON line'));
  // Unlike other commands, replay has no default database: without --db it keeps nothing.
  cmd.options.find((o) => o.long === '--db')!.description =
    'SQLite file or postgres:// URL to replay into (default: none, an in-memory store thrown away at the end; WARDEN_DB is not used)';
  return cmd
    .argument('<events>', 'events, one JSON object a line (docs/protocol.md)')
    .requiredOption('--alerts <file>', 'where to write the alerts, one JSON object a line')
    .option('--strict', 'exit with status 1 if any line was rejected')
    .action(async (events: string, flags: CommonFlags & { alerts: string; strict?: boolean }) => {
      try {
        accessSync(events, constants.R_OK);
      } catch {
        throw new AppError('not_found', `cannot read ${events}`);
      }
      // Replay writes through the store, not its default file: without --db it is throw-away.
      const config = configFrom({ ...flags, db: undefined }, {});
      const logger = createLogger(flags.logLevel ?? 'warn');
      // Progress by bytes read: the number of lines is not known until the end.
      const progress = createProgress({ label: 'replay', done: 'replayed', unit: 'lines', total: statSync(events).size, items: null });
      let summary;
      try {
        summary = await replay({
          input: events,
          alertsOut: flags.alerts,
          db: flags.db,
          config,
          logger,
          report: (line) => progress.log(line),
          onProgress: (lines, bytesRead) => progress.update(lines, bytesRead),
        });
      } catch (e) {
        progress.abort();
        throw e;
      }
      progress.update(summary.lines);
      progress.finish(
        `${summary.accepted} accepted, ${summary.duplicates} duplicates, ${summary.conflicts} conflicts, ${summary.rejected} rejected; ${summary.alerts} alerts`,
      );
      if (flags.strict && summary.rejected > 0) process.exitCode = 1;
    });
}
