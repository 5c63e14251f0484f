#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { isAppError } from '../core/app-error.js';
import { VERSION } from '../server/version.js';
import { demoCommand } from './demo-command.js';
import { keysCommand } from './keys-command.js';
import { replayCommand } from './replay-command.js';
import { serveCommand } from './serve-command.js';

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
