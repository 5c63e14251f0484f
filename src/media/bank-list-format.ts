import { SIGNAL_TYPES, type SignalType } from './hasher.js';
import { parseVpdqJson, vpdqToJson } from './video/vpdq.js';
import { readTmkSignal, tmkSignalOf } from './video/tmk-file.js';

/** One hash of a list, validated: lowercase hex of the signal type's length. */
export interface ListedHash {
  signalType: SignalType;
  value: string;
  note?: string;
  source?: string;
  addedMs?: number;
}

export interface LineError {
  line: number;
  reason: string;
}

const LENGTH: Record<Exclude<SignalType, 'vpdq' | 'tmk_pdqf'>, number> = { pdq: 64, md5: 32, sha1: 40, sha256: 64, video_md5: 32 };

/** Checks one hash value; returns the lowercase form or the reason it is refused. */
export function checkHash(signalType: string, value: string): { ok: true; value: string } | { ok: false; reason: string } {
  if (!(SIGNAL_TYPES as readonly string[]).includes(signalType))
    return {
      ok: false,
      reason: `unknown signal type "${signalType.slice(0, 32)}"; expected pdq, md5, sha1, sha256, video_md5, vpdq or tmk_pdqf`,
    };
  if (signalType === 'vpdq') {
    // Stored in python-threatexchange's own form, so equal videos compare equal as strings.
    const parsed = parseVpdqJson(value);
    if (!parsed.ok) return { ok: false, reason: `a vpdq signal ${parsed.error}` };
    if (parsed.value.length === 0) return { ok: false, reason: 'a vpdq signal needs at least one frame' };
    return { ok: true, value: vpdqToJson(parsed.value) };
  }
  if (signalType === 'tmk_pdqf') {
    // Sources send the .tmk file in base64 or hex; it is stored in one form, so one video is one entry.
    const parsed = readTmkSignal(value);
    if (!parsed.ok) return { ok: false, reason: `a tmk_pdqf signal${parsed.error.startsWith('is ') ? ' ' : ': '}${parsed.error}` };
    return { ok: true, value: tmkSignalOf(parsed.value) };
  }
  const len = LENGTH[signalType as Exclude<SignalType, 'vpdq' | 'tmk_pdqf'>];
  if (value.length !== len) return { ok: false, reason: `a ${signalType} hash is ${len} hex characters; this one has ${value.length}` };
  if (!/^[0-9a-fA-F]+$/.test(value)) return { ok: false, reason: `a ${signalType} hash is hexadecimal; this one has other characters` };
  // spec: `pdq` is lowercase hex; lists from elsewhere are accepted in either case and stored lower.
  return { ok: true, value: value.toLowerCase() };
}

/**
 * HMA's `local_file` format: one hash a line, either `<signal type> <hex>` (`pdq 3f…`) or
 * bare hex when the caller says which signal type the file holds. Blank lines and `#`
 * comments are skipped. A bad line is reported with its number and skipped.
 */
export function parseHmaLocalFile(text: string, defaultType?: SignalType): { hashes: ListedHash[]; errors: LineError[] } {
  const hashes: ListedHash[] = [];
  const errors: LineError[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    // A vPDQ signal string is JSON with spaces after its commas: the rest of the line is the value.
    const vpdq = /^vpdq\s+(\[.*)$/i.exec(line);
    const parts = vpdq ? ['vpdq', vpdq[1]!] : line.startsWith('[') ? [line] : line.split(/\s+/);
    let type: string | undefined;
    let value: string;
    if (parts.length === 1) {
      if (!defaultType) return void errors.push({ line: i + 1, reason: 'a bare hash needs the signal type given (signalType)' });
      type = defaultType;
      value = parts[0]!;
    } else if (parts.length === 2) {
      type = parts[0]!.toLowerCase();
      value = parts[1]!;
    } else return void errors.push({ line: i + 1, reason: 'expected "<signal type> <hash>" or a bare hash' });
    const c = checkHash(type, value);
    if (!c.ok) errors.push({ line: i + 1, reason: c.reason });
    else hashes.push({ signalType: type as SignalType, value: c.value });
  });
  return { hashes, errors };
}

export const CSV_HEADER = 'signal_type,value,note,source,added_at';

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV records (RFC 4180): a quoted field may hold commas, doubled quotes and line breaks, so a
 * record can span lines (a note with a newline, as formatBankCsv writes it). Each record comes
 * with the line it starts on; `fields` is undefined when a quote is never closed.
 */
function* csvRecords(text: string): Generator<{ line: number; raw: string; fields: string[] | undefined }> {
  let i = 0;
  let line = 1;
  while (i < text.length) {
    const startLine = line;
    const startAt = i;
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (; i < text.length; i++) {
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else {
          if (ch === '\n') line++;
          cur += ch;
        }
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        out.push(cur);
        cur = '';
      } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) break;
      else cur += ch;
    }
    const raw = text.slice(startAt, i);
    // Past the record's end of line (\n or \r\n).
    if (text[i] === '\r') i++;
    if (text[i] === '\n') {
      i++;
      line++;
    }
    out.push(cur);
    yield { line: startLine, raw, fields: quoted ? undefined : out };
  }
}

/** CSV with the header `signal_type,value,note,source,added_at` (added_at: RFC 3339, optional). */
export function parseBankCsv(text: string): { hashes: ListedHash[]; errors: LineError[] } {
  const hashes: ListedHash[] = [];
  const errors: LineError[] = [];
  const records = csvRecords(text);
  const header = records.next();
  if (header.done || header.value.raw.trim().toLowerCase() !== CSV_HEADER)
    return { hashes, errors: [{ line: 1, reason: `the first line must be the header ${CSV_HEADER}` }] };
  for (const { line: lineNo, raw, fields: f } of records) {
    if (raw.trim() === '') continue;
    if (!f) {
      errors.push({ line: lineNo, reason: 'a quoted field is never closed' });
      continue;
    }
    if (f.length < 2 || f.length > 5) {
      errors.push({ line: lineNo, reason: 'expected 2 to 5 fields: signal_type,value,note,source,added_at' });
      continue;
    }
    const c = checkHash((f[0] ?? '').trim().toLowerCase(), (f[1] ?? '').trim());
    if (!c.ok) {
      errors.push({ line: lineNo, reason: c.reason });
      continue;
    }
    const h: ListedHash = { signalType: f[0]!.trim().toLowerCase() as SignalType, value: c.value };
    if (f[2]) h.note = f[2].slice(0, 1000);
    if (f[3]) h.source = f[3].slice(0, 200);
    if (f[4]) {
      const ms = Date.parse(f[4]);
      if (!/^\d{4}-\d{2}-\d{2}T/.test(f[4]) || Number.isNaN(ms)) {
        errors.push({ line: lineNo, reason: 'added_at must be an RFC 3339 timestamp' });
        continue;
      }
      h.addedMs = ms;
    }
    hashes.push(h);
  }
  return { hashes, errors };
}

export function formatHmaLocalFile(entries: ListedHash[]): string {
  return entries.map((e) => `${e.signalType} ${e.value}\n`).join('');
}

export function formatBankCsv(entries: ListedHash[]): string {
  return (
    CSV_HEADER +
    '\n' +
    entries
      .map((e) =>
        [
          e.signalType,
          // A vpdq signal string holds commas and quotes; hex never does, so hash lines are unchanged.
          csvField(e.value),
          csvField(e.note ?? ''),
          csvField(e.source ?? ''),
          e.addedMs !== undefined ? new Date(e.addedMs).toISOString() : '',
        ].join(','),
      )
      .join('\n') +
    (entries.length ? '\n' : '')
  );
}
