import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('./main.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../../testdata/pdq-reference/', import.meta.url));
const warden = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
const expected = new Map(
  readFileSync(ROOT + 'expected/pdq-fullres-dihedral.csv', 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(','))
    .map((c) => [c[9]!, c] as const),
);

describe('warden hash', () => {
  const a = 'pdq/data/bridge-mods/aaa-orig.jpg';
  const b = 'pdq/data/misc-images/c.png';

  it("prints the reference tool's CSV: pdqhex,quality,path", () => {
    const r = warden('hash', ROOT + a, ROOT + b);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), [
      `${expected.get(a)![0]},${expected.get(a)![8]},${ROOT + a}`,
      `${expected.get(b)![0]},${expected.get(b)![8]},${ROOT + b}`,
    ]);
  });

  it("prints the eight orientations with --dihedral, in the reference's column order", () => {
    const r = warden('hash', '--dihedral', ROOT + a);
    assert.equal(r.stdout.trim(), [...expected.get(a)!.slice(0, 9), ROOT + a].join(','));
  });

  it('adds MD5 and SHA-256 in JSON', () => {
    const r = warden('hash', '--format', 'json', ROOT + a);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.equal(out.pdq, expected.get(a)![0]);
    assert.equal(out.quality, 100);
    assert.match(String(out.md5), /^[0-9a-f]{32}$/);
    assert.match(String(out.sha256), /^[0-9a-f]{64}$/);
  });

  it('names each file it cannot read or decode on stderr, hashes the rest, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-hash-'));
    const empty = join(dir, 'empty.jpg');
    const text = join(dir, 'notes.txt');
    writeFileSync(empty, '');
    writeFileSync(text, 'plain text, not an image');
    const r = warden('hash', empty, join(dir, 'missing.png'), text, ROOT + a);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /empty\.jpg: the file is empty/);
    assert.match(r.stderr, /missing\.png: cannot read \(ENOENT\)/);
    assert.match(r.stderr, /notes\.txt: not an image format/);
    assert.equal(r.stdout.trim().split('\n').length, 1);
  });
});
