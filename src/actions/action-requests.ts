import { z } from 'zod';

export const ACTION_STATUSES = ['pending', 'delivered', 'failed', 'shadow', 'applied', 'cancelled'] as const;

export const ActionQuerySchema = z.strictObject({
  status: z.enum(ACTION_STATUSES).optional(),
  subject: z.string().min(1).max(128).optional(),
  caseId: z.string().min(1).max(128).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The last id of the previous page. */
  after: z.string().max(128).optional(),
});

const Reason = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty: say why, for the audit log' })
  .max(1000, { message: 'must be at most 1000 characters' });

/** POST /v1/actions/{id}/cancel. */
export const ActionReasonSchema = z.strictObject({ reason: Reason });

/** POST /v1/cases/{id}/actions: a type the policy in force uses (checked against it after parsing). */
export const ActionRequestSchema = z.strictObject({
  type: z.enum(['restrict_messaging_minors', 'hide_from_minors', 'suspend_account', 'remove_content']),
  reason: Reason,
});
