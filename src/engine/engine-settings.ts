import type { WardenConfig } from '../config/config-schema.js';

/**
 * What the engine derives from the config, computed once so that the detectors, the contact
 * tracker and the restore agree on every window.
 */
export interface EngineSettings {
  readonly config: WardenConfig;
  readonly treatUnknownAgeAsAdult: boolean;
  /** `behaviour.suspiciousAdult.fanOutWindowHours` in milliseconds. */
  readonly fanOutWindowMs: number;
  /** `behaviour.accountRisk.ignoredAfterHours` in milliseconds. */
  readonly ignoredAfterMs: number;
}

const HOUR_MS = 3_600_000;

export function engineSettings(config: WardenConfig): EngineSettings {
  return {
    config,
    treatUnknownAgeAsAdult: config.behaviour.treatUnknownAgeAsAdult,
    fanOutWindowMs: config.behaviour.suspiciousAdult.fanOutWindowHours * HOUR_MS,
    ignoredAfterMs: config.behaviour.accountRisk.ignoredAfterHours * HOUR_MS,
  };
}
