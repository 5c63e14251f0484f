import { createAccountRiskDetector } from '../behaviour/account-risk.js';
import type { ContactTracker } from '../behaviour/contact-tracker.js';
import { createCopiedOpenersDetector } from '../behaviour/copied-openers.js';
import { createSuspiciousAdultDetector } from '../behaviour/suspicious-adult.js';
import { createUnwantedContactDetector } from '../behaviour/unwanted-contact.js';
import { createConversationRiskDetector } from '../conversations/conversation-risk-detector.js';
import { createConversationTracker } from '../conversations/conversation-tracker.js';
import { createDecoyContactDetector } from '../conversations/decoy-contact-detector.js';
import { createExternalClassifierDetector } from '../conversations/external-classifier-detector.js';
import { BUILTIN_MODEL_PATH, loadRiskModel, type RiskModel } from '../conversations/model/risk-model.js';
import type { Detector } from '../detection/detector.js';
import type { DetectorFactories } from '../detection/detector-registry.js';
import { createHashMatchDetector } from '../media/hash-match-detector.js';
import type { MediaMatcher } from '../media/media-matcher.js';
import type { EngineSettings } from './engine-settings.js';

/** What the built-in detectors are built from: settings and the state they share with the fold. */
export interface DetectorDeps {
  settings: EngineSettings;
  tracker: ContactTracker;
  matcher: MediaMatcher;
}

const models = new Map<string, RiskModel>();
/** The configured conversation model, loaded once per file (a reload after a storage failure reuses it). */
function riskModelFor(setting: string): RiskModel | undefined {
  if (setting === 'off') return undefined;
  const path = setting === 'builtin' ? BUILTIN_MODEL_PATH : setting;
  let m = models.get(path);
  if (!m) {
    m = loadRiskModel(path);
    models.set(path, m);
  }
  return m;
}

/**
 * The detectors Warden runs, by persisted name, in evaluation order. A new detector is one
 * entry here and its examples in detector-examples.ts (the shared contract suite runs it).
 */
export const BUILTIN_DETECTORS = {
  unwanted_contact: () => createUnwantedContactDetector(),
  suspicious_adult: ({ settings, tracker }: DetectorDeps) =>
    createSuspiciousAdultDetector(
      {
        ...settings.config.behaviour.suspiciousAdult,
        treatUnknownAgeAsAdult: settings.treatUnknownAgeAsAdult,
        fanOutWindowMs: settings.fanOutWindowMs,
      },
      tracker,
    ),
  csam_hash_match: ({ matcher }: DetectorDeps) => createHashMatchDetector(matcher),
  conversation_risk: ({ settings, tracker }: DetectorDeps) =>
    createConversationRiskDetector(createConversationTracker(), {
      treatUnknownAgeAsAdult: settings.treatUnknownAgeAsAdult,
      model: riskModelFor(settings.config.conversations.model),
      otherMinors: (senderIdx, nowMs) => tracker.countRecentMinors(senderIdx, nowMs - settings.fanOutWindowMs),
      fanOutWindowMs: settings.fanOutWindowMs,
    }),
  copied_openers: ({ settings }: DetectorDeps) =>
    createCopiedOpenersDetector({
      minMinors: settings.config.behaviour.copiedOpeners.minMinors,
      windowMs: settings.fanOutWindowMs,
      treatUnknownAgeAsAdult: settings.treatUnknownAgeAsAdult,
    }),
  // Only with a classifier to ask: its verdicts are attached to the batch before the fold.
  external_classifier: ({ settings }: DetectorDeps) =>
    settings.config.conversations.externalClassifier.url
      ? createExternalClassifierDetector({
          threshold: settings.config.conversations.externalClassifier.threshold,
          treatUnknownAgeAsAdult: settings.treatUnknownAgeAsAdult,
        })
      : undefined,
  decoy_contact: ({ settings }: DetectorDeps) => createDecoyContactDetector({ treatUnknownAgeAsAdult: settings.treatUnknownAgeAsAdult }),
  // Last: it reads what the detectors before it raised on the same event.
  account_risk: ({ settings, tracker }: DetectorDeps) =>
    createAccountRiskDetector(
      {
        treatUnknownAgeAsAdult: settings.treatUnknownAgeAsAdult,
        fanOutWindowMs: settings.fanOutWindowMs,
        ignoredAfterMs: settings.ignoredAfterMs,
        alertAt: settings.config.behaviour.accountRisk.alertAt,
      },
      tracker,
    ),
} satisfies DetectorFactories<DetectorDeps, Record<string, Detector>>;

/** Each built-in detector's own type, by name: `state.detectors.get('account_risk')` is an AccountRiskDetector. */
export type BuiltinDetectors = { [K in keyof typeof BUILTIN_DETECTORS]: NonNullable<ReturnType<(typeof BUILTIN_DETECTORS)[K]>> };
