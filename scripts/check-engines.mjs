// Every locked package must allow the oldest Node of each line package.json's engines field
// supports (issue 14: cookie@2 wanted Node 22 while Warden says 20). .npmrc's engine-strict
// catches this only for the Node that runs `npm ci`; this checks the other lines too.
// Prints the oldest version of each line, one a line, for .ci/run to test on.
import { readFileSync } from 'node:fs';
import semver from 'semver';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const range = new semver.Range(pkg.engines.node);
const oldest = range.set.map((comparators) => semver.minVersion(new semver.Range(comparators.map((c) => c.value).join(' '))).version);

const bad = [];
for (const [path, meta] of Object.entries(lock.packages)) {
  const wants = meta.engines?.node;
  // Optional packages (one per platform, like sharp's prebuilt binaries) are skipped by npm
  // where their engines or platform do not fit; a platform-specific one cannot break install.
  if (!path || !wants || meta.optional) continue;
  for (const v of oldest) {
    if (!semver.satisfies(v, wants))
      bad.push(`${path.replace(/^.*node_modules\//, '')}@${meta.version} wants Node ${wants}, package.json allows ${v}`);
  }
}
if (bad.length > 0) {
  console.error(`dependencies that rule out a Node version package.json supports (${pkg.engines.node}):\n  ${bad.join('\n  ')}`);
  process.exit(1);
}
console.log(oldest.join('\n'));
