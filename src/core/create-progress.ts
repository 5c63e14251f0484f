import { clearLine, cursorTo } from 'node:readline';
import cliProgress from 'cli-progress';

/** The part of a stream progress needs: a bar is drawn only where `isTTY` is true. */
export interface ProgressStream {
  write(text: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  /** The bar's first word: the command ('replay', 'hash'). */
  label: string;
  /** The summary line's first word, a past-tense verb ('replayed', 'hashed'). */
  done: string;
  /** What is counted ('lines', 'files', 'conversations'). */
  unit: string;
  /**
   * How much work there is. In items unless `update` is given a separate work measure
   * (replay measures bytes of the file read, since its line count is unknown until the end).
   */
  total: number;
  /**
   * How many items there are, shown as `count/items`: `total` unless given; null when it is not
   * known until the end (replay's lines), and the bar then shows the count alone.
   */
  items?: number | null;
  /** Where the bar and the summary go; standard error, so standard output stays data. */
  stream?: ProgressStream;
  /** Milliseconds, for tests. */
  now?: () => number;
}

export interface Progress {
  /**
   * `count` items done so far, and `work` of `total` when that is not the same measure.
   * Cheap enough to call per item: the bar is redrawn at most every REDRAW_MS.
   */
  update(count: number, work?: number): void;
  /** Writes one line (a bad input, a result) without tearing the bar; to `to`, or the progress stream. */
  log(line: string, to?: ProgressStream): void;
  /**
   * Ends the bar and writes the one summary line, `<done> <count> <unit> in <s> s (<rate> <unit>/s)`,
   * with `: <detail>` after it when given. Call once, in a finally block or at the end.
   */
  finish(detail?: string): void;
  /** Ends the bar and writes nothing: for work that failed, whose error says the rest. */
  abort(): void;
}

/** A few redraws a second: enough to look alive, and nothing measurable on replay's hot path. */
const REDRAW_MS = 200;

export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return '-';
  return perSecond >= 100 ? String(Math.round(perSecond)) : perSecond.toFixed(1);
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '-';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** The line written when the work ends, on a terminal or not. */
export function summaryLine(done: string, count: number, unit: string, seconds: number, detail?: string): string {
  const rate = seconds > 0 ? count / seconds : Number.POSITIVE_INFINITY;
  return `${done} ${count} ${unit} in ${seconds.toFixed(2)} s (${formatRate(rate)} ${unit}/s)${detail ? `: ${detail}` : ''}`;
}

/**
 * Progress for long CLI work (replay, hash of many files, train, eval). In core/ rather than
 * cli/ because the eval (conversations/eval) uses it too, and a detector's folder may not
 * import the CLI; like create-logger, it only writes to the stream it is given. On a terminal, a bar
 * with the share done, the count, the rate and the time left; elsewhere (a pipe, a file, CI)
 * nothing until one summary line at the end, so logs are not flooded with redraws.
 */
export function createProgress(opts: ProgressOptions): Progress {
  const stream = opts.stream ?? process.stderr;
  const now = opts.now ?? (() => performance.now());
  const started = now();
  const items = opts.items === undefined ? opts.total : opts.items;
  let count = 0;
  let work = 0;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let finished = false;

  // The bar's own timer is not relied on: train's work is synchronous and would starve it,
  // so every redraw with new figures is driven from update() (forceRedraw: the line is
  // rewritten even when the text is unchanged, which log() needs after clearing it). The
  // timer still runs while the bar is up and holds the process open: finish() or abort()
  // must be reached on every path.
  const bar =
    stream.isTTY === true
      ? new cliProgress.MultiBar({
          stream: stream as NodeJS.WritableStream,
          // Kept under 80 columns for a count of up to seven digits: the line is cut at the terminal's width.
          format: `${opts.label} [{bar}] {percentage}% | {shown} | {rate}/s | ETA {left}`,
          barsize: 20,
          fps: 1000 / REDRAW_MS,
          forceRedraw: true,
          // Left as the terminal had it: a bar killed by Ctrl-C must not leave wrapping off or the cursor hidden.
          linewrap: true,
          hideCursor: false,
          clearOnComplete: true,
        })
      : undefined;
  const line = bar?.create(Math.max(1, opts.total), 0, payload());

  function payload() {
    const elapsed = (now() - started) / 1000;
    const w = work || count;
    const left = w > 0 && elapsed > 0 ? ((opts.total - w) * elapsed) / w : Number.NaN;
    return {
      shown: items === null ? `${count} ${opts.unit}` : `${count}/${items} ${opts.unit}`,
      rate: formatRate(elapsed > 0 ? count / elapsed : Number.NaN),
      left: formatDuration(left),
    };
  }

  function draw() {
    lastDraw = now();
    line!.update(Math.min(work || count, Math.max(1, opts.total)), payload());
    bar!.update();
  }

  return {
    update(c, w) {
      count = c;
      if (w !== undefined) work = w;
      if (bar && !finished && now() - lastDraw >= REDRAW_MS) draw();
    },
    log(text, to = stream) {
      // Text for another stream that is not on the terminal (stdout sent to a file) leaves the bar alone.
      if (bar && !finished && (to === stream || to.isTTY === true)) {
        // Clear the bar's line, write, draw the bar again below the text.
        clearLine(stream as NodeJS.WritableStream, 0);
        cursorTo(stream as NodeJS.WritableStream, 0);
        to.write(text.endsWith('\n') ? text : `${text}\n`);
        draw();
      } else {
        to.write(text.endsWith('\n') ? text : `${text}\n`);
      }
    },
    finish(detail) {
      if (finished) return;
      finished = true;
      bar?.stop();
      stream.write(`${summaryLine(opts.done, count, opts.unit, (now() - started) / 1000, detail)}\n`);
    },
    abort() {
      if (finished) return;
      finished = true;
      bar?.stop();
    },
  };
}
