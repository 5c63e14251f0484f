import type { Alert } from '../alerts/alert-schema.js';
import { SEVERITIES } from '../alerts/alert-schema.js';
import type { ConfirmCategory, Policy, PolicyAction, Rule } from './policy-schema.js';

export interface RuleMatch {
  rule: Rule;
  mode: 'live' | 'shadow';
  actions: PolicyAction[];
}

const rank = (s: string) => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);

/** Every rule an alert triggers, in policy order. Pure: the same policy and alert give the same answer. */
export function rulesForAlert(policy: Policy, alert: Pick<Alert, 'category' | 'severity' | 'score'>): RuleMatch[] {
  const out: RuleMatch[] = [];
  for (const rule of policy.rules) {
    const w = rule.when;
    if (w.on !== 'alert') continue;
    if (!w.categories.includes(alert.category)) continue;
    if (w.minSeverity && rank(alert.severity) < rank(w.minSeverity)) continue;
    if (w.minScore !== undefined && alert.score < w.minScore) continue;
    out.push({ rule, mode: rule.mode, actions: rule.then });
  }
  return out;
}

export interface DecisionFacts {
  outcome: 'confirm' | 'dismiss' | 'escalate';
  category?: ConfirmCategory | undefined;
}

export function rulesForDecision(policy: Policy, d: DecisionFacts): RuleMatch[] {
  const out: RuleMatch[] = [];
  for (const rule of policy.rules) {
    const w = rule.when;
    if (w.on !== 'decision' || w.outcome !== d.outcome) continue;
    if (w.categories && (!d.category || !w.categories.includes(d.category))) continue;
    out.push({ rule, mode: rule.mode, actions: rule.then });
  }
  return out;
}

/**
 * The review priority an alert gets from its live rules: the most urgent `require_review`.
 * Undefined when no live rule asks for review (shadow reviews open no case).
 */
export function reviewPriority(matches: readonly RuleMatch[]): number | undefined {
  let p: number | undefined;
  for (const m of matches) {
    if (m.mode !== 'live') continue;
    for (const a of m.actions) {
      if (a.type !== 'require_review') continue;
      const q = a.priority ?? 2;
      if (p === undefined || q < p) p = q;
    }
  }
  return p;
}
