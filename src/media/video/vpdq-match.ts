import { distanceAt, parseHash256, WORDS } from '../hamming.js';
import { createMatchIndex, type MatchIndex } from '../match-index.js';
import type { VpdqFeature } from './vpdq.js';

/*
 * vPDQ matching as python-threatexchange defines it (`vpdq_brute_matcher.py`, `vpdq_util.py`):
 * each side keeps its unique frame hashes of quality >= 50; a frame matches when some frame of
 * the other side is within PDQ distance 31; the result is the share of matched frames on each
 * side. A video matches when the query's share is at least 80% (VPDQ_QUERY_MATCH_THRESHOLD_PERCENT)
 * and the compared side's at least 0% (VPDQ_INDEX_MATCH_THRESHOLD_PERCENT), so a short clip cut
 * from a longer banked video matches it (all of the clip's frames are found; few of the video's).
 */

export const VPDQ_QUALITY_THRESHOLD = 50;
export const VPDQ_DISTANCE_THRESHOLD = 31;
export const VPDQ_QUERY_MATCH_PERCENT = 80;
export const VPDQ_COMPARED_MATCH_PERCENT = 0;

export interface VpdqMatchPercent {
  /** Share (0–100) of the query's usable frames found in the other video. */
  queryMatchPercent: number;
  /** Share (0–100) of the other video's usable frames found in the query. */
  comparedMatchPercent: number;
}

export interface VpdqThresholds {
  quality: number;
  distance: number;
  queryPercent: number;
  comparedPercent: number;
}

export const DEFAULT_VPDQ_THRESHOLDS: VpdqThresholds = {
  quality: VPDQ_QUALITY_THRESHOLD,
  distance: VPDQ_DISTANCE_THRESHOLD,
  queryPercent: VPDQ_QUERY_MATCH_PERCENT,
  comparedPercent: VPDQ_COMPARED_MATCH_PERCENT,
};

/** Unique hashes first, then the quality floor (python-threatexchange's order), packed as words. */
export function usableFrames(features: readonly VpdqFeature[], quality = VPDQ_QUALITY_THRESHOLD): Uint32Array {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const f of features) {
    if (seen.has(f.pdqHex)) continue;
    seen.add(f.pdqHex);
    if (f.quality >= quality) kept.push(f.pdqHex);
  }
  const out = new Uint32Array(kept.length * WORDS);
  kept.forEach((hex, i) => parseHash256(hex, out, i));
  return out;
}

function countFound(a: Uint32Array, b: Uint32Array, distance: number): number {
  const na = a.length / WORDS;
  const nb = b.length / WORDS;
  let found = 0;
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      if (distanceAt(a, i, b, j, distance) <= distance) {
        found++;
        break;
      }
    }
  }
  return found;
}

/** Both shares, by brute force (python-threatexchange's `match_VPDQ_hash_brute`). Zero when either side has no usable frame. */
export function matchVpdq(
  query: readonly VpdqFeature[],
  compared: readonly VpdqFeature[],
  t: Pick<VpdqThresholds, 'quality' | 'distance'> = DEFAULT_VPDQ_THRESHOLDS,
): VpdqMatchPercent {
  return matchUsable(usableFrames(query, t.quality), usableFrames(compared, t.quality), t.distance);
}

export function matchUsable(q: Uint32Array, c: Uint32Array, distance: number): VpdqMatchPercent {
  if (q.length === 0 || c.length === 0) return { queryMatchPercent: 0, comparedMatchPercent: 0 };
  return {
    queryMatchPercent: (countFound(q, c, distance) * 100) / (q.length / WORDS),
    comparedMatchPercent: (countFound(c, q, distance) * 100) / (c.length / WORDS),
  };
}

export const isVpdqMatch = (m: VpdqMatchPercent, t: Pick<VpdqThresholds, 'queryPercent' | 'comparedPercent'> = DEFAULT_VPDQ_THRESHOLDS) =>
  m.queryMatchPercent > 0 && m.queryMatchPercent >= t.queryPercent && m.comparedMatchPercent >= t.comparedPercent;

export interface VpdqIndexMatch extends VpdqMatchPercent {
  id: number;
}

/**
 * Many banked videos at once: every usable frame of every video in one PDQ match index, so a
 * query's frames find their candidate videos by radius search instead of a scan of every
 * video; each candidate is then scored exactly as `matchVpdq` scores it.
 */
export interface VpdqIndex {
  add(id: number, features: readonly VpdqFeature[]): void;
  remove(id: number): void;
  /** Videos whose shares pass the thresholds, best query share first. */
  query(features: readonly VpdqFeature[], t?: VpdqThresholds): VpdqIndexMatch[];
  readonly size: number;
}

export function createVpdqIndex(): VpdqIndex {
  const frames: MatchIndex = createMatchIndex();
  const videos = new Map<number, { frames: Uint32Array; slots: number[] }>();
  const ownerOf: number[] = []; // frame slot -> video id
  const free: number[] = [];
  return {
    add(id, features) {
      if (videos.has(id)) this.remove(id);
      const packed = usableFrames(features);
      const slots: number[] = [];
      for (let i = 0; i < packed.length / WORDS; i++) {
        const slot = free.pop() ?? ownerOf.length;
        ownerOf[slot] = id;
        frames.add(slot, packed, i);
        slots.push(slot);
      }
      videos.set(id, { frames: packed, slots });
    },
    remove(id) {
      const v = videos.get(id);
      if (!v) return;
      for (const s of v.slots) {
        frames.remove(s);
        free.push(s);
      }
      videos.delete(id);
    },
    query(features, t = DEFAULT_VPDQ_THRESHOLDS) {
      const q = usableFrames(features, t.quality);
      const candidates = new Set<number>();
      for (let i = 0; i < q.length / WORDS; i++) for (const m of frames.query(q, t.distance, i)) candidates.add(ownerOf[m.id]!);
      const out: VpdqIndexMatch[] = [];
      for (const id of candidates) {
        const m = matchUsable(q, videos.get(id)!.frames, t.distance);
        if (isVpdqMatch(m, t)) out.push({ id, ...m });
      }
      return out.sort((a, b) => b.queryMatchPercent - a.queryMatchPercent || a.id - b.id);
    },
    get size() {
      return videos.size;
    },
  };
}
