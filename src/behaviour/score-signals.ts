import type { Severity } from '../alerts/alert-schema.js';

export interface RiskSignals {
  /** Distinct minors with no connection to the account it messaged within the fan-out window. */
  unconnectedMinors: number;
  /** The most minors it sent one same opener to. */
  copiedOpenerMinors: number;
  ignoredRequests: number;
  declinedRequests: number;
  /** Distinct minors who blocked or reported it. */
  complaints: number;
  /** The highest severity of each alert category raised on it (conversation, media, external). */
  alerts: { category: string; severity: Severity }[];
  /** Days since the platform created the account, where it said. */
  accountAgeDays?: number | undefined;
}

export interface AccountRisk {
  score: number;
  /** The largest single share: when it alone reaches the alert level, a specific alert already covers it. */
  maxShare: number;
  reasons: { code: string; detail: string }[];
}

const ALERT_SHARE: Record<Severity, number> = { low: 0.3, medium: 0.5, high: 0.75, critical: 0.9 };

/**
 * Each signal's share of risk, combined by noisy-OR: score = 1 − Π(1 − share). A share is
 * what one signal alone says; two half-strong signals make 0.75, not 1. Hand-set from what
 * each means (a minor's block or report is the strongest behavioural evidence; one
 * unconnected minor is nothing), and listed in docs/conversations.md.
 */
export function scoreSignals(s: RiskSignals, withReasons = true): AccountRisk {
  const reasons: AccountRisk['reasons'] = [];
  let keep = 1;
  let maxShare = 0;
  // `detail` is a function so that ingest, which only needs the number, builds no strings.
  const add = (share: number, code: string, detail: () => string) => {
    if (share <= 0) return;
    keep *= 1 - share;
    maxShare = Math.max(maxShare, share);
    if (withReasons) reasons.push({ code, detail: `${detail()} (share ${share.toFixed(2)})` });
  };
  if (s.unconnectedMinors >= 2)
    add(
      Math.min(0.6, 0.12 * (s.unconnectedMinors - 1)),
      'fan_out_to_unconnected_minors',
      () => `messaged ${s.unconnectedMinors} minors it has no connection to`,
    );
  if (s.copiedOpenerMinors >= 2)
    add(Math.min(0.6, 0.2 * (s.copiedOpenerMinors - 1)), 'copied_openers', () => `sent the same opener to ${s.copiedOpenerMinors} minors`);
  const unanswered = s.ignoredRequests + s.declinedRequests;
  if (unanswered >= 2)
    add(
      Math.min(0.5, 0.1 * unanswered),
      'requests_refused_by_minors',
      () => `${s.ignoredRequests} connection requests to minors ignored, ${s.declinedRequests} declined`,
    );
  if (s.complaints >= 1)
    add(Math.min(0.85, 0.4 * s.complaints), 'blocked_or_reported_by_minors', () => `blocked or reported by ${s.complaints} minors`);
  if (s.accountAgeDays !== undefined && s.accountAgeDays < 30) add(0.15, 'new_account', () => `an account ${s.accountAgeDays} days old`);
  for (const a of s.alerts)
    add(
      a.category === 'csam_hash_match' ? 0.95 : ALERT_SHARE[a.severity],
      `alert_${a.category}`,
      () => `${a.severity} ${a.category} alert raised on it`,
    );
  return { score: Math.round((1 - keep) * 10000) / 10000, maxShare, reasons };
}
