import { z } from 'zod';

export const ReportQuerySchema = z.strictObject({
  status: z.enum(['draft', 'approved', 'submitting', 'submitted', 'failed', 'retracted']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
