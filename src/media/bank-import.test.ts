import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bearer, createTestApp, type TestApp } from '../testing/test-app.js';
import { readFileSync } from 'node:fs';
import { BANK_IMPORT_MAX_BYTES, BANK_IMPORT_MAX_SIGNAL_LINE, importHashList } from './bank-import.js';
import type { ListedHash } from './bank-list-format.js';

const hex = (i: number, len: number) => i.toString(16).padStart(len, '0');

describe('streamed bank import', () => {
  it('parses a list line by line across chunk and batch boundaries, numbering lines in the whole list', async () => {
    const lines = Array.from({ length: 12_000 }, (_, i) => (i === 10_000 ? 'pdq nothex' : `md5 ${hex(i, 32)}`));
    const text = lines.join('\r\n') + '\n';
    // Chunks that split lines, CRLFs and a multi-byte character's bytes.
    const bytes = Buffer.from(`# é list\n${text}`);
    const chunks = (async function* () {
      for (let i = 0; i < bytes.length; i += 777) yield bytes.subarray(i, i + 777);
    })();
    const batches: number[] = [];
    const out = await importHashList(chunks, { format: 'hma', maxBytes: 1 << 24 }, async (h: ListedHash[]) => {
      batches.push(h.length);
      return h.length;
    });
    assert.equal(out.stored, 11_999);
    assert.deepEqual(
      out.skipped.map((e) => e.line),
      [10_002],
    );
    assert.ok(batches.length >= 3 && Math.max(...batches) <= 5000, `stored in batches: ${batches.join(',')}`);
  });

  it('stops at the byte cap, at invalid UTF-8 and at an endless line, keeping what was stored', async () => {
    const one = (b: Buffer) =>
      (async function* () {
        yield b;
      })();
    const store = async (h: ListedHash[]) => h.length;
    await assert.rejects(importHashList(one(Buffer.alloc(2048, 0x41)), { format: 'hma', maxBytes: 1024 }, store), {
      code: 'payload_too_large',
    });
    await assert.rejects(importHashList(one(Buffer.from([0x6d, 0x64, 0x35, 0x20, 0xff, 0x0a])), { format: 'hma', maxBytes: 1024 }, store), {
      code: 'invalid_input',
    });
    await assert.rejects(importHashList(one(Buffer.alloc(70_000, 0x41)), { format: 'hma', maxBytes: 1 << 20 }, store), /longer than/);
    await assert.rejects(importHashList(one(Buffer.from(`md5 ${hex(1, 32)}\n`)), { format: 'csv', maxBytes: 1024 }, store), /header/);
  });

  it('takes a TMK+PDQF line far past the line limit, in batches bounded by size, and names the line past the hard cap', async () => {
    const tmk = readFileSync(new URL('../../testdata/video-reference/tmk-hashes/pattern-sd-grey-bar.tmk', import.meta.url));
    const b64 = tmk.toString('base64');
    assert.ok(b64.length > 5 * 64 * 1024);
    const chunked = (text: string, size = 16 * 1024) =>
      (async function* () {
        const bytes = Buffer.from(text);
        for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
      })();
    const batches: ListedHash[][] = [];
    const store = async (h: ListedHash[]) => (batches.push(h), h.length);
    // 30 TMK lines (10.5 MB; in hex, as some sources send them, for the CSV) and a hash: stored in more than one batch.
    const hma = [`md5 ${hex(1, 32)}`, ...Array.from({ length: 30 }, () => `tmk_pdqf ${b64}`)].join('\n');
    const out = await importHashList(chunked(hma), { format: 'hma', maxBytes: 1 << 26 }, store);
    assert.equal(out.stored, 31);
    assert.equal(out.skippedTotal, 0);
    assert.ok(batches.length >= 2, `batches: ${batches.map((b) => b.length).join(',')}`);
    assert.equal(batches.flat().find((h) => h.signalType === 'tmk_pdqf')!.value, b64, 'stored in base64 whatever form it came in');
    const csv = `signal_type,value,note,source,added_at\ntmk_pdqf,${tmk.toString('hex')},from a source,,\n`;
    assert.equal((await importHashList(chunked(csv), { format: 'csv', maxBytes: 1 << 22 }, store)).stored, 1);
    // Bare values of a list declared as TMK+PDQF.
    assert.equal(
      (await importHashList(chunked(`${b64}\n`), { format: 'hma', signalType: 'tmk_pdqf', maxBytes: 1 << 22 }, store)).stored,
      1,
    );

    // Past the hard cap, the error names the line and the field, before the line is read to its end.
    const endless = `md5 ${hex(2, 32)}\ntmk_pdqf ${'A'.repeat(BANK_IMPORT_MAX_SIGNAL_LINE + 10)}\n`;
    await assert.rejects(importHashList(chunked(endless), { format: 'hma', maxBytes: 1 << 22 }, store), (e: Error) => {
      assert.match(e.message, /^line 2: the tmk_pdqf value is longer than 1048576 characters/);
      assert.deepEqual((e as unknown as { issues: { field: string }[] }).issues[0]!.field, 'line 2 value');
      return true;
    });
    // Any other line keeps the 64 KiB limit.
    await assert.rejects(
      importHashList(chunked(`pdq ${'a'.repeat(70_000)}\n`), { format: 'hma', maxBytes: 1 << 22 }, store),
      /line 1 is longer than 65536 characters/,
    );
  });

  describe('over HTTP', () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp();
      await t.app.inject({
        method: 'POST',
        url: '/v1/banks',
        headers: { ...bearer(t.keys.admin), 'content-type': 'application/json' },
        payload: JSON.stringify({ name: 'streamed' }),
      });
    });
    after(() => t.close());

    it('takes the list itself as text/csv or text/plain and makes it matchable', async () => {
      const csv = `signal_type,value,note,source,added_at\n${Array.from({ length: 6000 }, (_, i) => `md5,${hex(i, 32)},n,s,`).join('\n')}\nmd5,short,,,\n`;
      const r = await t.app.inject({
        method: 'POST',
        url: '/v1/banks/streamed/import',
        headers: { ...bearer(t.keys.admin), 'content-type': 'text/csv' },
        payload: csv,
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().stored, 6000);
      assert.deepEqual(
        r.json().skipped.map((e: { line: number }) => e.line),
        [6002],
      );
      const hma = await t.app.inject({
        method: 'POST',
        url: '/v1/banks/streamed/import?signalType=sha256',
        headers: { ...bearer(t.keys.admin), 'content-type': 'text/plain' },
        payload: `${'ef'.repeat(32)}\n`,
      });
      assert.equal(hma.json().stored, 1);
      const m = await t.app.inject({
        method: 'POST',
        url: '/v1/match',
        headers: { ...bearer(t.keys.decide), 'content-type': 'application/json' },
        payload: JSON.stringify({ md5: hex(5999, 32) }),
      });
      assert.equal(m.json().matches.length, 1);
    });

    it('refuses a declared length over the cap before reading, and other content types with 415', async () => {
      const big = await t.app.inject({
        method: 'POST',
        url: '/v1/banks/streamed/import',
        headers: { ...bearer(t.keys.admin), 'content-type': 'text/plain', 'content-length': String(BANK_IMPORT_MAX_BYTES + 1) },
        payload: 'x',
      });
      assert.equal(big.statusCode, 413);
      const xml = await t.app.inject({
        method: 'POST',
        url: '/v1/banks/streamed/import',
        headers: { ...bearer(t.keys.admin), 'content-type': 'application/xml' },
        payload: '<a/>',
      });
      assert.equal(xml.statusCode, 415);
    });
  });
});
