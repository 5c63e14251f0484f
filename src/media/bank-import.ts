import { AppError } from '../core/app-error.js';
import { CSV_HEADER, parseBankCsv, parseHmaLocalFile, type LineError, type ListedHash } from './bank-list-format.js';
import type { SignalType } from './hasher.js';

/** The most a streamed import may carry: a hash list of a few million lines. */
export const BANK_IMPORT_MAX_BYTES = 256 * 1024 * 1024;
/** A list line is a hash and a short note: a longer one is not a list. */
export const BANK_IMPORT_MAX_LINE = 64 * 1024;
/** Lines parsed and stored together: memory stays at one batch whatever the list's size. */
const BATCH_LINES = 5000;
/** Skipped lines named in the answer; the rest are counted. */
const MAX_NAMED_SKIPS = 1000;

export interface ImportOutcome {
  stored: number;
  skipped: LineError[];
  skippedTotal: number;
}

/**
 * Reads a hash list (HMA local_file or CSV) as it arrives, line by line, and hands each batch
 * of valid hashes to `store` before reading on: a 200 MB list never sits in memory. Invalid
 * UTF-8, a line over BANK_IMPORT_MAX_LINE or a body over `maxBytes` stops the import with an
 * error; the batches stored before it stay stored and are counted in `progress`.
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
    if (batch.length >= BATCH_LINES) await flush();
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
      await line(partial + text.slice(start, nl));
      partial = '';
      start = nl + 1;
    }
    partial += text.slice(start);
    if (partial.length > BANK_IMPORT_MAX_LINE)
      throw new AppError('invalid_input', `line ${lineNo + 1} is longer than ${BANK_IMPORT_MAX_LINE} characters`, {
        issues: [{ field: `line ${lineNo + 1}`, reason: 'is too long' }],
      });
  }
  try {
    partial += decoder.decode();
  } catch {
    throw new AppError('invalid_input', 'the list ends inside a UTF-8 sequence', {
      issues: [{ field: `line ${lineNo + 1}`, reason: 'is not valid UTF-8' }],
    });
  }
  if (partial !== '') await line(partial);
  if (!sawHeader)
    throw new AppError('invalid_input', `the first line must be the header ${CSV_HEADER}`, {
      issues: [{ field: 'line 1', reason: 'is missing' }],
    });
  await flush();
  return out;
}
