import { z } from 'zod';

/** Every status a report can be in, in the order the console lists them. */
export const REPORT_STATUSES = ['draft', 'approved', 'submitting', 'needs_attention', 'submitted', 'failed', 'retracted'] as const;

export const ReportQuerySchema = z.strictObject({
  status: z.enum(REPORT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
