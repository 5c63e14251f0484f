import { Command } from 'commander';
import { verifyAudit, whoKnew } from '../audit/audit-store.js';
import { createStore } from '../store/store.js';
import { configFrom, withCommon, type CommonFlags } from './common-options.js';

export function auditCommand(): Command {
  const audit = new Command('audit').description('the tamper-evident audit log');
  audit.addCommand(
    withCommon(new Command('verify'))
      .description('walk the hash chain; name the first entry altered, removed or reordered (exit 1)')
      .action(async (flags: CommonFlags) => {
        const config = configFrom(flags);
        const store = await createStore(config.store.url, { writerThread: false });
        try {
          const r = await verifyAudit(store.db);
          if (r.ok) process.stdout.write(`audit log intact: ${r.entries} entries, head ${r.head.seq} ${r.head.hash}\n`);
          else {
            process.stdout.write(`audit log BROKEN at entry ${r.firstProblem!.seq} (${r.firstProblem!.problem}): ${r.firstProblem!.detail}; ${r.entries} entries before it verify\n`);
            process.exitCode = 1;
          }
        } finally {
          await store.close();
        }
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
          for (const r of await whoKnew(store.db, flags.account)) {
            const when = new Date(r.tsMs).toISOString();
            if (flags.json) process.stdout.write(JSON.stringify({ seq: r.seq, ts: when, actor: r.actor, action: r.action, target: r.targetType ? { type: r.targetType, id: r.targetId } : null, detail: r.detail ? JSON.parse(r.detail) : null }) + '\n');
            else process.stdout.write(`${when}  #${r.seq}  ${r.actor.padEnd(28)} ${r.action.padEnd(16)} ${r.targetType ? `${r.targetType}:${r.targetId}` : ''} ${r.detail ?? ''}\n`);
          }
        } finally {
          await store.close();
        }
      }),
  );
  return audit;
}
