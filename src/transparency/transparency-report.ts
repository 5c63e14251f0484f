import type { Kysely } from 'kysely';
import { decoyExposure, EXPOSURE_STAGES, median, type ExposureStage } from '../decoys/decoy-exposure.js';
import { listDecoys } from '../decoys/decoy-store.js';
import type { Database } from '../store/tables.js';

/** Actions that restrict an account (the gate honours them) and the one that removes it (plan-actions.ts FLAG_OF). */
const RESTRICTING = new Set(['restrict_messaging_minors', 'hide_from_minors']);
const REMOVING = new Set(['suspend_account']);
/** The reviewer outcomes the case service audits (`case.<kind>`). */
const DECISIONS = ['confirmed', 'dismissed', 'escalated', 'context_requested'] as const;
const PAGE = 5000;
const CHUNK = 500;

export interface TransparencyReport {
  period: { from: string; to: string };
  /** The audit entries the counts were taken from: anyone can check them against `warden audit verify`. */
  audit: { entries: number; firstSeq: number | null; lastSeq: number | null; lastHash: string | null };
  alertsByCategory: Record<string, number>;
  gateDecisionsByReason: Record<string, number>;
  accounts: { restricted: number; removed: number };
  cybertiplineReportsFiled: number;
  medianSignalToActionMs: number | null;
  reviewerDecisions: Record<(typeof DECISIONS)[number], number>;
  /** Automated actions whose case a reviewer then dismissed. */
  reversals: number;
  /** Appeals the platform filed through Warden (POST /v1/appeals) and their answers, from the audit log. */
  appeals: { received: number; upheld: number; reversed: number };
  decoys: { active: number; contacts: number; stageShares: Record<ExposureStage, number>; medianTimeToActionMs: number | null };
  /** Regulation (EU) 2022/2065 Art. 15(1)(c) and (e), Art. 24(1). */
  dsa: {
    ownInitiativeMeasuresByType: Record<string, number>;
    automatedDetection: { alerts: number };
    decisions: { fullyAutomated: number; human: number };
    accuracy: { reviewed: number; confirmed: number; dismissed: number; accuracyRate: number | null; errorRate: number | null };
    medianTimes: { signalToActionMs: number | null; caseOpenedToDecisionMs: number | null };
  };
}

interface Entry {
  seq: number;
  ts_ms: number;
  actor: string;
  action: string;
  subject_account: string | null;
  target_id: string | null;
  detail: string | null;
  hash: string;
}

const parse = (d: string | null): Record<string, unknown> => (d ? (JSON.parse(d) as Record<string, unknown>) : {});
const bump = (m: Record<string, number>, k: string, by = 1) => {
  m[k] = (m[k] ?? 0) + by;
};
const isAutomated = (actor: string) => actor.startsWith('system') || actor.startsWith('detector:');

/**
 * A transparency report for [from, to), in Warden's time. Every count is taken from the audit
 * log (what happened, when, by whom) and the store rows it names, never from counters kept on
 * the side, so the report and the log agree by construction and a test checks they do.
 */
export async function transparencyReport(db: Kysely<Database>, fromMs: number, toMs: number, nowMs: number): Promise<TransparencyReport> {
  const alertsByCategory: Record<string, number> = {};
  const measures: Record<string, number> = {};
  const restricted = new Set<string>();
  const removed = new Set<string>();
  const reviewerDecisions = Object.fromEntries(DECISIONS.map((d) => [d, 0])) as TransparencyReport['reviewerDecisions'];
  let filed = 0;
  const appeals = { received: 0, upheld: 0, reversed: 0 };
  let automatedActions = 0;
  let humanActions = 0;
  let entries = 0;
  let first: Entry | undefined;
  let last: Entry | undefined;
  /** Live enforcement actions: when, and what signal they answer (an alert, or a case). */
  const acted: { tsMs: number; alertId?: string | undefined; caseId?: string | undefined }[] = [];
  const decided: { tsMs: number; caseId: string }[] = [];
  const dismissedCases = new Set<string>();

  for (let after = -1; ;) {
    const page = (await db
      .selectFrom('audit_log')
      .select(['seq', 'ts_ms', 'actor', 'action', 'subject_account', 'target_id', 'detail', 'hash'])
      .where('seq', '>', after)
      .where('ts_ms', '>=', fromMs)
      .where('ts_ms', '<', toMs)
      .orderBy('seq')
      .limit(PAGE)
      .execute()) as Entry[];
    for (const e of page) {
      entries++;
      first ??= e;
      last = e;
      const detail = parse(e.detail);
      if (e.action === 'alert.raised') bump(alertsByCategory, String(detail.category));
      else if (e.action === 'action.created' || e.action === 'action.requested') {
        const type = String(detail.type);
        if (type === 'require_review') continue;
        bump(measures, type);
        if (isAutomated(e.actor)) automatedActions++;
        else humanActions++;
        if (RESTRICTING.has(type) && e.subject_account) restricted.add(e.subject_account);
        if (REMOVING.has(type) && e.subject_account) removed.add(e.subject_account);
        acted.push({
          tsMs: Number(e.ts_ms),
          alertId: typeof detail.alertId === 'string' ? detail.alertId : undefined,
          caseId: typeof detail.caseId === 'string' ? detail.caseId : undefined,
        });
      } else if (e.action === 'report.submitted') filed++;
      else if (e.action === 'appeal.received') appeals.received++;
      else if (e.action === 'appeal.decided') appeals[detail.decision === 'reversed' ? 'reversed' : 'upheld']++;
      else if (e.action.startsWith('case.')) {
        const kind = e.action.slice('case.'.length);
        if ((DECISIONS as readonly string[]).includes(kind)) {
          reviewerDecisions[kind as (typeof DECISIONS)[number]]++;
          if (e.target_id && (kind === 'confirmed' || kind === 'dismissed')) decided.push({ tsMs: Number(e.ts_ms), caseId: e.target_id });
          if (e.target_id && kind === 'dismissed') dismissedCases.add(e.target_id);
        }
      }
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.seq;
  }

  // The first signal behind each action: its alert, or the first alert of its case.
  const signalOfAlert = await alertTimes(
    db,
    acted.flatMap((a) => (a.alertId ? [a.alertId] : [])),
  );
  const signalOfCase = await caseSignalTimes(db, [...new Set(acted.flatMap((a) => (!a.alertId && a.caseId ? [a.caseId] : [])))]);
  const waits = acted.flatMap((a) => {
    const s = a.alertId ? signalOfAlert.get(a.alertId) : a.caseId ? signalOfCase.get(a.caseId) : undefined;
    return s === undefined ? [] : [Math.max(0, a.tsMs - s)];
  });
  const opened = await caseOpenedTimes(db, [...new Set(decided.map((d) => d.caseId))]);
  const toDecision = decided.flatMap((d) => (opened.has(d.caseId) ? [Math.max(0, d.tsMs - opened.get(d.caseId)!)] : []));
  const reversals = await automatedActionCases(db, [...dismissedCases]);
  const reviewed = reviewerDecisions.confirmed + reviewerDecisions.dismissed;
  const rate = (n: number) => (reviewed === 0 ? null : Math.round((n / reviewed) * 1e4) / 1e4);

  return {
    period: { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() },
    audit: { entries, firstSeq: first?.seq ?? null, lastSeq: last?.seq ?? null, lastHash: last?.hash ?? null },
    alertsByCategory,
    gateDecisionsByReason: await gateCounts(db, fromMs, toMs),
    accounts: { restricted: restricted.size, removed: removed.size },
    cybertiplineReportsFiled: filed,
    medianSignalToActionMs: median(waits),
    reviewerDecisions,
    reversals,
    appeals,
    decoys: await decoyTotals(db, nowMs),
    dsa: {
      ownInitiativeMeasuresByType: measures,
      automatedDetection: { alerts: Object.values(alertsByCategory).reduce((a, b) => a + b, 0) },
      decisions: { fullyAutomated: automatedActions, human: humanActions },
      accuracy: {
        reviewed,
        confirmed: reviewerDecisions.confirmed,
        dismissed: reviewerDecisions.dismissed,
        accuracyRate: rate(reviewerDecisions.confirmed),
        errorRate: rate(reviewerDecisions.dismissed),
      },
      medianTimes: { signalToActionMs: median(waits), caseOpenedToDecisionMs: median(toDecision) },
    },
  };
}

async function inChunks<T>(ids: readonly string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await query(ids.slice(i, i + CHUNK))));
  return out;
}

async function alertTimes(db: Kysely<Database>, ids: string[]): Promise<Map<string, number>> {
  const rows = await inChunks([...new Set(ids)], (c) =>
    db.selectFrom('alerts').select(['id', 'detected_ms']).where('id', 'in', c).execute(),
  );
  return new Map(rows.map((r) => [r.id, Number(r.detected_ms)]));
}

async function caseSignalTimes(db: Kysely<Database>, caseIds: string[]): Promise<Map<string, number>> {
  const rows = await inChunks(caseIds, (c) =>
    db
      .selectFrom('case_alerts')
      .innerJoin('alerts', 'alerts.id', 'case_alerts.alert_id')
      .select(['case_alerts.case_id as case_id', (eb) => eb.fn.min('alerts.detected_ms').as('first_ms')])
      .where('case_alerts.case_id', 'in', c)
      .groupBy('case_alerts.case_id')
      .execute(),
  );
  return new Map(rows.map((r) => [r.case_id, Number(r.first_ms)]));
}

async function caseOpenedTimes(db: Kysely<Database>, caseIds: string[]): Promise<Map<string, number>> {
  const rows = await inChunks(caseIds, (c) => db.selectFrom('cases').select(['id', 'opened_ms']).where('id', 'in', c).execute());
  return new Map(rows.map((r) => [r.id, Number(r.opened_ms)]));
}

/** Dismissed cases in which Warden had acted live on its own (a rule on an alert): the automated action was reversed. */
async function automatedActionCases(db: Kysely<Database>, caseIds: string[]): Promise<number> {
  const rows = await inChunks(caseIds, (c) =>
    db
      .selectFrom('actions')
      .select('case_id')
      .distinct()
      .where('case_id', 'in', c)
      .where('mode', '=', 'live')
      .where('alert_id', 'is not', null)
      .where('type', '!=', 'require_review')
      .execute(),
  );
  return rows.length;
}

async function gateCounts(db: Kysely<Database>, fromMs: number, toMs: number): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('gate_decision_counts')
    .select(['reason', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('hour_ms', '>=', fromMs)
    .where('hour_ms', '<', toMs)
    .groupBy('reason')
    .orderBy('reason')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.reason, Number(r.n)]));
}

/** Decoy exposure summed over every decoy (never per decoy: the report may be published). */
async function decoyTotals(db: Kysely<Database>, nowMs: number): Promise<TransparencyReport['decoys']> {
  const decoys = await listDecoys(db);
  const each = [...(await decoyExposure(db, decoys, nowMs)).values()];
  const contacts = each.reduce((a, e) => a + e.counts.contacts, 0);
  const stageShares = Object.fromEntries(
    EXPOSURE_STAGES.map((s) => [
      s,
      contacts === 0 ? 0 : Math.round((each.reduce((a, e) => a + e.counts.reached[s], 0) / contacts) * 1e4) / 1e4,
    ]),
  ) as Record<ExposureStage, number>;
  return { active: decoys.length, contacts, stageShares, medianTimeToActionMs: median(each.flatMap((e) => e.counts.waitsMs)) };
}
