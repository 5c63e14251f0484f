import { AppError } from '../core/app-error.js';
import type { Detector, StoredSignal } from './detector.js';
import type { Facts } from '../facts/facts.js';

/**
 * How to build each detector, by its persisted name, in evaluation order (an object's string
 * keys keep their insertion order). A factory returns undefined when its detector is not
 * configured (an external classifier without a URL).
 */
export type DetectorFactories<Deps, M extends Record<string, Detector>> = { readonly [K in keyof M]: (deps: Deps) => M[K] | undefined };

/** The detectors one engine state runs, looked up by name with their own types (no casts at the call sites). */
export interface DetectorRegistry<M extends Record<string, Detector> = Record<string, Detector>> {
  /** In evaluation order: a detector sees what the ones before it raised on the same event. */
  readonly all: readonly Detector[];
  get<K extends keyof M & string>(name: K): M[K] | undefined;
  /** Offers a stored row to every detector that rebuilds memory from the store. */
  restore(row: StoredSignal, facts: Facts, todayPacked: number): void;
}

/** `keep` leaves detectors out by name (benchmarks measure the pipeline without some); all run by default. */
export function createDetectorRegistry<Deps, M extends Record<string, Detector>>(
  factories: DetectorFactories<Deps, M>,
  deps: Deps,
  keep?: (name: string) => boolean,
): DetectorRegistry<M> {
  const byName = new Map<string, Detector>();
  for (const name of Object.keys(factories) as (keyof M & string)[]) {
    if (keep && !keep(name)) continue;
    const detector = factories[name](deps);
    if (!detector) continue;
    // The key is what lookups use, `name` what alerts persist: they must never drift apart.
    if (detector.name !== name) throw new AppError('internal', `detector registered as ${name} names itself ${detector.name}`);
    byName.set(name, detector);
  }
  const all = [...byName.values()];
  const restorers = all.filter((d) => d.restore !== undefined);
  return {
    all,
    get: (name) => byName.get(name) as M[typeof name] | undefined,
    restore(row, facts, todayPacked) {
      for (const d of restorers) d.restore!(row, facts, todayPacked);
    },
  };
}
