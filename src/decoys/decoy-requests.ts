import { z } from 'zod';
import { Id } from '../events/event-schema.js';

/** PUT /v1/admin/decoys/{accountId}: the account id is the protocol's account id. */
export const DecoyParamsSchema = z.strictObject({ accountId: Id });

export const DecoyBodySchema = z.strictObject({
  label: z.string().trim().min(1, { message: 'must not be empty' }).max(200, { message: 'must be at most 200 characters' }).optional(),
});
