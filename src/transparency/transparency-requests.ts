import { z } from 'zod';

/** A day (`2026-06-01`, midnight UTC) or an RFC 3339 time. */
const When = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) || z.iso.datetime({ offset: true }).safeParse(s).success, {
    message: 'must be a date (YYYY-MM-DD) or an RFC 3339 time with an offset',
  })
  .transform((s) => Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s));

export const TransparencyQuerySchema = z
  .strictObject({ from: When, to: When, format: z.enum(['json', 'csv', 'html']).default('json') })
  .refine((q) => q.to > q.from, { message: 'must be after from', path: ['to'] });
