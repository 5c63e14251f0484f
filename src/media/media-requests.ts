import { z } from 'zod';
import { SIGNAL_TYPES } from './hasher.js';

export const BankCreateSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, { message: 'must be 1–64 lowercase letters, digits, _ . - (starting with a letter or digit)' }),
  kind: z.enum(['positive', 'negative']).default('positive'),
  pdqThreshold: z.number().int().min(0).max(63).optional(),
  description: z.string().max(2000).optional(),
});

export const BankUpdateSchema = z.strictObject({
  enabled: z.boolean().optional(),
  pdqThreshold: z.number().int().min(0).max(63).optional(),
  description: z.string().max(2000).optional(),
});

export const EntryInput = z.strictObject({
  signalType: z.enum(SIGNAL_TYPES),
  // Hashes are 32–64 hex characters; a vpdq signal string is ~75 characters a hashed frame (checkHash checks each type).
  value: z.string().max(4_000_000),
  note: z.string().max(1000).optional(),
  source: z.string().max(200).optional(),
  addedAt: z.iso.datetime({ offset: true }).optional(),
});

export const MatchBody = z.strictObject({
  pdq: z.string().max(128).optional(),
  md5: z.string().max(128).optional(),
  sha1: z.string().max(128).optional(),
  sha256: z.string().max(128).optional(),
  /** python-threatexchange's vPDQ signal string. */
  vpdq: z.string().max(4_000_000).optional(),
  banks: z.array(z.string().max(64)).max(100).optional(),
});

export const ImportBody = z.strictObject({
  format: z.enum(['hma', 'csv']),
  signalType: z.enum(SIGNAL_TYPES).optional().describe('for HMA files of bare hashes'),
  content: z.string(),
});

/** Query string of a streamed `POST /v1/banks/:id/import` (the list is the body); format defaults from the content type. */
export const ImportQuerySchema = z.strictObject({
  format: z.enum(['hma', 'csv']).optional(),
  signalType: z.enum(SIGNAL_TYPES).optional().describe('for HMA files of bare hashes'),
});

/** Query string of `GET /v1/banks/:id/entries`; `after` is the last entry id of the previous page. */
export const EntryQuerySchema = z.strictObject({
  state: z.enum(['active', 'removed', 'quarantined', 'all']).default('active'),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  after: z.coerce.number().int().min(0).optional(),
});

export const QuarantineBodySchema = z.strictObject({ quarantined: z.boolean() });

/** `GET /v1/banks/:id/export?format=`: an HMA local_file or CSV (the default). */
export const ExportFormatSchema = z.enum(['hma', 'csv']).default('csv');
