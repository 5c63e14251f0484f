import { z } from 'zod';
import { BAND, isMinorCode, packedUtcDate } from '../core/age-band.js';
import type { Clock } from '../core/clock.js';
import { Id, Text } from '../events/event-schema.js';
import { FLAG, type Facts } from '../facts/facts.js';
import type { GateConfig, Outcome } from './gate-config.js';

export const GATE_ACTIONS = ['message', 'connect', 'view_profile', 'recommend', 'comment'] as const;
export type GateAction = (typeof GATE_ACTIONS)[number];

/** spec: "Decisions (the inline gate)". */
export const DecisionRequestSchema = z.strictObject({
  action: z.enum(GATE_ACTIONS),
  actor: Id,
  target: Id,
  text: Text.optional(),
});
export type DecisionRequest = z.output<typeof DecisionRequestSchema>;

export interface Decision {
  readonly decision: Outcome;
  readonly reasons: readonly { readonly code: string; readonly detail: string }[];
}

/** Reason codes a platform can show or log. Stable: platforms branch on them. */
export const REASONS = [
  ['blocked_by_target', 'the target has blocked the actor'],
  ['restricted_account', 'the actor is restricted from contact with minors'],
  ['suspicious_account', 'the account is flagged as suspicious and is kept away from minors'],
  ['hidden_from_minors', "the account is hidden from minors' recommendations and profile views"],
  [
    'unconnected_adult_to_minor',
    'an adult may not reach a minor who does not follow, befriend or hold them as a contact, and shares no family link with them',
  ],
  [
    'unknown_age_to_minor',
    'an account of unknown age may not reach a minor who does not follow, befriend or hold them as a contact, and shares no family link with them',
  ],
  ['unconnected_adult_recommendation', 'adults and minors with no connection are not recommended to each other'],
  ['under13_account', 'an account in this decision is under 13, which most platforms do not allow'],
  ['connected_to_minor', 'the minor follows, befriends or holds the actor as a contact, or shares a family link with them'],
] as const;
export type ReasonCode = (typeof REASONS)[number][0];
const BIT = Object.fromEntries(REASONS.map(([code], i) => [code, 1 << i])) as Record<ReasonCode, number>;

const LEVEL: Record<Outcome, number> = { allow: 0, warn: 1, block: 2 };
const OUTCOME_OF = ['allow', 'warn', 'block'] as const;

export interface Gate {
  decide(req: DecisionRequest): Decision;
}

/**
 * The inline gate. It reads only the in-memory facts that ingest keeps warm and makes no
 * network or disk call, so a platform can put it in front of every message send.
 * Decisions are interned by (outcome, reasons): the hot path allocates nothing.
 */
export function createGate(facts: Facts, cfg: GateConfig, clock: Clock): Gate {
  const interned = new Map<number, Decision>();
  const decisionFor = (level: number, mask: number): Decision => {
    const key = mask * 4 + level;
    let d = interned.get(key);
    if (!d) {
      const reasons = REASONS.filter(([code]) => (mask & BIT[code]) !== 0).map(([code, detail]) => Object.freeze({ code, detail }));
      d = Object.freeze({ decision: OUTCOME_OF[level]!, reasons: Object.freeze(reasons) });
      interned.set(key, d);
    }
    return d;
  };
  const ALLOW = decisionFor(0, 0);

  // Today's UTC date, recomputed once a minute: ages are whole days, and Date is not free.
  let dateMinute = -1;
  let datePacked = 0;
  const today = () => {
    const now = clock.now();
    const minute = Math.floor(now / 60_000);
    if (minute !== dateMinute) {
      dateMinute = minute;
      datePacked = packedUtcDate(now);
    }
    return datePacked;
  };

  const bandOutcome = (byBand: GateConfig['unconnectedContact'], band: number): number =>
    LEVEL[band === BAND.under13 ? byBand.under13 : band === BAND['13-15'] ? byBand['13-15'] : byBand['16-17']];
  const flaggedLevel = LEVEL[cfg.flaggedToMinor];

  return {
    decide({ action, actor, target }) {
      const a = facts.indexOf(actor);
      const t = facts.indexOf(target);
      const date = today();
      const aBand = facts.bandAt(a, date);
      const tBand = facts.bandAt(t, date);
      const aMinor = isMinorCode(aBand);
      const tMinor = isMinorCode(tBand);
      if (!aMinor && !tMinor) return ALLOW;

      let level = 0;
      let mask = 0;
      if (aBand === BAND.under13 || tBand === BAND.under13) mask |= BIT.under13_account;

      if (tMinor && !aMinor) {
        // An adult or unknown-age account reaching for a minor.
        const adultLike = aBand === BAND.adult || cfg.treatUnknownAgeAsAdult;
        const connected = a >= 0 && t >= 0 && facts.isConnected(t, a);
        const flags = facts.flags(a);
        if (a >= 0 && t >= 0 && facts.hasBlocked(t, a)) {
          level = 2;
          mask |= BIT.blocked_by_target;
        }
        if (flags & FLAG.restricted) {
          level = 2;
          mask |= BIT.restricted_account;
        }
        if (flags & FLAG.suspicious) {
          mask |= BIT.suspicious_account;
          // A suspicious adult the minor chose to connect with is warned about, not cut off.
          const l = (action === 'message' || action === 'connect') && connected ? 1 : flaggedLevel;
          if (l > level) level = l;
        }
        if (flags & FLAG.hidden && (action === 'recommend' || action === 'view_profile')) {
          level = 2;
          mask |= BIT.hidden_from_minors;
        }
        if (connected) mask |= BIT.connected_to_minor;
        else if (adultLike && (action === 'message' || action === 'connect')) {
          const l = bandOutcome(cfg.unconnectedContact, tBand);
          if (l > 0) {
            mask |= aBand === BAND.unknown ? BIT.unknown_age_to_minor : BIT.unconnected_adult_to_minor;
            if (l > level) level = l;
          }
        } else if (adultLike && action === 'recommend') {
          const l = bandOutcome(cfg.unconnectedRecommend, tBand);
          if (l > 0) {
            mask |= BIT.unconnected_adult_recommendation;
            if (l > level) level = l;
          }
        }
      } else if (aMinor && !tMinor) {
        // A minor reaching for an adult: flagged accounts are hidden from minors.
        const flags = facts.flags(t);
        if (flags & (FLAG.suspicious | FLAG.restricted)) {
          mask |= flags & FLAG.restricted ? BIT.restricted_account : BIT.suspicious_account;
          const l = action === 'view_profile' || action === 'recommend' ? flaggedLevel : Math.min(1, flaggedLevel);
          if (l > level) level = l;
        }
        if (flags & FLAG.hidden && (action === 'recommend' || action === 'view_profile')) {
          level = 2;
          mask |= BIT.hidden_from_minors;
        }
        if (action === 'recommend' && !(t >= 0 && a >= 0 && facts.isConnected(a, t))) {
          const adultLike = tBand === BAND.adult || cfg.treatUnknownAgeAsAdult;
          const l = adultLike ? bandOutcome(cfg.unconnectedRecommend, aBand) : 0;
          if (l > 0) {
            mask |= BIT.unconnected_adult_recommendation;
            if (l > level) level = l;
          }
        }
      }
      return mask === 0 && level === 0 ? ALLOW : decisionFor(level, mask);
    },
  };
}
