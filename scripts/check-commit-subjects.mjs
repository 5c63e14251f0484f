// Commit subjects stay under 72 characters (detail goes in the body). History before the rule
// was written is left as it is: only commits after SINCE are checked.
import { spawnSync } from 'node:child_process';

const SINCE = 'b2f015f157b60a683a08b4213117a42ebad596cb';
const MAX = 72;
// Landed before the check ran on every branch; kept as they are rather than rewrite merged history.
const LANDED = new Set(['eb09bee']);

const git = (args) => spawnSync('git', args, { encoding: 'utf8' });
if (git(['rev-parse', '--is-inside-work-tree']).stdout.trim() !== 'true') {
  console.log('commit subjects: not a git checkout, nothing to check');
  process.exit(0);
}
const base = git(['rev-parse', '--verify', '--quiet', `${SINCE}^{commit}`]).stdout.trim();
// A shallow clone may not hold the base: then the commits it does hold are checked.
const range = base ? [`${base}..HEAD`] : ['HEAD'];
const log = git(['log', '--no-merges', '--format=%h%x09%s', ...range]);
if (log.status !== 0) {
  console.error(log.stderr.trim());
  process.exit(1);
}
const long = log.stdout
  .split('\n')
  .filter(Boolean)
  .map((line) => line.split('\t'))
  .filter(([hash, subject]) => [...subject].length > MAX && !LANDED.has(hash.slice(0, 7)));
for (const [hash, subject] of long) console.error(`${hash}: subject is ${[...subject].length} characters (at most ${MAX}): ${subject}`);
if (long.length > 0) process.exit(1);
console.log(`commit subjects: ${base ? 'every commit since ' + SINCE.slice(0, 8) : 'every commit'} is at most ${MAX} characters`);
