import type { WardenConfig } from '../config/config-schema.js';
import { loadConfig } from '../config/load-config.js';
import { createLogger } from '../core/create-logger.js';
import { validateEvent, type ValidEvent } from '../events/validate-event.js';

/**
 * Builders for synthetic test events. Texts are bland and non-graphic by rule
 * (DEVELOPERS.md): behaviour tests need who-contacted-whom, not words.
 */
let seq = 0;
export const BASE_MS = Date.parse('2026-06-01T12:00:00Z');
export const at = (minutes: number) => new Date(BASE_MS + minutes * 60_000).toISOString();

export function nextId(): string {
  return `t_${++seq}`;
}

export const account = (id: string, fields: Record<string, unknown>, ts = at(0)) => ({
  id: nextId(),
  type: 'account.upserted',
  ts,
  account: { id, ...fields },
});
export const adult = (id: string, ts = at(0)) => account(id, { ageBand: 'adult', ageAssurance: 'verified' }, ts);
export const minor = (id: string, band: '13-15' | '16-17' | 'under13' = '13-15', ts = at(0)) => account(id, { ageBand: band }, ts);
export const connect = (from: string, to: string, kind = 'follow', ts = at(1), type = 'connection.created') => ({
  id: nextId(),
  type,
  ts,
  from,
  to,
  kind,
});
export const message = (
  from: string,
  to: string | string[],
  ts = at(2),
  conversationId = `c_${from}_${Array.isArray(to) ? to[0] : to}`,
) => ({
  id: nextId(),
  type: 'message.sent',
  ts,
  message: { id: nextId(), conversationId, from, to: Array.isArray(to) ? to : [to], text: 'hello there' },
});
export const block = (from: string, to: string, ts = at(3)) => ({ id: nextId(), type: 'block.created', ts, from, to });
export const report = (reporter: string, subject: string, ts = at(3), reason = 'harassment') => ({
  id: nextId(),
  type: 'report.filed',
  ts,
  report: { id: nextId(), reporter, subject: { accountId: subject }, reason },
});

export function valid(raw: unknown, nowMs = Date.now()): ValidEvent {
  const r = validateEvent(raw, { nowMs, maxFutureSkewMs: 300_000 });
  if (!r.ok) throw new Error(`test event invalid: ${JSON.stringify(r.error)}`);
  return r.value;
}

/**
 * Tests run on a fixed clock, which never refills the console's sign-in budget
 * (console/sign-in-budget.ts), so tests get a budget no test reaches unless it sets one;
 * the budget's own tests set theirs.
 */
const TEST_SIGN_IN_BUDGET = { signInChecksPerSecond: 1000, signInCheckBurst: 10_000 };

export function testConfig(overrides: Record<string, Record<string, unknown>> = {}): WardenConfig {
  return loadConfig({ env: {}, overrides: { ...overrides, console: { ...TEST_SIGN_IN_BUDGET, ...overrides.console } } });
}

export const silentLogger = () => createLogger('silent');
