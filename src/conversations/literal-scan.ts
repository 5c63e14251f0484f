/*
 * Finds which of many literals occur in a text, in one pass (Aho-Corasick). Hand-written,
 * not one of npm's: this runs on every message at ingest, and the packages build tries of
 * objects or Maps and return an array of match objects per call; here the automaton is one
 * dense table of the literals' own characters (a few dozen columns), a scan allocates
 * nothing, and a hit marks the literal's targets in a caller's array, which is all the cue
 * scan needs. About 60 lines, checked against a plain `includes` of each literal in
 * literal-scan.test.ts.
 */

export interface LiteralScan {
  /** How many states the automaton has (for the bench and tests). */
  readonly states: number;
  /**
   * Sets `marks[t] = stamp` for the target of every literal that occurs in `text`; returns
   * whether any did. The caller picks a new stamp per text, so marks never need clearing.
   * With `hits`, each target marked is also pushed there, once (so a caller can visit only those).
   */
  scan(text: string, marks: Uint32Array, stamp: number, hits?: number[]): boolean;
}

/** The finished automaton: typed tables only, which is all a scan reads. */
interface Tables {
  states: number;
  width: number;
  /** Columns of ASCII characters; others are looked up in `column`. */
  ascii: Int32Array;
  column: Map<number, number>;
  /** The transition from state s on column c is delta[s * width + c]. */
  delta: Int32Array;
  /** State s's targets are outList[outStart[s] .. outStart[s + 1]). */
  outStart: Int32Array;
  outList: Int32Array;
}

/** An automaton over `literals`; `targets[i]` are the ids that literal i marks. */
export function createLiteralScan(literals: readonly string[], targets: readonly (readonly number[])[]): LiteralScan {
  // Built in its own function: the trie's rows and per-state sets are then garbage once the
  // tables exist. Built here, they shared the scan closure's context and stayed alive, 6-12 MB
  // for the cue lexicon's automata (measured by heap use after import, 2026-12-07).
  const { states, width, ascii, column, delta, outStart, outList } = buildTables(literals, targets);
  return {
    states,
    scan(text, marks, stamp, hits) {
      let s = 0;
      let any = false;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        s = delta[s * width + (code < 128 ? ascii[code]! : (column.get(code) ?? 0))]!;
        const end = outStart[s + 1]!;
        for (let k = outStart[s]!; k < end; k++) {
          const t = outList[k]!;
          if (marks[t] !== stamp) {
            marks[t] = stamp;
            hits?.push(t);
          }
          any = true;
        }
      }
      return any;
    },
  };
}

function buildTables(literals: readonly string[], targets: readonly (readonly number[])[]): Tables {
  // The alphabet: each character used by a literal gets a column; every other one is column 0,
  // which leads back to the root from any state.
  const column = new Map<number, number>();
  for (const lit of literals)
    for (let i = 0; i < lit.length; i++) if (!column.has(lit.charCodeAt(i))) column.set(lit.charCodeAt(i), column.size + 1);
  const width = column.size + 1;
  const ascii = new Int32Array(128);
  for (const [code, col] of column) if (code < 128) ascii[code] = col;

  // The trie, then failure links breadth first, folded into a complete transition table.
  const next: number[][] = [new Array<number>(width).fill(-1)];
  const outputs: Set<number>[] = [new Set()];
  literals.forEach((lit, li) => {
    let s = 0;
    for (let i = 0; i < lit.length; i++) {
      const c = column.get(lit.charCodeAt(i))!;
      if (next[s]![c]! < 0) {
        next[s]![c] = next.length;
        next.push(new Array<number>(width).fill(-1));
        outputs.push(new Set());
      }
      s = next[s]![c]!;
    }
    for (const t of targets[li] ?? []) outputs[s]!.add(t);
  });
  const fail = new Int32Array(next.length);
  const queue: number[] = [];
  for (let c = 0; c < width; c++) {
    const t = next[0]![c]!;
    if (t < 0) next[0]![c] = 0;
    else queue.push(t);
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    for (const t of outputs[fail[s]!]!) outputs[s]!.add(t);
    for (let c = 0; c < width; c++) {
      const t = next[s]![c]!;
      if (t < 0) next[s]![c] = next[fail[s]!]![c]!;
      else {
        fail[t] = next[fail[s]!]![c]!;
        queue.push(t);
      }
    }
  }

  const delta = new Int32Array(next.length * width);
  next.forEach((row, s) => delta.set(row, s * width));
  // Each state's targets as a slice of one array: state s owns outList[outStart[s] .. outStart[s+1]).
  const outStart = new Int32Array(next.length + 1);
  const flat: number[] = [];
  outputs.forEach((o, s) => {
    outStart[s] = flat.length;
    flat.push(...o);
  });
  outStart[next.length] = flat.length;
  const outList = Int32Array.from(flat);

  return { states: next.length, width, ascii, column, delta, outStart, outList };
}
