import { z } from 'zod';

export const ACTION_STATUSES = ['pending', 'delivered', 'failed', 'shadow', 'applied'] as const;

export const ActionQuerySchema = z.strictObject({
  status: z.enum(ACTION_STATUSES).optional(),
  subject: z.string().min(1).max(128).optional(),
  caseId: z.string().min(1).max(128).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The last id of the previous page. */
  after: z.string().max(128).optional(),
});
