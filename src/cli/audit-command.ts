import { Command } from 'commander';
import { verifyAgainstCheckpoints } from '../audit/audit-checkpoint.js';
import { readCheckpointFile, readPublicKeyFile, readSigningKeyFile } from '../audit/signed-checkpoint.js';
import { verifyAudit } from '../audit/audit-store.js';
import { whoKnew } from '../audit/who-knew.js';
import { AppError } from '../core/app-error.js';
import { createStore } from '../store/store.js';
import { configFrom, withCommon, type CommonFlags } from './common-options.js';

export function auditCommand(): Command {
  const audit = new Command('audit').description('the tamper-evident audit log');
  audit.addCommand(
    withCommon(new Command('verify'))
      .description(
        'walk the hash chain; name the first entry altered, removed or reordered (exit 1); with checkpoints, also a truncated tail or a re-hashed edit',
      )
      .option('--checkpoints <file>', 'the checkpoint JSONL file (audit.checkpointFile, or your copy of what its webhook received)')
      .option('--public-key <file>', "the checkpoint public key you hold (PEM), checked against each checkpoint's signature")
      .action(async (flags: CommonFlags & { checkpoints?: string; publicKey?: string }) => {
        if (Boolean(flags.checkpoints) !== Boolean(flags.publicKey))
          throw new AppError(
            'invalid_input',
            '--checkpoints and --public-key go together: a checkpoint is only worth the key you check it with',
          );
        const config = configFrom(flags);
        // Read before the database is opened: a bad file is the operator's mistake, not the log's.
        const anchored = flags.checkpoints
          ? { lines: readCheckpointFile(flags.checkpoints), key: readPublicKeyFile(flags.publicKey!) }
          : undefined;
        const store = await createStore(config.store.url, { writerThread: false });
        try {
          const r = anchored ? await verifyAgainstCheckpoints(store.db, anchored.lines, anchored.key) : await verifyAudit(store.db);
          const p = r.firstProblem;
          if (r.ok) process.stdout.write(`audit log intact: ${r.entries} entries, head ${r.head.seq} ${r.head.hash}\n`);
          else if (p && p.problem === 'checkpoint_invalid') process.stdout.write(`checkpoint file BROKEN: ${p.detail}\n`);
          else if (p && p.problem === 'rechained')
            process.stdout.write(
              `audit log BROKEN in entries ${p.seq}..${(p as { range?: { toSeq: number } }).range?.toSeq} (rechained): ${p.detail}\n`,
            );
          else
            process.stdout.write(
              `audit log BROKEN at entry ${p!.seq} (${p!.problem}): ${p!.detail}; ${r.entries} entries before it verify\n`,
            );
          if (anchored && 'checkpoints' in r) {
            if (r.covered) {
              process.stdout.write(`checkpoint at line ${r.covered.line} (${r.covered.ts}) covers entries 1..${r.covered.toSeq}\n`);
              if (r.ok && r.head.seq > r.covered.toSeq)
                process.stdout.write(`entries ${r.covered.toSeq + 1}..${r.head.seq} are not yet covered by a checkpoint\n`);
            } else if (r.checkpoints === 0) process.stdout.write('no checkpoints in the file: nothing is anchored yet\n');
          }
          if (!r.ok) process.exitCode = 1;
        } finally {
          await store.close();
        }
      }),
  );
  audit.addCommand(
    withCommon(new Command('public-key'))
      .description('print the checkpoint public key (PEM) and its fingerprint, to publish to whoever verifies the log')
      .option('--key <file>', 'the private key file (default: audit.checkpointKeyFile)')
      .action((flags: CommonFlags & { key?: string }) => {
        const file = flags.key ?? configFrom(flags).audit.checkpointKeyFile;
        if (!file) throw new AppError('config_invalid', 'no checkpoint key: pass --key or set audit.checkpointKeyFile');
        const k = readSigningKeyFile(file);
        process.stdout.write(`${k.publicKeyPem}fingerprint ${k.fingerprint}\n`);
      }),
  );
  audit.addCommand(
    withCommon(new Command('who-knew'))
      .description('every moment Warden or a person learned something about an account, and what was done')
      .requiredOption('--account <id>', 'the account')
      .option('--json', 'one JSON object a line')
      .action(async (flags: CommonFlags & { account: string; json?: boolean }) => {
        const config = configFrom(flags);
        const store = await createStore(config.store.url, { writerThread: false });
        try {
          const { known, entries } = await whoKnew(store.db, flags.account);
          for (const r of entries) {
            const when = new Date(r.tsMs).toISOString();
            if (flags.json)
              process.stdout.write(
                JSON.stringify({
                  seq: r.seq,
                  ts: when,
                  actor: r.actor,
                  action: r.action,
                  subject: r.subjectAccountId,
                  target: r.targetType ? { type: r.targetType, id: r.targetId } : null,
                  why: r.reason,
                  detail: r.detail ? JSON.parse(r.detail) : null,
                }) + '\n',
              );
            else
              process.stdout.write(
                `${when}  #${r.seq}  ${r.actor.padEnd(28)} ${r.action.padEnd(16)} ${r.targetType ? `${r.targetType}:${r.targetId}` : ''} ${r.reason === 'subject' ? '' : `(${r.reason}) `}${r.detail ?? ''}\n`,
              );
          }
          // Silence would read as "nobody knew": say what was found, on stderr so --json stays clean.
          if (entries.length === 0) {
            process.stderr.write(
              known
                ? `no audit entry concerns account ${flags.account}\n`
                : `account ${flags.account} is unknown to Warden and no audit entry names it; check the id\n`,
            );
            if (!known) process.exitCode = 1;
          }
        } finally {
          await store.close();
        }
      }),
  );
  return audit;
}
