import type { Kysely } from 'kysely';
import type { Alert } from '../alerts/alert-schema.js';
import type { Database } from '../store/tables.js';
import {
  accountRow,
  blockedByMinorsOf,
  closedCasesOf,
  contactedMinorsOf,
  eventBody,
  eventsByIds,
  minorPeersOf,
  priorAlertCounts,
  reportedByMinorsOf,
  messagesInSeqRange,
} from './case-store.js';

/*
 * The case read model: what a reviewer (console) and a report or evidence package (reporting)
 * read about a case. It lives in cases/ so that reporting need not depend on the console.
 */

/** One event of the case timeline, as a reviewer reads it. */
export interface TimelineEvent {
  id: string;
  type: string;
  ts: string;
  from?: string | undefined;
  to?: string[] | undefined;
  conversationId?: string | undefined;
  text?: string | undefined;
  summary?: string | undefined;
  media: { id: string; kind: string; held: boolean; sha256?: string | undefined; pdq?: string | undefined }[];
  /** Alert reasons that cite this event: what makes it a cue. */
  cues: string[];
}

interface RawMedia {
  id: string;
  kind: string;
  path?: string;
  url?: string;
  sha256?: string;
  pdq?: string;
}

interface RawEvent {
  type: string;
  ts: string;
  message?: { from: string; to: string[]; conversationId: string; text?: string; media?: RawMedia[] };
  media?: RawMedia & { owner: string };
  report?: { reporter: string; subject: { accountId: string }; reason: string };
  from?: string;
  to?: string;
  account?: { id: string };
}

const CONTEXT_BEFORE = 2000;
const CONTEXT_AFTER = 200;
const MAX_TIMELINE = 500;

const mediaOf = (m: RawMedia) => ({ id: m.id, kind: m.kind, held: Boolean(m.path || m.url), sha256: m.sha256, pdq: m.pdq });

/**
 * The events the case's alerts cite (evidence and trigger) and the rest of their
 * conversations nearby, oldest first; cited events carry the alert reasons that cite them.
 */
export async function caseTimeline(db: Kysely<Database>, alerts: readonly Alert[]): Promise<TimelineEvent[]> {
  const cues = new Map<string, string[]>();
  for (const a of alerts) {
    const label = `${a.category}: ${a.reasons.map((r) => r.code).join(', ')}`;
    for (const id of new Set([...a.evidence, a.triggerEventId])) {
      const list = cues.get(id) ?? [];
      if (!list.includes(label)) list.push(label);
      cues.set(id, list);
    }
  }
  const ids = [...cues.keys()].slice(0, 1000);
  if (ids.length === 0) return [];
  const cited = await eventsByIds(db, ids);
  // The conversation around the cited messages: its messages within a window of the event
  // log (by sequence, the primary key), without an index on conversations that would cost
  // ingest a fifth of its speed (measured). Bounded: 10 conversations, 2,000 events before
  // the first cited message and 200 after the last.
  const spans = new Map<string, { from: number; to: number }>();
  for (const r of cited) {
    if (r.type !== 'message.sent') continue;
    const conv = (JSON.parse(r.body) as RawEvent).message!.conversationId;
    const seq = Number(r.seq); // bigserial: a string from pg
    const span = spans.get(conv);
    if (span) {
      span.from = Math.min(span.from, seq);
      span.to = Math.max(span.to, seq);
    } else if (spans.size < 10) spans.set(conv, { from: seq, to: seq });
  }
  const rows = new Map(cited.map((r) => [r.id, r]));
  for (const [conv, span] of spans) {
    const near = await messagesInSeqRange(db, span.from - CONTEXT_BEFORE, span.to + CONTEXT_AFTER);
    const needle = `"conversationId":${JSON.stringify(conv)}`;
    for (const r of near) {
      if (rows.size >= MAX_TIMELINE) break;
      if (!rows.has(r.id) && r.body.includes(needle) && (JSON.parse(r.body) as RawEvent).message?.conversationId === conv)
        rows.set(r.id, r);
    }
  }
  return [...rows.values()]
    .sort((a, b) => a.ts_ms - b.ts_ms || Number(a.seq) - Number(b.seq))
    .map((r) => {
      const ev = JSON.parse(r.body) as RawEvent;
      const out: TimelineEvent = { id: r.id, type: r.type, ts: ev.ts, media: [], cues: cues.get(r.id) ?? [] };
      if (ev.message) {
        Object.assign(out, { from: ev.message.from, to: ev.message.to, conversationId: ev.message.conversationId, text: ev.message.text });
        out.media = (ev.message.media ?? []).map(mediaOf);
      } else if (ev.media) {
        out.from = ev.media.owner;
        out.summary = `uploaded ${ev.media.kind} ${ev.media.id}`;
        out.media = [mediaOf(ev.media)];
      } else if (ev.report) out.summary = `report by ${ev.report.reporter} about ${ev.report.subject.accountId}: ${ev.report.reason}`;
      else if (ev.from && ev.to) out.summary = `${r.type} ${ev.from} → ${ev.to}`;
      else if (ev.account) out.summary = `${r.type} ${ev.account.id}`;
      return out;
    });
}

/** Finds a media reference among the case's events: the only media a reviewer may reveal. */
export async function caseMediaRef(db: Kysely<Database>, eventId: string, mediaId: string): Promise<RawMedia | undefined> {
  const row = await eventBody(db, eventId);
  if (!row) return undefined;
  const ev = JSON.parse(row.body) as RawEvent;
  const all = [...(ev.message?.media ?? []), ...(ev.media ? [ev.media] : [])];
  return all.find((m) => m.id === mediaId);
}

export interface AccountContext {
  accountId: string;
  ageBand: string | null;
  birthDate: string | null;
  ageAssurance: string | null;
  accountAgeDays: number | null;
  handle: string | null;
  connectionsToMinors: number;
  unconnectedMinorsContacted: number;
  blockedByMinors: number;
  reportedByMinors: number;
  priorAlerts: Record<string, number>;
  priorDecisions: { caseId: string; outcome: string | null; category: string | null; reason: string | null; closedAt: string | null }[];
}

export async function accountContext(
  db: Kysely<Database>,
  accountId: string,
  nowMs: number,
  excludeCaseId: string,
  seeRestricted: boolean,
): Promise<AccountContext> {
  const acc = await accountRow(db, accountId);
  // Minor today: a minor band, or a birth date less than 18 years ago.
  const d = new Date(nowMs);
  const cutoff = `${d.getUTCFullYear() - 18}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  const peers = await minorPeersOf(db, accountId, cutoff);
  const contacted = await contactedMinorsOf(db, accountId);
  const blocked = await blockedByMinorsOf(db, accountId);
  const reported = await reportedByMinorsOf(db, accountId);
  // SECURITY: known-image alerts and cases are counted only for a viewer who may see them (core/restricted.ts).
  const alerts = await priorAlertCounts(db, accountId, seeRestricted);
  const decisions = await closedCasesOf(db, accountId, excludeCaseId, seeRestricted);
  return {
    accountId,
    ageBand: acc?.age_band ?? null,
    birthDate: acc?.birth_date ?? null,
    ageAssurance: acc?.age_assurance ?? null,
    accountAgeDays: acc?.created_at_ms ? Math.floor((nowMs - acc.created_at_ms) / 86_400_000) : null,
    handle: acc?.handle ?? null,
    connectionsToMinors: peers,
    unconnectedMinorsContacted: contacted,
    blockedByMinors: blocked,
    reportedByMinors: reported,
    priorAlerts: Object.fromEntries(alerts.map((a) => [a.category, Number(a.n)])),
    priorDecisions: decisions.map((c) => ({
      caseId: c.id,
      outcome: c.outcome,
      category: c.outcome_category,
      reason: c.outcome_reason,
      closedAt: c.closed_ms ? new Date(c.closed_ms).toISOString() : null,
    })),
  };
}
