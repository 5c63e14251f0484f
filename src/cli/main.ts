#!/usr/bin/env -S node --max-semi-space-size=128
// A 128 MiB young generation: ingest allocates many short-lived objects (parsed events, their
// validated copies, alerts and audit entries); with the 16 MiB default a million-event replay
// spent a fifth of its time in the scavenger. Measured on that replay (with the audit log):
// 32 MiB 10.4 s, 64 MiB 9.9 s, 128 MiB 9.5 s, at the cost of up to ~384 MiB of young-generation
// memory. Set at start-up: V8 cannot resize the young generation later.
import { Command, CommanderError } from 'commander';
import { isAppError } from '../core/app-error.js';
import { VERSION } from '../server/version.js';
import { auditCommand } from './audit-command.js';
import { demoCommand } from './demo-command.js';
import { evidenceCommand } from './evidence-command.js';
import { hashCommand } from './hash-command.js';
import { keysCommand } from './keys-command.js';
import { replayCommand } from './replay-command.js';
import { rulesCommand } from './rules-command.js';
import { reviewersCommand } from './reviewers-command.js';
import { ncmecSimCommand } from './ncmec-sim-command.js';
import { exchangeSimCommand } from './exchange-sim-command.js';
import { serveCommand } from './serve-command.js';
import { trainCommand } from './train-command.js';
import { transparencyCommand } from './transparency-command.js';
import { evalCommand } from './eval-command.js';
import { simulateCommand } from './simulate-command.js';
import { workerCommand } from './worker-command.js';

const program = new Command()
  .name('warden')
  .description('Warden: a child-safety engine for social platforms')
  .version(VERSION)
  .showHelpAfterError()
  .exitOverride();

program.addCommand(serveCommand());
program.addCommand(replayCommand());
program.addCommand(keysCommand());
program.addCommand(demoCommand());
program.addCommand(hashCommand());
program.addCommand(auditCommand());
program.addCommand(evidenceCommand());
program.addCommand(rulesCommand());
program.addCommand(reviewersCommand());
program.addCommand(ncmecSimCommand());
program.addCommand(trainCommand());
program.addCommand(transparencyCommand());
program.addCommand(evalCommand());
program.addCommand(simulateCommand());
program.addCommand(exchangeSimCommand());
program.addCommand(workerCommand());

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode;
  } else if (isAppError(e)) {
    process.stderr.write(`warden: ${e.message}\n`);
    for (const i of e.issues) process.stderr.write(`  ${i.field}: ${i.reason}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`warden: unexpected error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 1;
  }
}
