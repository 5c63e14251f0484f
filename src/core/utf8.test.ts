import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { invalidUtf8Offset } from './utf8.js';

const fatal = new TextDecoder('utf-8', { fatal: true });
const decodes = (b: Uint8Array) => {
  try {
    fatal.decode(b);
    return true;
  } catch {
    return false;
  }
};

describe('invalidUtf8Offset', () => {
  it('agrees with a strict decoder, and everything before the offset is well-formed', () => {
    // Bytes biased towards the interesting range (lead and continuation bytes).
    const bytes = fc.uint8Array({ maxLength: 40 }).map((a) => a.map((x) => (x & 1 ? 0x80 | (x & 0x7f) : x)));
    fc.assert(
      fc.property(bytes, (b) => {
        const at = invalidUtf8Offset(b);
        assert.equal(at === -1, decodes(b));
        if (at >= 0) {
          assert.ok(decodes(b.subarray(0, at)), 'the prefix decodes');
          assert.ok(!decodes(b.subarray(0, at + 1)), 'and the byte at it starts no complete character there');
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('names the first bad byte in the common cases', () => {
    assert.equal(invalidUtf8Offset(Buffer.from('kid_é🙂')), -1);
    assert.equal(invalidUtf8Offset(Buffer.from([0x6b, 0x69, 0x64, 0x5f, 0xff])), 4);
    assert.equal(invalidUtf8Offset(Buffer.from([0x61, 0xc0, 0xaf])), 1, 'overlong');
    assert.equal(invalidUtf8Offset(Buffer.from([0x61, 0xed, 0xa0, 0x80])), 1, 'surrogate');
    assert.equal(invalidUtf8Offset(Buffer.from([0xf4, 0x90, 0x80, 0x80])), 0, 'above U+10FFFF');
    assert.equal(invalidUtf8Offset(Buffer.from([0x61, 0xe2, 0x82])), 1, 'truncated at the end');
  });
});
