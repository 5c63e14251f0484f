/*
 * One request split over several short messages ("send me" / "a pic" / "of u", or "s" / "n" /
 * "a" / "p") carries no cue in any one of them. The window keeps the last few short turns of
 * each sender in each conversation and reads them together; a cue that only the joined text
 * carries is the split request's. Bounded: short turns only, a gap limit, a few turns, and a
 * cap on the senders held (the oldest is forgotten first).
 */
import { detectCues, type Cue } from './detect-cues.js';

export interface TurnWindow {
  /** The cues that the sender's recent short turns and this one carry only when read together. */
  splitCues(key: string, text: string, tsMs: number, ownCues: readonly Readonly<Cue>[]): Readonly<Cue>[];
}

interface Turns {
  texts: string[];
  lastMs: number;
  /** Cue codes the joined earlier turns already carried: not news when this turn is added. */
  before: Set<string>;
}

export function createTurnWindow(opts: { maxTurns?: number; maxGapMs?: number; maxChars?: number; maxKeys?: number } = {}): TurnWindow {
  const maxTurns = opts.maxTurns ?? 4;
  const maxGapMs = opts.maxGapMs ?? 5 * 60_000;
  const maxChars = opts.maxChars ?? 40;
  const maxKeys = opts.maxKeys ?? 50_000;
  const byKey = new Map<string, Turns>();
  return {
    splitCues(key, text, tsMs, ownCues) {
      let t = byKey.get(key);
      if (text.length > maxChars) {
        // A full sentence ends any split request: the next short turn starts a new one.
        if (t) byKey.delete(key);
        return [];
      }
      if (!t || tsMs - t.lastMs > maxGapMs || tsMs < t.lastMs) t = { texts: [], lastMs: tsMs, before: new Set() };
      byKey.delete(key); // re-inserted last: Map order is the eviction order
      t.texts.push(text);
      if (t.texts.length > maxTurns) t.texts.shift();
      t.lastMs = tsMs;
      byKey.set(key, t);
      if (byKey.size > maxKeys) byKey.delete(byKey.keys().next().value!);
      if (t.texts.length < 2) {
        t.before = new Set(ownCues.map((c) => c.code));
        return [];
      }
      // Only cues are wanted from the joined turns; each turn's language was asked about on its own.
      const joined = detectCues(t.texts.join(' '), { identify: false }).cues;
      const own = new Set(ownCues.map((c) => c.code));
      const news = joined.filter((c) => !own.has(c.code) && !t.before.has(c.code));
      t.before = new Set(joined.map((c) => c.code));
      return news;
    },
  };
}
