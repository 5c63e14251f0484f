import { z } from 'zod';
import { Id } from '../events/event-schema.js';

export const APPEAL_STATUSES = ['open', 'upheld', 'reversed'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/**
 * POST /v1/appeals: the platform files an account's appeal against an action Warden asked
 * for, or against a case's outcome. `appealId` is the platform's own id, which makes the call
 * idempotent: filing it again returns the first record.
 */
export const AppealBodySchema = z
  .strictObject({
    appealId: Id,
    accountId: Id,
    actionId: z.string().min(1).max(128).optional(),
    caseId: z.string().min(1).max(128).optional(),
    statement: z
      .string()
      .trim()
      .min(1, { message: 'must not be empty: the account’s own words' })
      .max(5000, { message: 'must be at most 5000 characters' }),
    filedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((b) => b.actionId !== undefined || b.caseId !== undefined, {
    path: ['actionId'],
    message: 'is required when caseId is absent: name the action or the case the appeal contests',
  });
export type AppealBody = z.infer<typeof AppealBodySchema>;

export const AppealDecisionSchema = z.strictObject({
  decision: z.enum(['uphold', 'reverse']),
  reason: z
    .string()
    .trim()
    .min(1, { message: 'must not be empty: the platform passes it on to the account' })
    .max(3000, { message: 'must be at most 3000 characters' }),
});
export type AppealDecision = z.infer<typeof AppealDecisionSchema>;

export const AppealQuerySchema = z.strictObject({
  status: z.enum(APPEAL_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The last id of the previous page. */
  after: z.string().max(128).optional(),
});
