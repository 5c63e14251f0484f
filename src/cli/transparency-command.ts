import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { AppError } from '../core/app-error.js';
import { createStore } from '../store/store.js';
import { dsaStatements } from '../transparency/dsa-statements.js';
import { reportCsv, reportHtml } from '../transparency/transparency-format.js';
import { TransparencyQuerySchema } from '../transparency/transparency-requests.js';
import { transparencyReport } from '../transparency/transparency-report.js';
import { configFrom, withCommon, type CommonFlags } from './common-options.js';

/**
 * `warden transparency --from --to`: the report the API and console page show, read from the
 * store (issue 19). With `--statements`, the DSA statements of reasons instead, one JSON
 * object a line, as the Transparency Database's bulk API takes them.
 */
export function transparencyCommand(): Command {
  return withCommon(new Command('transparency'))
    .description('a transparency report (alerts, gate decisions, restrictions, reports filed, decoy exposure, DSA fields)')
    .requiredOption('--from <date>', 'start of the period: YYYY-MM-DD (UTC midnight) or an RFC 3339 time')
    .requiredOption('--to <date>', 'end of the period (exclusive)')
    .option('--format <format>', 'json, csv or html (html: one file with its charts, opens offline)', 'json')
    .option('--statements', 'DSA statements of reasons (JSON lines) instead of the report')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (flags: CommonFlags & { from: string; to: string; format: string; statements?: boolean; out?: string }) => {
      const q = TransparencyQuerySchema.safeParse({ from: flags.from, to: flags.to, format: flags.format });
      if (!q.success)
        throw new AppError('invalid_input', q.error.issues.map((i) => `--${String(i.path[0] ?? 'period')} ${i.message}`).join('; '));
      const config = configFrom(flags);
      const store = await createStore(config.store.url, { writerThread: false });
      let text: string;
      try {
        if (flags.statements)
          text = (await dsaStatements(store.db, q.data.from, q.data.to)).map((s) => JSON.stringify(s)).join('\n') + '\n';
        else {
          const report = await transparencyReport(store.db, q.data.from, q.data.to, Date.now());
          text =
            q.data.format === 'csv'
              ? reportCsv(report)
              : q.data.format === 'html'
                ? reportHtml(report)
                : `${JSON.stringify(report, null, 2)}\n`;
        }
      } finally {
        await store.close();
      }
      if (flags.out) writeFileSync(flags.out, text);
      else process.stdout.write(text);
    });
}
