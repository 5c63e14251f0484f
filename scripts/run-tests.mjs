// Runs every compiled test file with node's test runner. Node 20's `--test` does not
// expand globs, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

const filter = process.argv.slice(2);
const files = find('dist').filter((f) => filter.length === 0 || filter.some((x) => f.includes(x))).sort();
if (files.length === 0) {
  console.error('no test files found under dist/');
  process.exit(1);
}
// --expose-gc: memory-bound tests measure retained heap after a collection.
const r = spawnSync(process.execPath, ['--expose-gc', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
