import { z } from 'zod';

/** spec: "Alerts (what detection produces)". */
export const ALERT_CATEGORIES = [
  'grooming',
  'sextortion',
  'solicitation',
  'csam_hash_match',
  'suspicious_adult',
  'unwanted_contact',
  // Issue 19: an unconnected adult kept going with a decoy account (restricted: core/restricted.ts).
  'decoy_contact',
] as const;
export type AlertCategory = (typeof ALERT_CATEGORIES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ReasonSchema = z.object({ code: z.string(), detail: z.string() });
export type Reason = z.infer<typeof ReasonSchema>;

export const AlertSchema = z.object({
  id: z.string(),
  ts: z.string().describe('When the triggering event happened on the platform (RFC 3339)'),
  category: z.enum(ALERT_CATEGORIES),
  severity: z.enum(SEVERITIES),
  score: z.number().min(0).max(1),
  subject: z.object({ accountId: z.string() }),
  conversationId: z.string().optional(),
  triggerEventId: z.string(),
  evidence: z.array(z.string()),
  reasons: z.array(ReasonSchema),
  // Compatible extensions (docs/protocol-extensions.md): fields a reviewer needs that the spec leaves open.
  relatedAccountIds: z.array(z.string()).optional().describe('Other accounts involved, such as the minors contacted'),
  detector: z.string().describe('Name of the detector that raised it'),
  media: z
    .array(
      z.object({
        id: z.string(),
        matches: z.array(
          z.object({
            bankId: z.string(),
            bankName: z.string(),
            entryId: z.number(),
            signalType: z.string(),
            distance: z.number(),
            threshold: z.number(),
          }),
        ),
      }),
    )
    .optional()
    .describe('csam_hash_match: the media items and the bank entries they matched'),
  detectedAt: z.string().describe('When Warden raised it (RFC 3339, Warden clock)'),
});
export type Alert = z.infer<typeof AlertSchema>;

/** What a detector proposes; the engine gives it an id, times and de-duplicates it. */
export interface AlertDraft {
  category: AlertCategory;
  severity: Severity;
  score: number;
  subjectAccountId: string;
  conversationId?: string | undefined;
  evidence: string[];
  reasons: Reason[];
  relatedAccountIds?: string[] | undefined;
  media?: Alert['media'];
  /** At most one alert per key is ever raised: "one alert per adult–minor pair". */
  dedupeKey: string;
  /** Account flags to set with the alert, persisted in the same transaction. */
  flags?: { accountId: string; flag: 'suspicious' | 'restricted'; reason: string }[];
}

export const severityRank: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };
