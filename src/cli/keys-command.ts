import { Command } from 'commander';
import { AppError } from '../core/app-error.js';
import { createApiKey, listApiKeys, revokeApiKey, RoleSchema, ROLES } from '../server/api-key-store.js';
import { createStore } from '../store/store.js';
import { appendOne } from '../audit/audit-store.js';
import { configFrom, withCommon, type CommonFlags } from './common-options.js';

/**
 * Opens the configured store for one command. A command that writes names itself in
 * `writer`: on SQLite it then takes the file's writer lock and is refused, naming the
 * server's pid, while `warden serve` runs on it (one writer per file; see writer-lock.ts).
 */
export async function withStore<T>(
  flags: CommonFlags,
  fn: (store: Awaited<ReturnType<typeof createStore>>) => Promise<T>,
  writer?: string,
): Promise<T> {
  const config = configFrom(flags);
  const store = await createStore(config.store.url, { sqliteSynchronous: config.store.sqliteSynchronous, writerLock: writer });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export function keysCommand(): Command {
  const keys = new Command('keys').description('manage API keys (stored hashed; a key is shown once, when created)');
  keys.addCommand(
    withCommon(new Command('create'))
      .description('create an API key and print it once')
      .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
      .option('--name <name>', 'who or what uses the key', 'unnamed')
      .option('--json', 'print {id, role, key} as JSON')
      .action(async (flags: CommonFlags & { role: string; name: string; json?: boolean }) => {
        const role = RoleSchema.safeParse(flags.role);
        if (!role.success)
          throw new AppError('invalid_input', `--role must be one of ${ROLES.join(', ')}`, {
            issues: [{ field: 'role', reason: `"${flags.role}" is not a role` }],
          });
        await withStore(
          flags,
          async (store) => {
            const { record, key } = await createApiKey(store.db, flags.name, role.data);
            await appendOne(store, {
              actor: 'cli',
              action: 'api_key.created',
              target: { type: 'api_key', id: record.id },
              detail: { role: record.role, name: record.name },
            });
            if (flags.json) process.stdout.write(JSON.stringify({ id: record.id, name: record.name, role: record.role, key }) + '\n');
            else process.stdout.write(`${key}\n`);
            process.stderr.write(`created ${record.id} (${record.role}); store the key now, it cannot be shown again\n`);
          },
          'warden keys create',
        );
      }),
  );
  keys.addCommand(
    withCommon(new Command('list'))
      .description('list API keys (never the keys themselves)')
      .action(async (flags: CommonFlags) => {
        await withStore(flags, async (store) => {
          for (const k of await listApiKeys(store.db)) {
            process.stdout.write(
              `${k.id}\t${k.role}\t${k.name}\t${new Date(k.createdMs).toISOString()}\t${k.revokedMs ? `revoked ${new Date(k.revokedMs).toISOString()}` : 'active'}\n`,
            );
          }
        });
      }),
  );
  keys.addCommand(
    withCommon(new Command('revoke'))
      .description('revoke an API key by id')
      .argument('<id>', 'the key id (key_…)')
      .action(async (id: string, flags: CommonFlags) => {
        await withStore(
          flags,
          async (store) => {
            if (!(await revokeApiKey(store.db, id))) throw new AppError('not_found', `no active key with id ${id}`);
            await appendOne(store, { actor: 'cli', action: 'api_key.revoked', target: { type: 'api_key', id } });
            process.stderr.write(`revoked ${id}\n`);
          },
          'warden keys revoke',
        );
      }),
  );
  return keys;
}
