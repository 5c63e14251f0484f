import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProgress, formatDuration, summaryLine, type ProgressStream } from './create-progress.js';

/** A stream that keeps what is written; a terminal when `tty` is set. */
function capture(tty: boolean): ProgressStream & { text: () => string } {
  const chunks: string[] = [];
  return {
    isTTY: tty,
    columns: 80,
    write(s: string) {
      chunks.push(s);
      return true;
    },
    text: () => chunks.join(''),
  };
}

/**
 * What a person sees on the terminal: each line after cursor moves to column 1 (ESC[nG), line
 * clears (ESC[K, ESC[2K) and screen clears below the cursor (ESC[J) have been applied.
 */
function screen(raw: string): string[] {
  const lines = [''];
  let col = 0;
  for (const m of raw.matchAll(/\x1b\[([0-9;?]*)([A-Za-z])|\n|\r|[^\x1b\n\r]+/g)) {
    const row = lines.length - 1;
    const cur = lines[row]!;
    if (m[0] === '\n') {
      lines.push('');
      col = 0;
    } else if (m[0] === '\r') col = 0;
    else if (m[2] === 'G') col = Number(m[1] || 1) - 1;
    else if (m[2] === 'K') lines[row] = m[1] === '2' ? '' : cur.slice(0, col);
    else if (m[2] === 'J') lines[row] = cur.slice(0, col);
    else if (m[2] === undefined) {
      const padded = cur.padEnd(col);
      lines[row] = padded.slice(0, col) + m[0] + padded.slice(col + m[0].length);
      col += m[0].length;
    }
  }
  return lines;
}
const draws = (raw: string) => raw.split('hash [').length - 1;

describe('createProgress', () => {
  it('off a terminal writes nothing while working, then one summary line with count, seconds and rate', () => {
    const out = capture(false);
    let t = 1000;
    const p = createProgress({ label: 'replay', done: 'replayed', unit: 'lines', total: 4_000_000, stream: out, now: () => t });
    for (let i = 1; i <= 200_000; i++) {
      if (i % 1000 === 0) t += 45;
      p.update(i, i * 20);
    }
    assert.equal(out.text(), '');
    p.finish('199990 accepted, 0 duplicates, 10 rejected; 7 alerts');
    assert.equal(out.text(), 'replayed 200000 lines in 9.00 s (22222 lines/s): 199990 accepted, 0 duplicates, 10 rejected; 7 alerts\n');
    p.finish('again');
    assert.equal(out.text().split('\n').length, 2, 'finish writes its line once');
  });

  it('off a terminal passes logged lines straight through, and abort writes nothing', () => {
    const out = capture(false);
    const p = createProgress({ label: 'hash', done: 'hashed', unit: 'files', total: 3, stream: out, now: () => 0 });
    p.update(1);
    p.log('warden hash: a.jpg: not an image format');
    p.abort();
    p.finish();
    assert.equal(out.text(), 'warden hash: a.jpg: not an image format\n');
  });

  it('on a terminal draws a bar with share, count, rate and time left, at most a few times a second', () => {
    const out = capture(true);
    let t = 0;
    const p = createProgress({ label: 'hash', done: 'hashed', unit: 'files', total: 100, stream: out, now: () => t });
    p.update(0);
    const first = draws(out.text());
    assert.equal(first, 1);
    // 50 files in 100 ms: too soon to redraw.
    for (let i = 1; i <= 50; i++) {
      t += 2;
      p.update(i);
    }
    assert.equal(draws(out.text()), first);
    t = 1000;
    p.update(50);
    assert.deepEqual(screen(out.text()), ['hash [==========----------] 50% | 50/100 files | 50.0/s | ETA 1s']);
    p.log('warden hash: b.jpg: cannot read (ENOENT)');
    assert.deepEqual(screen(out.text()), [
      'warden hash: b.jpg: cannot read (ENOENT)',
      'hash [==========----------] 50% | 50/100 files | 50.0/s | ETA 1s',
    ]);
    t = 2000;
    p.update(100);
    p.finish();
    // The bar is gone; the logged line and the summary stay.
    assert.deepEqual(screen(out.text()), ['warden hash: b.jpg: cannot read (ENOENT)', 'hashed 100 files in 2.00 s (50.0 files/s)', '']);
  });

  it('shows a separate count when work is measured otherwise (bytes)', () => {
    const out = capture(true);
    let t = 0;
    const p = createProgress({ label: 'replay', done: 'replayed', unit: 'lines', total: 1000, items: null, stream: out, now: () => t });
    p.update(0, 0);
    assert.deepEqual(screen(out.text()), ['replay [--------------------] 0% | 0 lines | -/s | ETA -'], 'bytes are never shown as a count');
    t = 2000;
    p.update(300, 250);
    assert.deepEqual(screen(out.text()), ['replay [=====---------------] 25% | 300 lines | 150/s | ETA 6s']);
    p.abort();
    assert.deepEqual(screen(out.text()), [''], 'abort clears the bar and writes no summary');
  });
});

describe('progress formats', () => {
  it('writes durations a person reads at a glance', () => {
    assert.equal(formatDuration(0.4), '0s');
    assert.equal(formatDuration(59.4), '59s');
    assert.equal(formatDuration(65), '1m05s');
    assert.equal(formatDuration(3 * 3600 + 7 * 60), '3h07m');
    assert.equal(formatDuration(Number.NaN), '-');
  });

  it('gives the rate with a decimal only when it is small', () => {
    assert.equal(summaryLine('hashed', 3, 'files', 2, undefined), 'hashed 3 files in 2.00 s (1.5 files/s)');
    assert.equal(
      summaryLine('trained on', 5200, 'conversations', 3.1, undefined),
      'trained on 5200 conversations in 3.10 s (1677 conversations/s)',
    );
    assert.equal(summaryLine('replayed', 0, 'lines', 0, undefined), 'replayed 0 lines in 0.00 s (- lines/s)');
  });
});
