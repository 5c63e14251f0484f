import type { Alert } from '../alerts/alert-schema.js';
import { moreUrgentQueue } from './case-queue.js';
import { reviewPriority, rulesForAlert } from './evaluate-policy.js';
import type { Policy } from './policy-schema.js';

export interface BacktestReport {
  alerts: number;
  /** Alerts no rule matched, by category. */
  unmatched: Record<string, number>;
  rules: { id: string; mode: 'live' | 'shadow'; alerts: number; actions: Record<string, number> }[];
  /** Cases that would open (one per subject while open: a backtest has no decisions), by priority and by queue. */
  cases: { opened: number; byPriority: Record<string, number>; byQueue: Record<string, number> };
  actions: { live: Record<string, number>; shadow: Record<string, number> };
  /** Distinct accounts a live rule would restrict, suspend or hide. */
  accountsRestricted: number;
}

const bump = (o: Record<string, number>, k: string, n = 1) => {
  o[k] = (o[k] ?? 0) + n;
};

const RESTRICTING = new Set(['restrict_messaging_minors', 'suspend_account', 'hide_from_minors']);

/**
 * What a policy would have done over a run of alerts, without doing any of it: the
 * rule-by-rule counts a trust-and-safety team reads before switching a rule from shadow
 * to live. Alert rules only; decision rules need reviewers' decisions, which a replay has not.
 */
export async function backtest(policy: Policy, alerts: AsyncIterable<Alert> | Iterable<Alert>): Promise<BacktestReport> {
  const report: BacktestReport = {
    alerts: 0,
    unmatched: {},
    rules: policy.rules.filter((r) => r.when.on === 'alert').map((r) => ({ id: r.id, mode: r.mode, alerts: 0, actions: {} })),
    cases: { opened: 0, byPriority: {}, byQueue: {} },
    actions: { live: {}, shadow: {} },
    accountsRestricted: 0,
  };
  const byId = new Map(report.rules.map((r) => [r.id, r]));
  const caseOf = new Map<string, { priority: number; queue: string }>();
  const restricted = new Set<string>();
  for await (const alert of alerts) {
    report.alerts++;
    const matches = rulesForAlert(policy, alert);
    if (matches.length === 0) bump(report.unmatched, alert.category);
    for (const m of matches) {
      const r = byId.get(m.rule.id)!;
      r.alerts++;
      for (const a of m.actions) {
        bump(r.actions, a.type);
        bump(report.actions[m.mode], a.type);
        if (m.mode === 'live' && RESTRICTING.has(a.type)) restricted.add(alert.subject.accountId);
      }
    }
    const p = reviewPriority(matches);
    if (p === undefined) continue;
    // As the live case service does: a later alert about the subject joins the open case,
    // raising its priority and moving it to the more urgent queue.
    const open = caseOf.get(alert.subject.accountId);
    if (!open) caseOf.set(alert.subject.accountId, { priority: p, queue: alert.category });
    else {
      open.priority = Math.min(open.priority, p);
      open.queue = moreUrgentQueue(open.queue, alert.category);
    }
  }
  for (const c of caseOf.values()) {
    report.cases.opened++;
    bump(report.cases.byPriority, `p${c.priority}`);
    bump(report.cases.byQueue, c.queue);
  }
  report.accountsRestricted = restricted.size;
  return report;
}

export function formatBacktest(r: BacktestReport): string {
  const counts = (o: Record<string, number>) =>
    Object.entries(o)
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || '-';
  const lines = [`${r.alerts} alerts`, '', 'rule                                  mode    alerts  actions'];
  for (const rule of r.rules)
    lines.push(`${rule.id.padEnd(37)} ${rule.mode.padEnd(7)} ${String(rule.alerts).padStart(6)}  ${counts(rule.actions)}`);
  lines.push(
    '',
    `cases that would open: ${r.cases.opened} (${counts(r.cases.byPriority)}; queues: ${counts(r.cases.byQueue)})`,
    `live actions: ${counts(r.actions.live)}`,
    `shadow actions (recorded only): ${counts(r.actions.shadow)}`,
    `accounts restricted, suspended or hidden: ${r.accountsRestricted}`,
    `alerts no rule matched: ${counts(r.unmatched)}`,
  );
  return lines.join('\n') + '\n';
}
