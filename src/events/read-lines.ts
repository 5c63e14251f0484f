import { createReadStream } from 'node:fs';
import { invalidUtf8Offset } from '../core/utf8.js';

export type Line = { lineNo: number; text: string } | { lineNo: number; error: string };

/**
 * JSON Lines from a file, with 1-based line numbers, yielded a read chunk (up to 1 MiB) at
 * a time: an async generator costs a promise per yield, which at a million lines was a
 * tenth of replay's time. Hand-rolled rather than node:readline, which is several times
 * slower and cannot tell a line of invalid UTF-8 (reported) from a valid one.
 */
export async function* readLineChunks(path: string, maxLineBytes: number, onRead?: (bytesRead: number) => void): AsyncGenerator<Line[]> {
  let carry: Buffer | null = null;
  let lineNo = 0;
  let overlong = false;
  /** The file offset of the first byte of `buf`, for naming where invalid UTF-8 is. */
  let bufOffset = 0;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    onRead?.(stream.bytesRead);
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = null;
    const out: Line[] = [];
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(10, start);
      if (nl === -1) break;
      lineNo++;
      if (overlong) {
        overlong = false;
        out.push({ lineNo, error: `is longer than ${maxLineBytes} bytes` });
      } else {
        const line = decode(buf, start, nl, maxLineBytes, lineNo, bufOffset + start);
        if (line) out.push(line);
      }
      start = nl + 1;
    }
    if (start < buf.length) {
      const rest = buf.subarray(start);
      // A line that never ends is not buffered forever: drop it, remember to report it.
      if (overlong || rest.length > maxLineBytes) overlong = true;
      else carry = Buffer.from(rest);
    }
    // The next buffer starts where the carried rest does, or after this whole chunk.
    bufOffset += carry ? start : buf.length;
    if (out.length > 0) yield out;
  }
  if (overlong) yield [{ lineNo: lineNo + 1, error: `is longer than ${maxLineBytes} bytes` }];
  else if (carry && carry.length > 0) {
    const line = decode(carry, 0, carry.length, maxLineBytes, lineNo + 1, bufOffset);
    if (line) yield [line];
  }
}

/** One line at a time, for callers that do little per line. */
export async function* readLines(path: string, maxLineBytes: number): AsyncGenerator<Line> {
  for await (const lines of readLineChunks(path, maxLineBytes)) yield* lines;
}

function decode(buf: Buffer, start: number, end: number, max: number, lineNo: number, fileOffset: number): Line | null {
  if (end > start && buf[end - 1] === 13) end--; // CRLF
  if (end - start > max) return { lineNo, error: `is longer than ${max} bytes` };
  if (end === start) return null; // blank lines are not events and not errors
  const slice = buf.subarray(start, end);
  // Refused, not decoded with U+FFFD: two ids differing only in invalid bytes would become one.
  const bad = invalidUtf8Offset(slice);
  if (bad >= 0)
    return {
      lineNo,
      error: `is not valid UTF-8 at byte ${bad} of the line (byte ${fileOffset + bad} of the file, 0x${slice[bad]!.toString(16).padStart(2, '0')})`,
    };
  const text = slice.toString('utf8');
  return text.trim() === '' ? null : { lineNo, text };
}
