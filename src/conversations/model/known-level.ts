/**
 * The `known` threshold: from an adult the child knows, a rule hit the model puts below it is
 * held back as words without the rest of the script.
 *
 * Until 2026-12-06 it was the highest level keeping a fixed 95% of known adults' risky
 * conversations in the calibration fold. About 5% of them have no message the model scores at
 * all (risk 0: no level keeps them), so the rule sat on its own edge: one conversation
 * moved it from 0.1 to 0.05 when the lexicon grew, and doubled the known adults' benign
 * conversations over it (0.013 to 0.031 of them on that fold). The share is now measured
 * against what the lowest level keeps, so the conversations no level can keep do not decide
 * it, and at most `KNOWN_LOSS` of the rest may be given up for the precision a higher level buys.
 */
export const KNOWN_LOSS = 0.01;
/** The levels tried, lowest first. */
const LEVELS = Array.from({ length: 18 }, (_, i) => Math.round((i + 1) * 5) / 100);

/** The highest level that keeps at least 1 - `KNOWN_LOSS` of what the lowest level keeps; 0 without risky conversations. */
export function knownLevel(knownRiskyMax: readonly number[]): number {
  const kept = (t: number) => knownRiskyMax.filter((p) => p >= t).length;
  const floor = kept(LEVELS[0]!);
  if (floor === 0) return 0;
  let level = LEVELS[0]!;
  for (const t of LEVELS) if (kept(t) >= (1 - KNOWN_LOSS) * floor) level = t;
  return level;
}
