import { once } from 'node:events';
import { createWriteStream, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Alert } from '../alerts/alert-schema.js';
import type { WardenConfig } from '../config/config-schema.js';
import { AppError } from '../core/app-error.js';
import { systemClock, type Clock } from '../core/clock.js';
import { differsFromStored } from '../events/differs-from-stored.js';
import { createEngine } from './create-engine.js';
import type { IngestItem } from './ingest-item.js';
import { createStore } from '../store/store.js';
import { LIMITS } from '../events/limits.js';
import { readLineChunks } from '../events/read-lines.js';
import { validateEvent } from '../events/validate-event.js';

export interface ReplayOptions {
  input: string;
  alertsOut: string;
  /** A SQLite path or postgres:// URL; a throw-away SQLite file when absent (spec: `warden replay`). */
  db?: string | undefined;
  config: WardenConfig;
  logger: Logger;
  clock?: Clock;
  /** Where bad lines are reported (spec: "on standard error"). */
  report: (line: string) => void;
  batchSize?: number;
  /**
   * Called once per chunk read (up to 1 MiB), with the lines seen and the bytes read so far:
   * often enough for a progress bar, rare enough to cost nothing.
   */
  onProgress?: (lines: number, bytesRead: number) => void;
}

export interface ReplaySummary {
  lines: number;
  accepted: number;
  duplicates: number;
  /** Ids reused with different content (each also reported by line): ignored, as over HTTP. */
  conflicts: number;
  rejected: number;
  alerts: number;
  seconds: number;
}

/**
 * `warden replay` (spec): events in file order as if they had arrived live, every alert
 * as one JSON line. A bad line is reported with its number and reason, then skipped.
 */
export async function replay(opts: ReplayOptions): Promise<ReplaySummary> {
  const started = performance.now();
  const clock = opts.clock ?? systemClock;
  const throwAway = opts.db === undefined;
  const location = opts.db ?? join(tmpdir(), `warden-replay-${process.pid}-${Date.now()}.db`);
  // A throw-away database protects nothing: skip fsync entirely.
  const store = await createStore(location, {
    sqliteSynchronous: throwAway ? 'off' : opts.config.store.sqliteSynchronous,
    writerLock: throwAway ? undefined : 'warden replay',
    pgStateLock: 'exclusive',
  });
  const out = createWriteStream(opts.alertsOut);
  let alertCount = 0;
  let writeError: unknown;
  out.on('error', (e) => {
    writeError = e;
  });
  const writeAlerts = (alerts: Alert[], json: string[]) => {
    alertCount += alerts.length;
    out.write(json.join('\n') + '\n');
  };
  const summary: ReplaySummary = { lines: 0, accepted: 0, duplicates: 0, conflicts: 0, rejected: 0, alerts: 0, seconds: 0 };
  try {
    const engine = await createEngine({ store, config: opts.config, logger: opts.logger, clock, onAlerts: writeAlerts });
    const maxFutureSkewMs = opts.config.ingest.maxFutureSkewSeconds * 1000;
    const batchSize = opts.batchSize ?? 8000;
    let batch: IngestItem[] = [];
    let batchLines: number[] = [];
    // Up to three batches commit while the next is read and folded; file order is kept
    // because each batch is folded before the next is submitted.
    const inFlight: Promise<void>[] = [];
    // Duplicates wait here until the copies they repeat are committed, then are compared with
    // them; checked every few thousand so a file replayed twice does not hold itself in memory.
    let dups: { lineNo: number; item: IngestItem }[] = [];
    const checkDuplicates = async () => {
      if (dups.length === 0) return;
      await Promise.all(inFlight.splice(0));
      for (const k of await differsFromStored(
        store.db,
        dups.map((d) => d.item),
      )) {
        const { lineNo, item } = dups[k]!;
        summary.conflicts++;
        summary.duplicates--;
        opts.report(`line ${lineNo}: id ${item.event.id} was already accepted with different content; this one was ignored`);
      }
      dups = [];
    };
    const flush = async () => {
      if (batch.length === 0) return;
      const submitted = await engine.submit(batch);
      submitted.statuses.forEach((s, i) => {
        if (s === 'accepted') return void summary.accepted++;
        summary.duplicates++;
        dups.push({ lineNo: batchLines[i]!, item: batch[i]! });
      });
      batch = [];
      batchLines = [];
      inFlight.push(submitted.committed);
      if (inFlight.length >= 2) await inFlight.shift();
      if (dups.length >= 5000) await checkDuplicates();
      if (out.writableNeedDrain) await once(out, 'drain');
      if (writeError) throw new AppError('internal', `cannot write alerts to ${opts.alertsOut}`, { cause: writeError });
    };
    let bytesRead = 0;
    const onRead = opts.onProgress && ((n: number) => (bytesRead = n));
    for await (const chunk of readLineChunks(opts.input, LIMITS.lineMaxBytes, onRead)) {
      const nowMs = clock.now();
      for (const line of chunk) {
        summary.lines = line.lineNo;
        if ('error' in line) {
          summary.rejected++;
          opts.report(`line ${line.lineNo}: ${line.error}`);
          continue;
        }
        let raw: unknown;
        try {
          raw = JSON.parse(line.text);
        } catch (e) {
          summary.rejected++;
          opts.report(`line ${line.lineNo}: not valid JSON (${(e as Error).message})`);
          continue;
        }
        const r = validateEvent(raw, { nowMs, maxFutureSkewMs });
        if (!r.ok) {
          summary.rejected++;
          opts.report(`line ${line.lineNo}: ${r.error.map((i) => `${i.field}: ${i.reason}`).join('; ')}`);
          continue;
        }
        // validateEvent returns a fresh object: attach the stored form instead of copying it.
        const item: IngestItem = r.value;
        item.body = line.text;
        batch.push(item);
        batchLines.push(line.lineNo);
        if (batch.length >= batchSize) await flush();
      }
      opts.onProgress?.(summary.lines, bytesRead);
    }
    await flush();
    await checkDuplicates();
    await Promise.all(inFlight.splice(0));
    await engine.drain();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('not_found', `cannot read ${opts.input}: no such file`);
    throw e;
  } finally {
    out.end();
    await once(out, 'close').catch(() => undefined);
    await store.close();
    if (throwAway) for (const suffix of ['', '-wal', '-shm']) rmSync(location + suffix, { force: true });
  }
  if (writeError) throw new AppError('internal', `cannot write alerts to ${opts.alertsOut}`, { cause: writeError });
  summary.alerts = alertCount;
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
