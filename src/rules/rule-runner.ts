import type { Logger } from 'pino';
import { AlertSchema } from '../alerts/alert-schema.js';
import { alertsAfter } from '../alerts/alert-store.js';
import type { CaseService } from '../cases/case-service.js';
import { createBackgroundLoop, type BackgroundLoop } from '../core/background-loop.js';
import type { Clock } from '../core/clock.js';
import type { Store } from '../store/store.js';
import { reviewPriority, rulesForAlert } from './evaluate-policy.js';
import type { PolicyStore } from './policy-store.js';
import { readCursor, saveCursor } from './rule-store.js';

export interface RuleRunner extends BackgroundLoop {
  /** Processes the next batch of alerts; the number processed (0: caught up). */
  runOnce(): Promise<number>;
}

const CURSOR = 'rules';

/**
 * Consumes the alert log in id order (ids are minted in commit order) from a durable
 * cursor: each batch's cases, actions and the cursor's new position commit together, so
 * after a crash the runner resumes where it stopped and no alert is handled twice or lost.
 * It runs beside ingest, never in it: a slow rule never delays an acknowledgement.
 */
export function createRuleRunner(deps: {
  store: Store;
  cases: CaseService;
  policies: PolicyStore;
  clock: Clock;
  logger: Logger;
  batchSize?: number;
  pollMs?: number;
}): RuleRunner {
  const { store, cases, policies, clock, logger } = deps;
  const batchSize = deps.batchSize ?? 500;
  const pollMs = deps.pollMs ?? 1000;

  async function runOnce(): Promise<number> {
    const after = (await readCursor(store.db, CURSOR)) ?? '';
    const rows = await alertsAfter(store.db, after, batchSize);
    if (rows.length === 0) return 0;
    const { policy, version } = await policies.current();
    const items = rows.map((r) => {
      const alert = AlertSchema.parse(JSON.parse(r.body));
      const matches = rulesForAlert(policy, alert);
      return { alert, matches, priority: reviewPriority(matches), policyVersion: version };
    });
    const last = rows[rows.length - 1]!.id;
    await cases.intake(items, [saveCursor(store.db, CURSOR, last, clock.now())]);
    return rows.length;
  }

  const loop = createBackgroundLoop('rules', runOnce, pollMs, logger);
  return { runOnce, ...loop };
}
