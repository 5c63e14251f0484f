import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { exposureHtml } from '../simulator/exposure-html.js';
import { exposureTable } from '../simulator/exposure-report.js';
import { parseSimulateOptions, simulate } from '../simulator/simulate.js';

interface SimulateFlags {
  accounts: string;
  days: string;
  seed: string;
  mode: string;
  compare?: string;
  target?: string;
  key?: string;
  webhookPort?: string;
  webhookSecret?: string;
  start?: string;
  phrases?: string;
  tickMinutes: string;
  groups?: boolean;
  json?: string;
  html?: string;
}

/** `warden simulate`: a seeded synthetic platform driving Warden, and the exposure report (issue 19). */
export function simulateCommand(): Command {
  return new Command('simulate')
    .description('run a seeded synthetic platform against Warden and report how exposed its children were')
    .option('--accounts <n>', 'accounts on the platform', '10000')
    .option('--days <n>', 'simulated days', '7')
    .option('--seed <n>', 'the seed: the same seed gives the same platform and conversations', '1')
    .option('--mode <mode>', 'off (no Warden), shadow (Warden told, never obeyed) or live', 'live')
    .option('--compare <modes>', 'several modes side by side, e.g. off,shadow,live')
    .option('--target <url>', 'a running Warden (default: one in this process, on a throw-away database)')
    .option('--key <key>', 'API key for --target (admin to mark decoys; or set WARDEN_API_KEY)')
    .option('--webhook-port <port>', "with --target: where this simulator takes Warden's webhooks (point actions.webhookUrl here)")
    .option(
      '--webhook-secret <secret>',
      "with --target: that Warden's actions.webhookSecret (or set WARDEN_WEBHOOK_SECRET); unsigned actions are refused",
    )
    .option('--start <time>', 'simulated start, RFC 3339 (default: midnight UTC, days + 1 days ago)')
    .option('--phrases <file>', 'phrase bank (default data/simulator/phrases.json)')
    .option('--tick-minutes <n>', 'simulated minutes per step of the clock', '5')
    .option('--groups', "send each account's school, club and gaming guild as group memberships (group.joined)")
    .option('--json <file>', 'write the reports as JSON')
    .option('--html <file>', 'write the reports as an HTML page with charts')
    .action(async (flags: SimulateFlags) => {
      const opts = parseSimulateOptions({
        accounts: flags.accounts,
        days: flags.days,
        seed: flags.seed,
        modes: (flags.compare ?? flags.mode).split(',').map((m) => m.trim()),
        target: flags.target,
        key: flags.key ?? process.env.WARDEN_API_KEY,
        webhookPort: flags.webhookPort,
        webhookSecret: flags.webhookSecret ?? process.env.WARDEN_WEBHOOK_SECRET,
        start: flags.start,
        phrases: flags.phrases,
        tickMinutes: flags.tickMinutes,
        groups: flags.groups === true,
      });
      const reports = await simulate(opts, (t) => {
        if (t.webhookUrl) process.stderr.write(`taking webhooks at ${t.webhookUrl} (set actions.webhookUrl of ${t.name} to it)\n`);
      });
      process.stdout.write(exposureTable(reports) + '\n');
      for (const r of reports) {
        if (r.decoys.marked === false)
          process.stdout.write(`${r.mode}: this Warden has no decoy API (PUT /v1/admin/decoys answered 404); decoys ran unmarked\n`);
      }
      if (flags.json) writeFileSync(flags.json, JSON.stringify(reports, null, 2) + '\n');
      if (flags.html) writeFileSync(flags.html, exposureHtml(reports));
    });
}
