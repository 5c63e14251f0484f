import { z } from 'zod';
import { ALERT_CATEGORIES, SEVERITIES } from '../alerts/alert-schema.js';

/**
 * What rules can make happen. Stable names: the platform's webhook receiver branches on
 * them. `require_review` opens or joins a case inside Warden; the rest are delivered to
 * the platform (restrictions are also honoured by the inline gate at once).
 */
export const ACTION_TYPES = [
  'require_review',
  'restrict_messaging_minors',
  'hide_from_minors',
  'suspend_account',
  'remove_content',
  'preserve_evidence',
  'draft_cybertipline_report',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** The policy category a reviewer confirms a case under; the reporting issue maps them to NCMEC incident types. */
export const CONFIRM_CATEGORIES = [
  'csam',
  'grooming',
  'solicitation',
  'sextortion',
  'trafficking',
  'obscene_material_to_child',
  'other_child_safety',
] as const;
export type ConfirmCategory = (typeof CONFIRM_CATEGORIES)[number];

export const DISMISS_REASONS = ['false_positive', 'benign_relationship', 'insufficient_evidence', 'duplicate', 'other'] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

const RuleId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be 1-64 characters of a-z, 0-9, _ and -, starting with a letter or digit');

export const PolicyActionSchema = z.strictObject({
  type: z.enum(ACTION_TYPES),
  /** require_review: the case priority, 0 (first) to 3. */
  priority: z.number().int().min(0).max(3).optional(),
});
export type PolicyAction = z.infer<typeof PolicyActionSchema>;

const AlertTrigger = z.strictObject({
  on: z.literal('alert'),
  categories: z.array(z.enum(ALERT_CATEGORIES)).min(1),
  /** Fires for alerts at this severity or above. */
  minSeverity: z.enum(SEVERITIES).optional(),
  minScore: z.number().min(0).max(1).optional(),
});

const DecisionTrigger = z.strictObject({
  on: z.literal('decision'),
  outcome: z.enum(['confirm', 'dismiss', 'escalate']),
  /** confirm: only for these confirmed categories (all when absent). */
  categories: z.array(z.enum(CONFIRM_CATEGORIES)).min(1).optional(),
});

export const RuleSchema = z.strictObject({
  id: RuleId,
  description: z.string().max(500).optional(),
  /** shadow: the would-be actions are recorded, none is taken. */
  mode: z.enum(['live', 'shadow']).default('live'),
  when: z.discriminatedUnion('on', [AlertTrigger, DecisionTrigger]),
  then: z.array(PolicyActionSchema).min(1).max(20),
});
export type Rule = z.infer<typeof RuleSchema>;

export const PolicySchema = z
  .strictObject({
    version: z.literal(1),
    name: z.string().min(1).max(200).optional(),
    rules: z.array(RuleSchema).min(1).max(500),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id "${r.id}"` });
      seen.add(r.id);
      r.then.forEach((a, j) => {
        if (a.priority !== undefined && a.type !== 'require_review') {
          ctx.addIssue({ code: 'custom', path: ['rules', i, 'then', j, 'priority'], message: 'only require_review takes a priority' });
        }
      });
    });
  });
export type Policy = z.infer<typeof PolicySchema>;
