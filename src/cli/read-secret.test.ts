import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { readSecret, type SecretInput } from './read-secret.js';

/** A stand-in terminal: records raw-mode changes, so the test sees echo turned off while the secret is typed. */
function fakeTty() {
  const input = new PassThrough() as PassThrough & SecretInput & { modes: boolean[] };
  input.isTTY = true;
  input.modes = [];
  input.setRawMode = (raw: boolean) => input.modes.push(raw);
  return input;
}

describe('readSecret', () => {
  it('on a terminal, reads with echo off and never writes what was typed', async () => {
    const input = fakeTty();
    const out = new PassThrough();
    let shown = '';
    out.on('data', (d: Buffer) => (shown += d.toString()));
    const p = readSecret(input, out, 'Password (not shown): ');
    input.write('hunter2-long');
    input.write('\u007fX\r');
    assert.equal(await p, 'hunter2-lonX', 'backspace edits');
    assert.deepEqual(input.modes, [true, false], 'raw mode on while typing, off after');
    assert.equal(shown, 'Password (not shown): \n');
  });

  it('aborts on Ctrl-C', async () => {
    const input = fakeTty();
    const p = readSecret(input, new PassThrough(), '? ');
    input.write('abc\u0003');
    assert.equal(await p, undefined);
    assert.deepEqual(input.modes, [true, false]);
  });

  it('piped, takes the whole input less one final newline', async () => {
    const input = new PassThrough();
    const p = readSecret(input, new PassThrough(), '? ');
    input.end('a long enough password\n');
    assert.equal(await p, 'a long enough password');
  });
});
