import { BAND, isMinorCode } from '../core/age-band.js';
import type { UnconnectedContact } from '../detection/detector.js';
import type { ValidEvent } from '../events/validate-event.js';
import type { Facts } from '../facts/facts.js';

interface RecentContact {
  lastMs: number;
  eventId: string;
}

/** A message from a non-minor to an unconnected minor, as the `contacts` table keeps it (the write set's contact row). */
export interface ContactSeen {
  from: string;
  to: string;
  firstMs: number;
  lastMs: number;
  messages: number;
  firstEventId: string;
  lastEventId: string;
}

export interface RecentMinor extends RecentContact {
  minorIdx: number;
}

/**
 * Tracks messages from adults (and unknown-age accounts) to minors who do not follow,
 * befriend or hold them as a contact: the raw material of unwanted contact and fan-out.
 * Every pair ever seen is persisted (`contacts` table); in memory only the pairs inside
 * the fan-out window are kept, so memory follows recent activity, not history.
 */
export interface ContactTracker {
  /** Notes a message and returns its unconnected minor recipients; each pair seen goes to `out.contacts` (the batch's write set). */
  record(ev: ValidEvent, facts: Facts, datePacked: number, out: { contacts: ContactSeen[] }): UnconnectedContact[];
  /** Distinct unconnected minors this sender messaged at or after `sinceMs`. */
  recentMinors(senderIdx: number, sinceMs: number): RecentMinor[];
  /** How many of them, without building the list (the per-message path). */
  countRecentMinors(senderIdx: number, sinceMs: number): number;
  /** Rebuilds the window from stored rows (call with rows whose lastMs is inside the window). */
  restore(rows: Iterable<Pick<ContactSeen, 'from' | 'to' | 'lastMs' | 'lastEventId'>>, facts: Facts): void;
  readonly trackedSenders: number;
}

const NONE: UnconnectedContact[] = [];

export function createContactTracker(opts: { windowMs: number; treatUnknownAgeAsAdult: boolean }): ContactTracker {
  const recent = new Map<number, Map<number, RecentContact>>();
  function remember(senderIdx: number, minorIdx: number, lastMs: number, eventId: string): void {
    let byMinor = recent.get(senderIdx);
    if (!byMinor) {
      byMinor = new Map();
      recent.set(senderIdx, byMinor);
    }
    const prev = byMinor.get(minorIdx);
    if (!prev || prev.lastMs <= lastMs) byMinor.set(minorIdx, { lastMs, eventId });
    // Keep each sender's window bounded: drop what has aged out as new contacts arrive.
    if (byMinor.size > 64) {
      const cutoff = lastMs - opts.windowMs;
      for (const [k, v] of byMinor) if (v.lastMs < cutoff) byMinor.delete(k);
    }
  }

  return {
    record(ev, facts, datePacked, out) {
      const event = ev.event;
      if (event.type !== 'message.sent') return NONE;
      const m = event.message;
      const sender = facts.indexOf(m.from);
      const senderBand = facts.bandAt(sender, datePacked);
      if (isMinorCode(senderBand)) return NONE;
      if (senderBand === BAND.unknown && !opts.treatUnknownAgeAsAdult) return NONE;
      let found: UnconnectedContact[] | undefined;
      for (const to of m.to) {
        const minor = facts.indexOf(to);
        const band = facts.bandAt(minor, datePacked);
        if (!isMinorCode(band) || facts.isConnected(minor, sender)) continue;
        remember(sender, minor, ev.tsMs, event.id);
        out.contacts.push({
          from: m.from,
          to,
          firstMs: ev.tsMs,
          lastMs: ev.tsMs,
          messages: 1,
          firstEventId: event.id,
          lastEventId: event.id,
        });
        (found ??= []).push({ minorIdx: minor, minorId: to, minorBand: band });
      }
      return found ?? NONE;
    },
    countRecentMinors(senderIdx, sinceMs) {
      const byMinor = recent.get(senderIdx);
      if (!byMinor) return 0;
      let n = 0;
      for (const v of byMinor.values()) if (v.lastMs >= sinceMs) n++;
      return n;
    },
    recentMinors(senderIdx, sinceMs) {
      const byMinor = recent.get(senderIdx);
      if (!byMinor) return [];
      const out: RecentMinor[] = [];
      for (const [minorIdx, v] of byMinor) if (v.lastMs >= sinceMs) out.push({ minorIdx, ...v });
      return out;
    },
    restore(rows, facts) {
      for (const row of rows) {
        remember(facts.ensure(row.from), facts.ensure(row.to), row.lastMs, row.lastEventId);
      }
    },
    get trackedSenders() {
      return recent.size;
    },
  };
}
