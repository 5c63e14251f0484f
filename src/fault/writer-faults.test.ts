/*
 * Fault suite (issue 15 item 1, issue 17 item 1): a second writer on a live database. On
 * SQLite the server is the one writer of its file: a second `serve` and every writing CLI
 * command are refused, naming the holder's pid. On PostgreSQL several processes append to
 * one chain; each takes the chain's head inside its own write transaction, so nobody's
 * commit fails and nobody reloads its state because another process wrote.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { verifyAudit } from '../audit/audit-store.js';
import { isAppError } from '../core/app-error.js';
import { startServer } from '../server/start-server.js';
import { createStore } from '../store/store.js';
import { adult, silentLogger, testConfig } from '../testing/events.js';
import { createPgDatabase } from '../testing/test-databases.js';

const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url));
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });

/** The CLI as its own process, without blocking this one's event loop (its servers keep committing). */
function cliAsync(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

/** `warden serve` as its own process; resolves once it listens. */
async function serveProcess(db: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0', '--log-level', 'info'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 30_000);
    const onData = (c: Buffer) => {
      out += c.toString();
      if (out.includes('warden listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${out}`));
    });
  });
  child.removeAllListeners('exit');
  return child;
}

describe('fault: a second writer on a live SQLite database', () => {
  it('refuses writing CLI commands while a server runs, naming its pid; the server keeps committing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-fault-writer-'));
    const db = join(dir, 'live.db');
    const server = await startServer(testConfig({ store: { url: db }, server: { port: 0 } }), silentLogger());
    try {
      const holder = new RegExp(`in use by warden serve \\(pid ${process.pid},`);
      const key = cli(['keys', 'create', '--role', 'ingest', '--db', db]);
      assert.equal(key.status, 1, key.stdout + key.stderr);
      assert.match(key.stderr, holder);
      const reviewer = cli(['reviewers', 'create', '--username', 'rita', '--db', db], {
        WARDEN_REVIEWER_PASSWORD: 'a long enough password 1',
      });
      assert.equal(reviewer.status, 1, reviewer.stderr);
      assert.match(reviewer.stderr, holder);
      const events = join(dir, 'events.jsonl');
      writeFileSync(events, JSON.stringify(adult('late_adult')) + '\n');
      const replay = cli(['replay', events, '--alerts', join(dir, 'alerts.jsonl'), '--db', db]);
      assert.equal(replay.status, 1, replay.stderr);
      assert.match(replay.stderr, holder);
      // Reading is not writing: listing keys and verifying the log go on beside the server.
      assert.equal(cli(['keys', 'list', '--db', db]).status, 0);
      const verify = cli(['audit', 'verify', '--db', db]);
      assert.equal(verify.status, 0, verify.stdout + verify.stderr);

      // The server's next audited write commits: no 500, no reload.
      await server.engine.audit([{ actor: 'key:fault', action: 'alerts.listed' }]);
      assert.equal(server.engine.ready, true);
      assert.equal((await verifyAudit(server.store.db)).ok, true);
    } finally {
      await server.close();
    }
    // Once the server has gone, the same command writes.
    const after = cli(['keys', 'create', '--role', 'ingest', '--db', db]);
    assert.equal(after.status, 0, after.stderr);
    const verify = cli(['audit', 'verify', '--db', db]);
    assert.equal(verify.status, 0, verify.stdout);
  });

  it('refuses a second serve on one file, and frees the file when the holder is killed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-fault-serve2-'));
    const db = join(dir, 'one.db');
    const first = await serveProcess(db);
    try {
      const second = spawnSync(process.execPath, [CLI, 'serve', '--db', db, '--port', '0'], { encoding: 'utf8', timeout: 20_000 });
      assert.equal(second.status, 1, second.stdout + second.stderr);
      assert.match(
        second.stderr,
        new RegExp(`${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by warden serve \\(pid ${first.pid},`),
      );
      await assert.rejects(
        startServer(testConfig({ store: { url: db }, server: { port: 0 } }), silentLogger()),
        (e) => isAppError(e) && e.code === 'conflict',
      );
    } finally {
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
    }
    // The lock is the operating system's: a killed holder leaves nothing to clean up.
    const server = await startServer(testConfig({ store: { url: db }, server: { port: 0 } }), silentLogger());
    await server.close();
  });
});

describe('fault: several writers on one PostgreSQL database', () => {
  it('interleaves two servers and a CLI appending at once; the chain verifies intact and nobody reloads', async () => {
    const pg = await createPgDatabase();
    try {
      const server = await startServer(testConfig({ store: { url: pg.url }, server: { port: 0 } }), silentLogger());
      const second = await startServer(testConfig({ store: { url: pg.url }, server: { port: 0 } }), silentLogger());
      const store = await createStore(pg.url);
      try {
        const other = second.engine;
        // Both servers append without pause while three CLI processes append to the same chain.
        let appends = 0;
        let clisDone = false;
        const appender = async (engine: typeof other, actor: string) => {
          for (let i = 0; !clisDone || i < 20; i++) {
            await engine.audit(
              i % 2
                ? [{ actor, action: 'alerts.listed', detail: { i } }]
                : [
                    { actor, action: 'cases.listed', detail: { i } },
                    { actor, action: 'alerts.listed', detail: { i } },
                  ],
            );
            appends += i % 2 ? 1 : 2;
          }
        };
        const loops = Promise.all([appender(server.engine, 'key:a'), appender(other, 'key:b')]);
        // Awaited below; a failure meanwhile must not count as unhandled before then.
        loops.catch(() => undefined);
        const clis = await Promise.all([1, 2, 3].map(() => cliAsync(['keys', 'create', '--role', 'ingest', '--db', pg.url])));
        clisDone = true;
        await loops;
        for (const c of clis) assert.equal(c.status, 0, c.stderr);
        // After the CLI wrote, both still commit in turn.
        await server.engine.audit([{ actor: 'key:a', action: 'alerts.listed' }]);
        await other.audit([{ actor: 'key:b', action: 'alerts.listed' }]);
        assert.equal(server.engine.ready, true);
        assert.equal(other.ready, true);
        const r = await verifyAudit(store.db);
        assert.equal(r.ok, true, JSON.stringify(r.firstProblem));
        const count = Number(
          (
            await store.db
              .selectFrom('audit_log')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
        assert.equal(r.entries, count);
        const cliEntries = Number(
          (
            await store.db
              .selectFrom('audit_log')
              .where('action', '=', 'api_key.created')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
        assert.equal(cliEntries, 3);
        assert.ok(count >= appends + 3 + 2, `every append is in the chain (${count} of ${appends + 5} and the servers' own)`);
        const verify = cli(['audit', 'verify', '--db', pg.url]);
        assert.equal(verify.status, 0, verify.stdout + verify.stderr);
        assert.match(verify.stdout, /audit log intact/);
      } finally {
        await store.close();
        await second.close();
        await server.close();
      }
    } finally {
      await pg.drop();
    }
  });
});

describe('fault: replay --db into a live PostgreSQL database', () => {
  it('is refused while a server keeps that database in memory, and runs once it has stopped', async () => {
    const pg = await createPgDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'warden-fault-pgreplay-'));
    const events = join(dir, 'events.jsonl');
    writeFileSync(events, JSON.stringify(adult('late_adult')) + '\n');
    const replay = () => cli(['replay', events, '--alerts', join(dir, 'alerts.jsonl'), '--db', pg.url]);
    try {
      const server = await startServer(testConfig({ store: { url: pg.url }, server: { port: 0 } }), silentLogger());
      try {
        const refused = replay();
        assert.equal(refused.status, 1, refused.stderr);
        assert.match(refused.stderr, new RegExp(`is in use by warden serve \\(pid ${process.pid}\\)`));
      } finally {
        await server.close();
      }
      const ran = replay();
      assert.equal(ran.status, 0, ran.stderr);
      assert.match(ran.stderr, /1 accepted/);
    } finally {
      await pg.drop();
    }
  });
});
