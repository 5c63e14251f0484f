import type { AlertDraft, Severity } from '../alerts/alert-schema.js';
import { BAND, isMinorCode } from '../core/age-band.js';
import { NO_DRAFTS, type Detector, type StoredSignal } from '../detection/detector.js';
import { CONNECTED_BITS, REQUESTED_BIT, type Facts } from '../facts/facts.js';
import type { ContactTracker } from './contact-tracker.js';
import { scoreSignals, type AccountRisk, type RiskSignals } from './score-signals.js';

interface Tally {
  /** Connection requests to minors: minor index -> when. */
  requests: Map<number, number>;
  complainants: Set<number>;
  /** Highest severity rank per alert category raised on the account (other than suspicious_adult). */
  alerts: Map<string, number>;
  copiedOpenerMinors: number;
  /** Highest severity rank this detector has alerted at. */
  alertedRank: number;
}

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };
const SEVERITIES: Severity[] = ['low', 'medium', 'high', 'critical'];
const REQUESTED = Object.values(REQUESTED_BIT).reduce((m, b) => m | b, 0);
const MAX_REQUESTS = 500;

export interface AccountRiskOptions {
  treatUnknownAgeAsAdult: boolean;
  fanOutWindowMs: number;
  /** A request a minor has neither accepted nor declined after this long counts as ignored. */
  ignoredAfterMs: number;
  /** The score at which `suspicious_adult` fires (medium; high from `alertAt + (1 − alertAt)/2`). */
  alertAt: number;
  maxAccounts?: number;
}

export interface AccountRiskDetector extends Detector {
  /** The account's score and its reasons now (for the API and the console). */
  riskOf(accountId: string, facts: Facts, nowMs: number): AccountRisk;
  /** Rebuilds tallies on start from stored alerts, connection requests to minors and complaints by minors. */
  restore(row: StoredSignal, facts: Facts, todayPacked: number): void;
}

/**
 * One score per adult account from everything Warden has seen it do: unconnected minors
 * messaged, the same opener sent to several minors, connection requests minors ignored or
 * declined, blocks and reports by minors, and conversation or media alerts. Each signal
 * adds its share by a noisy-OR (docs/conversations.md has the table), so several weak signals
 * add up to what one strong one would; every share comes with its reason. `suspicious_adult`
 * fires when the score reaches `alertAt` from two or more signals (one that reaches it alone,
 * a hash match or two minors' complaints, has its own alert), and again when it crosses into high.
 */
export function createAccountRiskDetector(opts: AccountRiskOptions, tracker: ContactTracker): AccountRiskDetector {
  const tallies = new Map<number, Tally>();
  const maxAccounts = opts.maxAccounts ?? 200_000;
  const highAt = opts.alertAt + (1 - opts.alertAt) / 2;

  function tally(idx: number): Tally {
    let t = tallies.get(idx);
    if (t)
      tallies.delete(idx); // re-inserted: Map order is recency order
    else t = { requests: new Map(), complainants: new Set(), alerts: new Map(), copiedOpenerMinors: 0, alertedRank: -1 };
    tallies.set(idx, t);
    if (tallies.size > maxAccounts) tallies.delete(tallies.keys().next().value!);
    return t;
  }

  const nonMinor = (facts: Facts, idx: number, datePacked: number) => {
    const b = facts.bandAt(idx, datePacked);
    return b === BAND.adult || (b === BAND.unknown && opts.treatUnknownAgeAsAdult);
  };

  function signals(idx: number, facts: Facts, nowMs: number): RiskSignals {
    const t = tallies.get(idx);
    let ignored = 0;
    let declined = 0;
    for (const [minor, tsMs] of t?.requests ?? []) {
      if ((facts.edges.get(idx, minor) | facts.edges.get(minor, idx)) & CONNECTED_BITS) continue; // accepted
      if (facts.edges.get(idx, minor) & REQUESTED) {
        if (nowMs - tsMs >= opts.ignoredAfterMs) ignored++;
      } else declined++;
    }
    return {
      unconnectedMinors: tracker.countRecentMinors(idx, nowMs - opts.fanOutWindowMs),
      copiedOpenerMinors: t?.copiedOpenerMinors ?? 0,
      ignoredRequests: ignored,
      declinedRequests: declined,
      complaints: t?.complainants.size ?? 0,
      alerts: [...(t?.alerts ?? [])].map(([category, rank]) => ({ category, severity: SEVERITIES[rank]! })),
      accountAgeDays: facts.createdDay(idx) > 0 ? Math.max(0, Math.floor(nowMs / 86_400_000) - facts.createdDay(idx)) : undefined,
    };
  }

  return {
    name: 'account_risk',
    evaluate({ ev, facts, datePacked, unconnected, raised }) {
      const e = ev.event;
      let subject = -1;
      if (e.type === 'message.sent' && unconnected.length > 0) subject = facts.indexOf(e.message.from);
      else if (e.type === 'connection.requested') {
        const from = facts.indexOf(e.from);
        const to = facts.indexOf(e.to);
        if (isMinorCode(facts.bandAt(to, datePacked)) && nonMinor(facts, from, datePacked)) {
          const t = tally(from);
          if (t.requests.size < MAX_REQUESTS || t.requests.has(to)) t.requests.set(to, ev.tsMs);
          subject = from;
        }
      } else if (e.type === 'block.created' || e.type === 'report.filed') {
        const complainant = facts.indexOf(e.type === 'block.created' ? e.from : e.report.reporter);
        const target = facts.indexOf(e.type === 'block.created' ? e.to : e.report.subject.accountId);
        if (isMinorCode(facts.bandAt(complainant, datePacked)) && target >= 0) {
          tally(target).complainants.add(complainant);
          subject = target;
        }
      }
      for (const d of raised ?? []) {
        const idx = facts.indexOf(d.subjectAccountId);
        if (idx < 0) continue;
        const t = tally(idx);
        // SECURITY: a decoy contact (issue 19) is restricted; its own detector flags and the
        // policy restricts the adult, and a score reason would show reviewers it happened.
        if (d.category === 'decoy_contact') continue;
        if (d.reasons.some((r) => r.code === 'copied_openers'))
          t.copiedOpenerMinors = Math.max(t.copiedOpenerMinors, d.relatedAccountIds?.length ?? 0);
        else if (d.category !== 'suspicious_adult' && d.category !== 'unwanted_contact')
          t.alerts.set(d.category, Math.max(t.alerts.get(d.category) ?? -1, RANK[d.severity]));
        else continue;
        subject = idx;
      }
      if (subject < 0 || !nonMinor(facts, subject, datePacked)) return NO_DRAFTS;
      const quick = scoreSignals(signals(subject, facts, ev.tsMs), false);
      // For signals adding up: one that reaches the level alone has its own, more specific alert.
      if (quick.score < opts.alertAt || quick.maxShare >= opts.alertAt) return NO_DRAFTS;
      const severity: Severity = quick.score >= highAt ? 'high' : 'medium';
      const t = tally(subject);
      if (t.alertedRank >= RANK[severity]) return NO_DRAFTS;
      const risk = scoreSignals(signals(subject, facts, ev.tsMs));
      t.alertedRank = RANK[severity];
      const accountId = facts.idOf(subject);
      const draft: AlertDraft = {
        category: 'suspicious_adult',
        severity,
        score: Math.round(risk.score * 100) / 100,
        subjectAccountId: accountId,
        evidence: [e.id],
        reasons: [...risk.reasons, { code: 'account_risk', detail: `account score ${risk.score.toFixed(2)} (alerts at ${opts.alertAt})` }],
        dedupeKey: `account_risk:${severity}:${JSON.stringify(accountId)}`,
        flags: [{ accountId, flag: 'suspicious', reason: 'account_risk' }],
      };
      return [draft];
    },
    riskOf(accountId, facts, nowMs) {
      const idx = facts.indexOf(accountId);
      if (idx < 0)
        return scoreSignals({
          unconnectedMinors: 0,
          copiedOpenerMinors: 0,
          ignoredRequests: 0,
          declinedRequests: 0,
          complaints: 0,
          alerts: [],
        });
      return scoreSignals(signals(idx, facts, nowMs));
    },
    restore(row, facts, todayPacked) {
      if (row.kind === 'alert') {
        const t = tally(facts.ensure(row.subject));
        if (row.detector === 'copied_openers') {
          const related = row.body ? ((JSON.parse(row.body) as { relatedAccountIds?: string[] }).relatedAccountIds?.length ?? 0) : 0;
          t.copiedOpenerMinors = Math.max(t.copiedOpenerMinors, related);
        } else if (row.category === 'suspicious_adult' || row.category === 'unwanted_contact' || row.category === 'decoy_contact') return;
        else t.alerts.set(row.category, Math.max(t.alerts.get(row.category) ?? -1, RANK[row.severity]));
      } else if (row.kind === 'request') {
        // Requests to minors (pending, declined or accepted) count; `signals` tells which is which.
        if (!isMinorCode(facts.bandAt(facts.indexOf(row.to), todayPacked))) return;
        const t = tally(facts.ensure(row.from));
        if (t.requests.size < MAX_REQUESTS) t.requests.set(facts.ensure(row.to), row.tsMs);
      } else if (row.kind === 'complaint') tally(facts.ensure(row.to)).complainants.add(facts.ensure(row.from));
    },
  };
}
