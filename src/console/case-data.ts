import { sql, type Kysely } from 'kysely';
import type { Alert } from '../alerts/alert-schema.js';
import type { Database } from '../store/tables.js';

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

const mediaOf = (m: RawMedia) => ({ id: m.id, kind: m.kind, held: Boolean(m.path || m.url), sha256: m.sha256, pdq: m.pdq });

/**
 * The events the case's alerts cite (evidence and trigger), oldest first, each marked with
 * the alert reasons that cite it.
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
  const rows = await db.selectFrom('events').select(['id', 'type', 'ts_ms', 'body']).where('id', 'in', ids).orderBy('ts_ms').orderBy('seq').execute();
  return rows.map((r) => {
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
  const row = await db.selectFrom('events').select('body').where('id', '=', eventId).executeTakeFirst();
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

export async function accountContext(db: Kysely<Database>, accountId: string, nowMs: number, excludeCaseId: string): Promise<AccountContext> {
  const acc = await db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
  // Minor today: a minor band, or a birth date less than 18 years ago.
  const d = new Date(nowMs);
  const cutoff = `${d.getUTCFullYear() - 18}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  const peers = await sql<{ n: number | string }>`
    select count(distinct a.id) as n from connections c
    join accounts a on a.id = case when c.from_id = ${accountId} then c.to_id else c.from_id end
    where (c.from_id = ${accountId} or c.to_id = ${accountId}) and c.state = 'active'
      and (a.age_band in ('under13', '13-15', '16-17') or a.birth_date > ${cutoff})`.execute(db);
  const count = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n ?? 0);
  const contacted = await count(db.selectFrom('contacts').select((eb) => eb.fn.countAll().as('n')).where('from_id', '=', accountId).executeTakeFirst() as never);
  const blocked = await count(db.selectFrom('blocks').select((eb) => eb.fn.countAll().as('n')).where('to_id', '=', accountId).where('by_minor', '=', 1).executeTakeFirst() as never);
  const reported = await count(db.selectFrom('reports').select((eb) => eb.fn.countAll().as('n')).where('subject_account', '=', accountId).where('by_minor', '=', 1).executeTakeFirst() as never);
  const alerts = await db.selectFrom('alerts').select((eb) => ['category', eb.fn.countAll().as('n')]).where('subject_account', '=', accountId).groupBy('category').execute();
  const decisions = await db
    .selectFrom('cases')
    .select(['id', 'outcome', 'outcome_category', 'outcome_reason', 'closed_ms'])
    .where('subject_account', '=', accountId)
    .where('status', '=', 'closed')
    .where('id', '!=', excludeCaseId)
    .orderBy('closed_ms', 'desc')
    .limit(20)
    .execute();
  return {
    accountId,
    ageBand: acc?.age_band ?? null,
    birthDate: acc?.birth_date ?? null,
    ageAssurance: acc?.age_assurance ?? null,
    accountAgeDays: acc?.created_at_ms ? Math.floor((nowMs - acc.created_at_ms) / 86_400_000) : null,
    handle: acc?.handle ?? null,
    connectionsToMinors: Number(peers.rows[0]?.n ?? 0),
    unconnectedMinorsContacted: contacted,
    blockedByMinors: blocked,
    reportedByMinors: reported,
    priorAlerts: Object.fromEntries(alerts.map((a) => [a.category, Number(a.n)])),
    priorDecisions: decisions.map((c) => ({ caseId: c.id, outcome: c.outcome, category: c.outcome_category, reason: c.outcome_reason, closedAt: c.closed_ms ? new Date(c.closed_ms).toISOString() : null })),
  };
}
