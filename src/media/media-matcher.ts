import { parseHash256, WORDS } from './hamming.js';
import type { SignalType } from './hasher.js';
import { createMatchIndex, type MatchIndex } from './match-index.js';
import { parseVpdqJson, type VpdqFeature } from './video/vpdq.js';
import { createVpdqIndex, VPDQ_QUERY_MATCH_PERCENT } from './video/vpdq-match.js';
import { compareTmk, tmkCompatible, TMK_LEVEL2_THRESHOLD, type TmkFeatures } from './video/tmk.js';
import { readTmkSignal } from './video/tmk-file.js';

export interface BankInfo {
  id: string;
  name: string;
  /** positive: known material; negative: known false positives, whose matches suppress positive ones. */
  kind: 'positive' | 'negative';
  enabled: boolean;
  pdqThreshold: number;
}

export interface EntryInfo {
  id: number;
  bankId: string;
  signalType: SignalType;
  value: string;
  quarantined: boolean;
}

export interface HashMatch {
  entryId: number;
  bankId: string;
  bankName: string;
  signalType: SignalType;
  distance: number;
  threshold: number;
}

export interface MediaSignals {
  pdq?: string | undefined;
  /** The MD5 of the file's bytes; `video_md5` entries are looked up with it too. */
  md5?: string | undefined;
  sha1?: string | undefined;
  sha256?: string | undefined;
  /** PDQ of the seven other orientations, when known (hashed from bytes). */
  dihedral?: Record<string, string> | undefined;
  /** A video's vPDQ frames. */
  vpdq?: readonly VpdqFeature[] | undefined;
  /** A video's TMK+PDQF. */
  tmk?: TmkFeatures | undefined;
}

/** TMK+PDQF on the same scale: `distance` is 100 x (1 - level-2 score), `threshold` 30 (level 2 at least 0.7; level 1 must pass 0.7 too). */
export const TMK_MATCH_THRESHOLD = Math.round(100 * (1 - TMK_LEVEL2_THRESHOLD));

/**
 * A vPDQ match is reported on the PDQ-like scale the alert schema carries: `distance` is the
 * percentage of the query's usable frames NOT found in the banked video, `threshold` the most
 * python-threatexchange allows (100 - VPDQ_QUERY_MATCH_THRESHOLD_PERCENT = 20).
 */
export const VPDQ_MATCH_THRESHOLD = 100 - VPDQ_QUERY_MATCH_PERCENT;

/**
 * One change to the banks in memory, as another node applies it (scale-out: the hash index
 * follows bank changes as deltas on the model feed, docs/scale-out.md).
 */
export type BankChange =
  | { op: 'bank'; bank: BankInfo }
  | { op: 'add'; entry: EntryInfo }
  | { op: 'remove'; id: number }
  | { op: 'quarantine'; id: number; quarantined: boolean };

export interface MatchOptions {
  /** Only these banks (ids or names); all enabled banks when absent. */
  banks?: readonly string[] | undefined;
}

/**
 * Everything known-image matching keeps in memory: banks, their entries, one PDQ index over
 * all entries and exact-digest maps. Rebuilt from the store on start, updated as banks change.
 */
export interface MediaMatcher {
  setBank(bank: BankInfo): void;
  addEntry(entry: EntryInfo): void;
  /** Bulk load on start: one index build. */
  loadEntries(entries: EntryInfo[]): void;
  removeEntry(id: number): void;
  setQuarantined(id: number, quarantined: boolean): void;
  /** Positive matches that survive thresholds, disabled banks, quarantine and negative banks, nearest first. */
  match(signals: MediaSignals, opts?: MatchOptions): HashMatch[];
  /**
   * Counts an upload against the entries it matched; returns the entries that now matched
   * more than `floodLimit` distinct uploads within the hour and are taken out of matching.
   */
  noteUpload(entryIds: readonly number[], uploadKey: string, tsMs: number): number[];
  /** Puts back an upload counted before a restart (from the store); counts nothing new and quarantines nothing. */
  restoreUpload(entryId: number, uploadKey: string, tsMs: number): void;
  bank(id: string): BankInfo | undefined;
  readonly entryCount: number;
  /**
   * Applies changes another node made (or the banks read on start), in order: idempotent (a
   * change read twice from the feed changes nothing more) and not reported to `onChange`, so
   * it is not sent back.
   */
  applyChanges(changes: readonly BankChange[]): void;
}

/** How far back the flood limit counts distinct uploads. */
export const FLOOD_WINDOW_MS = 3600_000;
const HOUR = FLOOD_WINDOW_MS;

export function createMediaMatcher(opts: {
  floodLimitPerHour: number;
  /** Told of each change made through setBank, addEntry, removeEntry and setQuarantined (not of the load on start). */
  onChange?: (change: BankChange) => void;
}): MediaMatcher {
  const told = opts.onChange ?? (() => undefined);
  const banks = new Map<string, BankInfo>();
  const entries = new Map<number, EntryInfo>();
  const pdqIndex: MatchIndex = createMatchIndex();
  const vpdqIndex = createVpdqIndex();
  // Few and large (263 kB each): compared one by one, level 1 (a 256-long cosine) first.
  const tmks = new Map<number, TmkFeatures>();
  const digests = new Map<string, number[]>(); // `${type}:${hex}` -> entry ids
  const recent = new Map<number, Map<string, number>>(); // entry -> upload key -> last ts
  const scratch = new Uint32Array(WORDS);

  // A source's video MD5 is the MD5 of the file's bytes: one lookup finds both kinds of entry.
  const digestKey = (t: string, v: string) => `${t === 'video_md5' ? 'md5' : t}:${v}`;

  function index(e: EntryInfo, bulk: boolean): void {
    entries.set(e.id, e);
    if (e.signalType === 'pdq') {
      if (!bulk) pdqIndex.add(e.id, parseHash256(e.value)!);
    } else if (e.signalType === 'vpdq') {
      // Stored values were checked on the way in (checkHash); one that no longer parses matches nothing.
      const parsed = parseVpdqJson(e.value);
      if (parsed.ok) vpdqIndex.add(e.id, parsed.value);
    } else if (e.signalType === 'tmk_pdqf') {
      // Exchanges' TMKs were stored as sources sent them (base64 or hex of the .tmk file).
      const parsed = readTmkSignal(e.value);
      if (parsed.ok) tmks.set(e.id, parsed.value);
    } else {
      const k = digestKey(e.signalType, e.value);
      const list = digests.get(k);
      if (list) list.push(e.id);
      else digests.set(k, [e.id]);
    }
  }

  function unindex(id: number): void {
    const e = entries.get(id);
    if (!e) return;
    entries.delete(id);
    if (e.signalType === 'pdq') pdqIndex.remove(id);
    else if (e.signalType === 'vpdq') vpdqIndex.remove(id);
    else if (e.signalType === 'tmk_pdqf') tmks.delete(id);
    else {
      const k = digestKey(e.signalType, e.value);
      const list = (digests.get(k) ?? []).filter((x) => x !== id);
      if (list.length) digests.set(k, list);
      else digests.delete(k);
    }
  }

  function usable(e: EntryInfo | undefined, allowed: ((b: BankInfo) => boolean) | undefined): { e: EntryInfo; b: BankInfo } | undefined {
    if (!e || e.quarantined) return undefined;
    const b = banks.get(e.bankId);
    if (!b || !b.enabled || (allowed && !allowed(b))) return undefined;
    return { e, b };
  }

  return {
    setBank(bank) {
      banks.set(bank.id, bank);
      // Only the fields matching reads: callers pass stored records with more.
      const { id, name, kind, enabled, pdqThreshold } = bank;
      told({ op: 'bank', bank: { id, name, kind, enabled, pdqThreshold } });
    },
    addEntry(e) {
      index(e, false);
      told({ op: 'add', entry: { id: e.id, bankId: e.bankId, signalType: e.signalType, value: e.value, quarantined: e.quarantined } });
    },
    loadEntries(list) {
      const ids: number[] = [];
      const hashes = new Uint32Array(list.filter((e) => e.signalType === 'pdq').length * WORDS);
      for (const e of list) {
        index(e, true);
        if (e.signalType === 'pdq') {
          parseHash256(e.value, hashes, ids.length);
          ids.push(e.id);
        }
      }
      pdqIndex.addMany(ids, hashes);
    },
    removeEntry(id) {
      unindex(id);
      told({ op: 'remove', id });
    },
    setQuarantined(id, q) {
      const e = entries.get(id);
      if (e) e.quarantined = q;
      told({ op: 'quarantine', id, quarantined: q });
    },
    applyChanges(changes) {
      for (const c of changes) {
        if (c.op === 'bank') banks.set(c.bank.id, { ...c.bank });
        else if (c.op === 'add') {
          unindex(c.entry.id); // an add read twice replaces itself
          index({ ...c.entry }, false);
        } else if (c.op === 'remove') unindex(c.id);
        else {
          const e = entries.get(c.id);
          if (e) e.quarantined = c.quarantined;
        }
      }
    },
    match(signals, matchOpts = {}) {
      const wanted = matchOpts.banks ? new Set(matchOpts.banks) : undefined;
      const allowed = wanted ? (b: BankInfo) => wanted.has(b.id) || wanted.has(b.name) : undefined;
      const best = new Map<number, HashMatch>();
      const consider = (id: number, distance: number) => {
        const u = usable(entries.get(id), allowed);
        if (!u) return;
        const threshold =
          u.e.signalType === 'pdq'
            ? u.b.pdqThreshold
            : u.e.signalType === 'vpdq'
              ? VPDQ_MATCH_THRESHOLD
              : u.e.signalType === 'tmk_pdqf'
                ? TMK_MATCH_THRESHOLD
                : 0;
        if (distance > threshold) return;
        const prev = best.get(id);
        if (!prev || distance < prev.distance)
          best.set(id, { entryId: id, bankId: u.b.id, bankName: u.b.name, signalType: u.e.signalType, distance, threshold });
      };
      if (signals.pdq) {
        let maxThreshold = 0;
        for (const b of banks.values()) if (b.enabled && b.pdqThreshold > maxThreshold) maxThreshold = b.pdqThreshold;
        const queries = [signals.pdq, ...Object.values(signals.dihedral ?? {})];
        for (const hex of new Set(queries)) {
          if (!parseHash256(hex, scratch)) continue;
          for (const m of pdqIndex.query(scratch, maxThreshold)) consider(m.id, m.distance);
        }
      }
      if (signals.vpdq?.length) for (const m of vpdqIndex.query(signals.vpdq)) consider(m.id, Math.round(100 - m.queryMatchPercent));
      const tmk = signals.tmk;
      if (tmk)
        for (const [id, banked] of tmks) {
          if (!tmkCompatible(tmk, banked) || !usable(entries.get(id), allowed)) continue;
          const s = compareTmk(tmk, banked);
          if (s.match) consider(id, Math.min(TMK_MATCH_THRESHOLD, Math.max(0, Math.round(100 * (1 - s.level2!)))));
        }
      for (const t of ['md5', 'sha1', 'sha256'] as const) {
        const v = signals[t];
        if (v) for (const id of digests.get(digestKey(t, v)) ?? []) consider(id, 0);
      }
      const all = [...best.values()];
      // A match in a negative bank (a known false positive) suppresses positive matches of its signal type.
      const suppressed = new Set(all.filter((m) => banks.get(m.bankId)!.kind === 'negative').map((m) => m.signalType));
      return all
        .filter((m) => banks.get(m.bankId)!.kind === 'positive' && !suppressed.has(m.signalType))
        .sort((a, b) => a.distance - b.distance || a.entryId - b.entryId);
    },
    noteUpload(entryIds, uploadKey, tsMs) {
      const flooded: number[] = [];
      for (const id of entryIds) {
        let uploads = recent.get(id);
        if (!uploads) recent.set(id, (uploads = new Map()));
        // The hour ends at the newest upload seen; one older than that hour does not count.
        let newest = tsMs;
        for (const t of uploads.values()) if (t > newest) newest = t;
        if (tsMs < newest - HOUR) continue;
        uploads.set(uploadKey, Math.max(tsMs, uploads.get(uploadKey) ?? 0));
        for (const [k, t] of uploads) if (t < newest - HOUR) uploads.delete(k);
        if (uploads.size > opts.floodLimitPerHour) {
          const e = entries.get(id);
          if (e && !e.quarantined) {
            e.quarantined = true;
            flooded.push(id);
            told({ op: 'quarantine', id, quarantined: true });
          }
          recent.delete(id);
        }
      }
      return flooded;
    },
    restoreUpload(id, uploadKey, tsMs) {
      let uploads = recent.get(id);
      if (!uploads) recent.set(id, (uploads = new Map()));
      uploads.set(uploadKey, Math.max(tsMs, uploads.get(uploadKey) ?? 0));
    },
    bank: (id) => banks.get(id),
    get entryCount() {
      return entries.size;
    },
  };
}
