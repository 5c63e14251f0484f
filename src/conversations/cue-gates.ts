/*
 * The cue scan's prefilter. Most messages carry no cue, and testing each of the lexicon's
 * expressions on them is most of the scan's cost; instead the literals each expression
 * cannot match without (`required-literals.ts`) are looked for in one pass over the text
 * (`literal-scan.ts`), and only expressions with a literal present are tested. An expression
 * with no literal to name is always tested. Results are identical to testing every
 * expression (cue-gates.test.ts, on the lexicon's examples, the phrase banks and disguises).
 */
import { createLiteralScan } from './literal-scan.js';
import { requiredLiterals } from './required-literals.js';

export interface CueGates {
  /**
   * Scans a text; until the next scan, `open(g)` says whether expression g may match it.
   * Returns false when none may (no literal occurred and none is always open).
   */
  scan(text: string): boolean;
  open(gate: number): boolean;
  /**
   * The gates the last scan opened (always-open ones first, then each literal's, as found),
   * each once: a caller can visit these instead of asking `open` of every gate. Valid until the
   * next scan, which reuses the array.
   */
  opened(): number[];
  /**
   * Gates over the same expressions and automaton, with their own scan state: a caller that keeps
   * two texts' scans at once holds one automaton, not two (2.7 MB for the speech acts').
   */
  fork(): CueGates;
  readonly stats: GateStats;
}

export interface GateStats {
  expressions: number;
  /** Expressions with no literal to name: tested on every message. */
  alwaysTested: number;
  literals: number;
  states: number;
}

/**
 * Literals are cut to this many characters: a prefix of a required literal is required too,
 * and the cut shrinks the automaton from 66,000 states to 9,500 (8,500 literals to 2,800) for
 * the same scan speed (measured on the corpora's 40,858 messages: 6.6 µs a message at 8, 7.1
 * uncut, 9.6 at 4, where short literals open gates that needlessly run expressions).
 */
const MAX_LITERAL = 8;

/** Gates for `expressions`, gate i standing for expressions[i]. */
export function createCueGates(expressions: readonly RegExp[]): CueGates {
  const always = new Uint8Array(expressions.length);
  const byLiteral = new Map<string, number[]>();
  expressions.forEach((re, g) => {
    const lits = requiredLiterals(re);
    if (!lits) always[g] = 1;
    else
      for (const l of new Set(lits.map((x) => x.slice(0, MAX_LITERAL)))) {
        const list = byLiteral.get(l);
        if (list) list.push(g);
        else byLiteral.set(l, [g]);
      }
  });
  const alwaysTested = always.reduce((n, a) => n + a, 0);
  const scanner = createLiteralScan([...byLiteral.keys()], [...byLiteral.values()]);
  const alwaysGates: number[] = [];
  always.forEach((a, g) => a === 1 && alwaysGates.push(g));
  const stats: GateStats = { expressions: expressions.length, alwaysTested, literals: byLiteral.size, states: scanner.states };
  const withState = (): CueGates => {
    const marks = new Uint32Array(expressions.length);
    const hits: number[] = [];
    let stamp = 0;
    return {
      stats,
      scan(text) {
        // A new stamp per text leaves the old marks stale without clearing them; on wrap-around they are cleared once.
        if (++stamp === 0xffffffff) {
          marks.fill(0);
          stamp = 1;
        }
        hits.length = 0;
        for (const g of alwaysGates) hits.push(g);
        return scanner.scan(text, marks, stamp, hits) || alwaysTested > 0;
      },
      open: (g) => always[g] === 1 || marks[g] === stamp,
      opened: () => hits,
      fork: withState,
    };
  };
  return withState();
}

/**
 * Whether any of `expressions` matches a text, testing only those whose literals occur in it:
 * an alternation of a key's patterns in six languages, read on every adult message, costs a
 * regular-expression trial at each position of each message where one gate does not.
 */
export function createGatedTest(expressions: readonly RegExp[]): (text: string) => boolean {
  const gates = createCueGates(expressions);
  return (text) => {
    if (!gates.scan(text)) return false;
    const open = gates.opened();
    for (let q = 0; q < open.length; q++) if (expressions[open[q]!]!.test(text)) return true;
    return false;
  };
}
