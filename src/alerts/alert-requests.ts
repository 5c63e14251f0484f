import { z } from 'zod';
import { Timestamp } from '../events/event-schema.js';
import { ALERT_CATEGORIES, SEVERITIES } from './alert-schema.js';

const csvOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).min(1));

/** Query string of `GET /v1/alerts`. Lists are comma-separated. */
export const AlertQuerySchema = z.strictObject({
  category: csvOf(ALERT_CATEGORIES).optional(),
  severity: csvOf(SEVERITIES).optional(),
  subject: z.string().min(1).max(128).optional().describe('The subject account id'),
  conversationId: z.string().min(1).max(128).optional(),
  since: Timestamp.optional().describe('Alerts whose event time is at or after this'),
  until: Timestamp.optional().describe('Alerts whose event time is before this'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(512).optional().describe('nextCursor from the previous page'),
});
export type AlertQuery = z.output<typeof AlertQuerySchema>;
