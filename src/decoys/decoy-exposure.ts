import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import type { Decoy } from './decoy-store.js';

/** The stages exposure counts, in the order a contact escalates (the API's `stageShares` keys). */
export const EXPOSURE_STAGES = ['contact', 'age_question', 'app_move', 'image_request', 'meeting'] as const;
export type ExposureStage = (typeof EXPOSURE_STAGES)[number];

export interface DecoyExposure {
  /** Distinct unconnected adults who wrote to the decoy, per day since it was marked (at least one day). */
  contactsPerDay: number;
  /** From marking to the first unconnected adult's first message (0 if it is dated earlier); null before any. */
  firstUnconnectedAdultContactMs: number | null;
  /** Of those adults, the share who reached each stage (contact is 1 once there is any). */
  stageShares: Record<ExposureStage, number>;
  /** Median, over adults Warden acted on, from receiving their first message to the decoy to its first live action on them after. */
  medianTimeToActionMs: number | null;
}

/** The counts behind one decoy's exposure, for aggregate reports (transparency); the API shows `DecoyExposure` only. */
export interface DecoyCounts {
  contacts: number;
  reached: Record<ExposureStage, number>;
  waitsMs: number[];
}

const DAY_MS = 86_400_000;
/** SQLite's default limit on bound parameters is 32766; chunks keep every `in` list far below it. */
const CHUNK = 500;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The decoy_contact dedupe key (conversations/decoy-contact-detector.ts) read back: stage, sender, decoy. */
export function parseDecoyKey(key: string): { stage: ExposureStage; sender: string; decoy: string } | undefined {
  const m = /^decoy_contact:([a-z_]+):(.*)$/s.exec(key);
  if (!m || !(EXPOSURE_STAGES as readonly string[]).includes(m[1]!)) return undefined;
  try {
    const pair = JSON.parse(m[2]!) as unknown;
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') return undefined;
    return { stage: m[1] as ExposureStage, sender: pair[0], decoy: pair[1] };
  } catch {
    return undefined;
  }
}

/**
 * Exposure per decoy, from the store alone (so it survives restarts and agrees with the audit
 * log): contacts from the `contacts` table (every unconnected adult–minor pair ingest saw),
 * stages from the `decoy_contact` alerts' keys, and Warden's action times from `actions`.
 * Times are the platform's event times; a decoy is marked on Warden's clock. A replayed or
 * simulated platform may run on other times than Warden's, so contacts are not cut at the
 * mark; a first contact dated before the mark counts as at once (0 ms).
 */
export async function decoyExposure(
  db: Kysely<Database>,
  decoys: readonly Decoy[],
  nowMs: number,
): Promise<Map<string, DecoyExposure & { counts: DecoyCounts }>> {
  const out = new Map<string, DecoyExposure & { counts: DecoyCounts }>();
  if (decoys.length === 0) return out;
  const byId = new Map(decoys.map((d) => [d.accountId, d]));
  /** decoy → sender → first contact time (event time). */
  const firsts = new Map<string, Map<string, number>>();
  /** decoy → sender → when Warden received that first contact (its clock, which actions are timed on). */
  const received = new Map<string, Map<string, number>>();
  const firstEvent = new Map<string, { decoy: string; sender: string }[]>();
  /** decoy → stage → senders. */
  const reached = new Map<string, Map<ExposureStage, Set<string>>>();
  const noteFirst = (decoy: string, sender: string, ms: number) => {
    const m = firsts.get(decoy) ?? new Map<string, number>();
    m.set(sender, Math.min(ms, m.get(sender) ?? Infinity));
    firsts.set(decoy, m);
  };
  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('contacts')
      .select(['from_id', 'to_id', 'first_ms', 'first_event_id'])
      .where('to_id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) {
      noteFirst(r.to_id, r.from_id, Number(r.first_ms));
      const list = firstEvent.get(r.first_event_id) ?? [];
      list.push({ decoy: r.to_id, sender: r.from_id });
      firstEvent.set(r.first_event_id, list);
    }
  }
  const eventIds = [...firstEvent.keys()];
  for (let i = 0; i < eventIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('events')
      .select(['id', 'received_ms'])
      .where('id', 'in', eventIds.slice(i, i + CHUNK))
      .execute();
    for (const r of rows)
      for (const p of firstEvent.get(r.id) ?? []) {
        const m = received.get(p.decoy) ?? new Map<string, number>();
        m.set(p.sender, Number(r.received_ms));
        received.set(p.decoy, m);
      }
  }
  const alerts = await db
    .selectFrom('alerts')
    .select(['dedupe_key', 'ts_ms', 'detected_ms'])
    .where('detector', '=', 'decoy_contact')
    .where('category', '=', 'decoy_contact')
    .execute();
  for (const a of alerts) {
    const k = parseDecoyKey(a.dedupe_key);
    if (!k || !byId.has(k.decoy)) continue;
    // A decoy the platform never marked as a minor has no contacts row: its first alert is its first contact.
    if (!firsts.get(k.decoy)?.has(k.sender)) {
      noteFirst(k.decoy, k.sender, Number(a.ts_ms));
      const m = received.get(k.decoy) ?? new Map<string, number>();
      m.set(k.sender, Math.min(Number(a.detected_ms), m.get(k.sender) ?? Infinity));
      received.set(k.decoy, m);
    }
    const stages = reached.get(k.decoy) ?? new Map<ExposureStage, Set<string>>();
    const set = stages.get(k.stage) ?? new Set<string>();
    set.add(k.sender);
    stages.set(k.stage, set);
    reached.set(k.decoy, stages);
  }
  const senders = [...new Set([...firsts.values()].flatMap((m) => [...m.keys()]))];
  /** sender → live action times, ascending. */
  const actedAt = new Map<string, number[]>();
  for (let i = 0; i < senders.length; i += CHUNK) {
    const rows = await db
      .selectFrom('actions')
      .select(['subject_account', 'created_ms'])
      .where('mode', '=', 'live')
      .where('subject_account', 'in', senders.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) {
      const list = actedAt.get(r.subject_account) ?? [];
      list.push(Number(r.created_ms));
      actedAt.set(r.subject_account, list);
    }
  }
  for (const list of actedAt.values()) list.sort((a, b) => a - b);
  for (const d of decoys) {
    const contacts = firsts.get(d.accountId) ?? new Map<string, number>();
    const n = contacts.size;
    const count = (stage: ExposureStage) =>
      stage === 'contact' ? n : [...(reached.get(d.accountId)?.get(stage) ?? [])].filter((s) => contacts.has(s)).length;
    const share = (stage: ExposureStage) => (n === 0 ? 0 : Math.round((count(stage) / n) * 1e4) / 1e4);
    const waits: number[] = [];
    // Warden's clock on both ends: when it received the first contact, when it first acted after.
    for (const [sender, first] of received.get(d.accountId) ?? []) {
      if (!contacts.has(sender)) continue;
      const t = actedAt.get(sender)?.find((ms) => ms >= first);
      if (t !== undefined) waits.push(t - first);
    }
    const firstMs = n === 0 ? null : Math.min(...contacts.values());
    out.set(d.accountId, {
      contactsPerDay: Math.round((n / Math.max(1, (nowMs - d.createdMs) / DAY_MS)) * 1e4) / 1e4,
      firstUnconnectedAdultContactMs: firstMs === null ? null : Math.max(0, firstMs - d.createdMs),
      stageShares: {
        contact: n === 0 ? 0 : 1,
        age_question: share('age_question'),
        app_move: share('app_move'),
        image_request: share('image_request'),
        meeting: share('meeting'),
      },
      medianTimeToActionMs: median(waits),
      counts: {
        contacts: n,
        reached: Object.fromEntries(EXPOSURE_STAGES.map((s) => [s, count(s)])) as Record<ExposureStage, number>,
        waitsMs: waits,
      },
    });
  }
  return out;
}
