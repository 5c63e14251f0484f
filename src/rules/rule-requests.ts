import { z } from 'zod';

export const PolicyBodySchema = z.strictObject({
  /** The policy as YAML or JSON text (kept as written, comments and all). */
  source: z
    .string()
    .min(1)
    .max(1024 * 1024),
  note: z.string().max(1000).optional(),
});
