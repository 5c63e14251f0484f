import { createContactTracker, type ContactTracker } from '../behaviour/contact-tracker.js';
import type { Clock } from '../core/clock.js';
import { createDeferredAuditChain, type AuditChain } from '../audit/audit-chain.js';
import { createDetectorRegistry, type DetectorRegistry } from '../detection/detector-registry.js';
import { createFacts, type Facts } from '../facts/facts.js';
import { createGate, type Gate } from '../gate/gate.js';
import { createMediaMatcher, type BankChange, type MediaMatcher } from '../media/media-matcher.js';
import { BUILTIN_DETECTORS, type BuiltinDetectors, type DetectorDeps } from './builtin-detectors.js';
import type { EngineSettings } from './engine-settings.js';

/** The hot state ingest keeps warm: what the gate and the detectors read, rebuilt from the store on start. */
export interface EngineState {
  facts: Facts;
  tracker: ContactTracker;
  detectors: DetectorRegistry<BuiltinDetectors>;
  gate: Gate;
  alertKeys: Set<string>;
  matcher: MediaMatcher;
  /** The audit chain's head; every append goes through it, in commit order. */
  audit: AuditChain;
}

/**
 * A fresh, empty state with every configured detector (`keep` leaves some out, for benchmarks).
 * `onBankChange` hears of each change to the hash banks in memory (scale-out sends them on).
 */
export function buildState(
  settings: EngineSettings,
  clock: Clock,
  keep?: (detector: string) => boolean,
  onBankChange?: (change: BankChange) => void,
): EngineState {
  const { config } = settings;
  const facts = createFacts();
  const tracker = createContactTracker({ windowMs: settings.fanOutWindowMs, treatUnknownAgeAsAdult: settings.treatUnknownAgeAsAdult });
  const matcher = createMediaMatcher({
    floodLimitPerHour: config.media.floodLimitPerHour,
    ...(onBankChange ? { onChange: onBankChange } : {}),
  });
  const detectors = createDetectorRegistry<DetectorDeps, BuiltinDetectors>(BUILTIN_DETECTORS, { settings, tracker, matcher }, keep);
  return {
    facts,
    tracker,
    detectors,
    gate: createGate(facts, config.gate, clock),
    alertKeys: new Set(),
    matcher,
    audit: createDeferredAuditChain({ seq: 0 }),
  };
}
