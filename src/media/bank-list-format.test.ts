import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatBankCsv, parseBankCsv, type ListedHash } from './bank-list-format.js';

const SHA = 'a'.repeat(64);

describe('bank CSV', () => {
  it('reads back a note that holds a newline, a quote and a comma', () => {
    const entries: ListedHash[] = [
      { signalType: 'sha256', value: SHA, note: 'seen twice:\nonce in a DM, once "reposted", later', source: 'exchange\r\nB' },
      { signalType: 'md5', value: 'b'.repeat(32) },
    ];
    const back = parseBankCsv(formatBankCsv(entries));
    assert.deepEqual(back.errors, []);
    assert.deepEqual(back.hashes, entries);
  });

  it('names the line a bad record starts on, after a record that spans lines', () => {
    const text = `signal_type,value,note,source,added_at\nsha256,${SHA},"two\nlines",,\nmd5,nothex,,,\nsha256,${SHA},"never closed\n`;
    const r = parseBankCsv(text);
    assert.equal(r.hashes.length, 1);
    assert.deepEqual(r.errors, [
      { line: 4, reason: 'a md5 hash is 32 hex characters; this one has 6' },
      { line: 5, reason: 'a quoted field is never closed' },
    ]);
  });

  it('round-trips any note and source (property)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ note: text, source: text, addedMs: fc.option(fc.integer({ min: 0, max: 4_000_000_000_000 }), { nil: undefined }) }),
          { maxLength: 5 },
        ),
        (rows) => {
          const entries: ListedHash[] = rows.map((r, i) => {
            const e: ListedHash = { signalType: 'sha256', value: i.toString(16).padStart(64, '0') };
            if (r.note) e.note = r.note;
            if (r.source) e.source = r.source;
            if (r.addedMs !== undefined) e.addedMs = r.addedMs;
            return e;
          });
          const back = parseBankCsv(formatBankCsv(entries));
          assert.deepEqual(back.errors, []);
          assert.deepEqual(back.hashes, entries);
        },
      ),
    );
  });
});
