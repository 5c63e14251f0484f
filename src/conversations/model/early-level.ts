/**
 * The `early` threshold: an early warning (the model's low-severity alert) is raised when an
 * adult who approached the child sends a message with a cue that brings the conversation's
 * risk to it.
 *
 * Until 2026-12-06 it was the lowest level keeping the calibration fold's benign conversations
 * under 1%, counted over ALL of them, most of which the early path can never reach: relatives,
 * coaches and friends the child linked to (the early path is for adults who approached), and
 * messages with no cue (the early path fires only on a cue a reviewer can check). Counted that
 * way it sat on its edge (0.010 at 0.8). It is now counted over what the early path can reach:
 * for each benign conversation from an adult who approached, its highest risk at a message
 * with a cue.
 */
export const EARLY_RATE = 0.01;
/** The levels tried, lowest first. */
const LEVELS = Array.from({ length: 10 }, (_, i) => Math.round(50 + i * 5) / 100);

/**
 * The lowest level at which at most `EARLY_RATE` of the reachable benign conversations
 * (each given by its highest risk at a message with a cue) would raise an early warning;
 * the highest level tried when none does; 0.8 without any reachable benign conversation to
 * measure on (the level of the shipped model before, rather than one no data chose).
 */
export function earlyLevel(reachableBenignMax: readonly number[]): number {
  if (reachableBenignMax.length === 0) return 0.8;
  return LEVELS.find((t) => earlyRate(reachableBenignMax, t) <= EARLY_RATE) ?? LEVELS[LEVELS.length - 1]!;
}

/** The share of reachable benign conversations an early warning would raise at `level`. */
export function earlyRate(reachableBenignMax: readonly number[], level: number): number {
  return reachableBenignMax.length ? reachableBenignMax.filter((p) => p >= level).length / reachableBenignMax.length : 0;
}
