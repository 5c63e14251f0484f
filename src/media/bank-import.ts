import { AppError } from '../core/app-error.js';
import { CSV_HEADER, parseBankCsv, parseHmaLocalFile, type LineError, type ListedHash } from './bank-list-format.js';
import type { SignalType } from './hasher.js';

/** The most a streamed import may carry: a hash list of a few million lines. */
export const BANK_IMPORT_MAX_BYTES = 256 * 1024 * 1024;
/** A list line is a hash and a short note: a longer one is not a list. */
export const BANK_IMPORT_MAX_LINE = 64 * 1024;
/**
 * The hard cap on a line holding a long video signal (tmk_pdqf, vpdq): a reference-shape TMK+PDQF
 * is 351,128 characters in base64 (526,688 in hex, as some sources send it); a vPDQ signal of
 * this size is ~14,000 hashed frames, near four hours at one frame a second.
 */
export const BANK_IMPORT_MAX_SIGNAL_LINE = 1024 * 1024;
/** Signal types whose lines may grow past BANK_IMPORT_MAX_LINE, up to BANK_IMPORT_MAX_SIGNAL_LINE. */
const LONG_TYPES: ReadonlySet<string> = new Set<SignalType>(['tmk_pdqf', 'vpdq']);
/** Lines parsed and stored together: memory stays at one batch whatever the list's size. */
const BATCH_LINES = 5000;
/** ... and at most this many characters a batch, so that a list of long video signals stays as bounded as one of hashes. */
const BATCH_CHARS = 8 * 1024 * 1024;
/** Skipped lines named in the answer; the rest are counted. */
const MAX_NAMED_SKIPS = 1000;

export interface ImportOutcome {
  stored: number;
  skipped: LineError[];
  skippedTotal: number;
}

/**
 * The signal type a line (or its start, while it arrives) declares, `<type> <value>` in HMA's
 * format or `<type>,<value>,…` in CSV (quoted or not), else the list's default for bare hashes.
 */
function lineType(start: string, format: 'hma' | 'csv', defaultType: SignalType | undefined): string | undefined {
  const m = (format === 'hma' ? /^\s*([a-z0-9_]+)\s/i : /^\s*"?([a-z0-9_]+)"?,/i).exec(start.slice(0, 64));
  return m ? m[1]!.toLowerCase() : format === 'hma' ? defaultType : undefined;
}

/**
 * Reads a hash list (HMA local_file or CSV) as it arrives, line by line, and hands each batch
 * of valid hashes to `store` before reading on: a 200 MB list never sits in memory. Invalid
 * UTF-8, a line over BANK_IMPORT_MAX_LINE (BANK_IMPORT_MAX_SIGNAL_LINE for a TMK+PDQF or vPDQ
 * line) or a body over `maxBytes` stops the import with an error naming the line; the batches
 * stored before it stay stored and are counted in `progress`.
 */
export async function importHashList(
  source: AsyncIterable<Buffer | string>,
  opts: { format: 'hma' | 'csv'; signalType?: SignalType | undefined; maxBytes: number },
  store: (hashes: ListedHash[]) => Promise<number>,
  progress: ImportOutcome = { stored: 0, skipped: [], skippedTotal: 0 },
): Promise<ImportOutcome> {
  const out = progress;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  let partial = '';
  let lineNo = 0; // lines read so far
  let batch: string[] = [];
  let batchChars = 0;
  let batchFirstLine = 1;
  let sawHeader = opts.format !== 'csv';

  const skip = (errors: LineError[]) => {
    out.skippedTotal += errors.length;
    for (const e of errors) if (out.skipped.length < MAX_NAMED_SKIPS) out.skipped.push(e);
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const text = batch.join('\n');
    // The parsers number lines from the text they are given: shift them to the whole list's.
    const parsed = opts.format === 'hma' ? parseHmaLocalFile(text, opts.signalType) : parseBankCsv(`${CSV_HEADER}\n${text}`);
    const shift = opts.format === 'hma' ? batchFirstLine - 1 : batchFirstLine - 2;
    skip(parsed.errors.map((e) => ({ line: e.line + shift, reason: e.reason })));
    if (parsed.hashes.length > 0) out.stored += await store(parsed.hashes);
    batch = [];
    batchChars = 0;
  };
  const line = async (raw: string) => {
    lineNo++;
    if (!sawHeader) {
      sawHeader = true;
      if (raw.trim().toLowerCase() !== CSV_HEADER)
        throw new AppError('invalid_input', `the first line must be the header ${CSV_HEADER}`, {
          issues: [{ field: 'line 1', reason: 'is not the CSV header' }],
        });
      return;
    }
    if (batch.length === 0) batchFirstLine = lineNo;
    batch.push(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
    batchChars += raw.length;
    if (batch.length >= BATCH_LINES || batchChars >= BATCH_CHARS) await flush();
  };

  for await (const chunk of source) {
    let text: string;
    if (typeof chunk === 'string') text = chunk;
    else {
      bytes += chunk.length;
      if (bytes > opts.maxBytes)
        throw new AppError(
          'payload_too_large',
          `the list is larger than the limit of ${opts.maxBytes} bytes; ${out.stored} entries were stored before it`,
        );
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new AppError(
          'invalid_input',
          `the list is not valid UTF-8 (near line ${lineNo + 1}); ${out.stored} entries were stored before it`,
          { issues: [{ field: `line ${lineNo + 1}`, reason: 'is not valid UTF-8' }] },
        );
      }
    }
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const whole = partial + text.slice(start, nl);
      if (whole.length > BANK_IMPORT_MAX_LINE) tooLong(whole, lineNo + 1);
      await line(whole);
      partial = '';
      start = nl + 1;
    }
    partial += text.slice(start);
    if (partial.length > BANK_IMPORT_MAX_LINE) tooLong(partial, lineNo + 1);
  }
  try {
    partial += decoder.decode();
  } catch {
    throw new AppError('invalid_input', 'the list ends inside a UTF-8 sequence', {
      issues: [{ field: `line ${lineNo + 1}`, reason: 'is not valid UTF-8' }],
    });
  }
  if (partial.length > BANK_IMPORT_MAX_LINE) tooLong(partial, lineNo + 1);
  if (partial !== '') await line(partial);
  if (!sawHeader)
    throw new AppError('invalid_input', `the first line must be the header ${CSV_HEADER}`, {
      issues: [{ field: 'line 1', reason: 'is missing' }],
    });
  await flush();
  return out;

  /** Throws when a line, complete or still arriving, is past its cap: the hard one for a long video signal, else the line limit. */
  function tooLong(partialLine: string, n: number): void {
    const type = lineType(partialLine, opts.format, opts.signalType);
    if (type !== undefined && LONG_TYPES.has(type)) {
      if (partialLine.length <= BANK_IMPORT_MAX_SIGNAL_LINE) return;
      throw new AppError(
        'invalid_input',
        `line ${n}: the ${type} value is longer than ${BANK_IMPORT_MAX_SIGNAL_LINE} characters; ${out.stored} entries were stored before it`,
        { issues: [{ field: `line ${n} value`, reason: `is longer than ${BANK_IMPORT_MAX_SIGNAL_LINE} characters for ${type}` }] },
      );
    }
    throw new AppError('invalid_input', `line ${n} is longer than ${BANK_IMPORT_MAX_LINE} characters`, {
      issues: [{ field: `line ${n}`, reason: 'is too long' }],
    });
  }
}
