import { Command } from 'commander';
import { appendOne } from '../audit/audit-store.js';
import { AppError } from '../core/app-error.js';
import { createReviewer, disableReviewer, listReviewers, ReviewerInputSchema } from '../console/reviewer-store.js';
import { zodIssues } from '../events/validate-event.js';
import { withCommon, type CommonFlags } from './common-options.js';
import { withStore } from './keys-command.js';
import { readSecret } from './read-secret.js';

/** On a terminal the password is typed twice with echo off (read-secret.ts); piped, it is read once. */
async function readPassword(): Promise<string> {
  const first = await readSecret(process.stdin, process.stderr, 'Password (not shown): ');
  if (first === undefined) throw new AppError('invalid_input', 'no password given');
  if (!process.stdin.isTTY) return first;
  const again = await readSecret(process.stdin, process.stderr, 'Again: ');
  if (again !== first) throw new AppError('invalid_input', 'the two passwords differ');
  return first;
}

export function reviewersCommand(): Command {
  const cmd = new Command('reviewers').description('manage review console accounts (passwords stored as scrypt hashes)');
  cmd.addCommand(
    withCommon(new Command('create'))
      .description(
        'create a reviewer; the password is read from standard input, typed unseen on a terminal (or WARDEN_REVIEWER_PASSWORD), never from the command line',
      )
      .requiredOption('--username <name>', 'sign-in name')
      .option('--name <display>', 'display name (default: the username)')
      .option('--roles <list>', 'comma-separated: reviewer, child_safety, legal, admin', 'reviewer')
      .action(async (flags: CommonFlags & { username: string; name?: string; roles: string }) => {
        const password = process.env.WARDEN_REVIEWER_PASSWORD ?? (await readPassword());
        const parsed = ReviewerInputSchema.safeParse({
          username: flags.username,
          displayName: flags.name ?? flags.username,
          roles: flags.roles
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean),
          password,
        });
        if (!parsed.success) throw new AppError('invalid_input', 'cannot create the reviewer', { issues: zodIssues(parsed.error) });
        await withStore(
          flags,
          async (store) => {
            const r = await createReviewer(store.db, parsed.data);
            await appendOne(store, {
              actor: 'cli',
              action: 'reviewer.created',
              target: { type: 'reviewer', id: r.id },
              detail: { username: r.username, roles: r.roles },
            });
            process.stdout.write(`${r.id}\t${r.username}\t${r.roles.join(',')}\n`);
          },
          'warden reviewers create',
        );
      }),
  );
  cmd.addCommand(
    withCommon(new Command('list')).action(async (flags: CommonFlags) => {
      await withStore(flags, async (store) => {
        for (const r of await listReviewers(store.db))
          process.stdout.write(`${r.id}\t${r.username}\t${r.displayName}\t${r.roles.join(',')}\t${r.disabled ? 'disabled' : 'active'}\n`);
      });
    }),
  );
  cmd.addCommand(
    withCommon(new Command('disable'))
      .argument('<username>')
      .description('disable a reviewer and end their sessions')
      .action(async (username: string, flags: CommonFlags) => {
        await withStore(
          flags,
          async (store) => {
            if (!(await disableReviewer(store.db, username))) throw new AppError('not_found', `no active reviewer ${username}`);
            await appendOne(store, { actor: 'cli', action: 'reviewer.disabled', target: { type: 'reviewer', id: username } });
            process.stderr.write(`disabled ${username}\n`);
          },
          'warden reviewers disable',
        );
      }),
  );
  return cmd;
}
