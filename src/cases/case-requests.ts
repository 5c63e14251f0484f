import { z } from 'zod';
import { CONFIRM_CATEGORIES, DISMISS_REASONS } from '../rules/policy-schema.js';
import { CASE_STATUSES } from './case-model.js';
import type { Decision } from './case-service.js';

export const CaseQuerySchema = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  queue: z.string().min(1).max(64).optional(),
  priority: z.coerce.number().int().min(0).max(3).optional(),
  subject: z.string().min(1).max(128).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(512).optional(),
});

const note = z.string().max(3000).optional();
export const DecisionBodySchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('confirm'), category: z.enum(CONFIRM_CATEGORIES), note }),
  z.strictObject({ decision: z.literal('dismiss'), reason: z.enum(DISMISS_REASONS), note }),
  z.strictObject({ decision: z.literal('escalate'), note }),
  z.strictObject({ decision: z.literal('request_context'), note: z.string().min(1).max(3000) }),
]);

export function toDecision(b: z.output<typeof DecisionBodySchema>): Decision {
  switch (b.decision) {
    case 'confirm':
      return { kind: 'confirm', category: b.category, note: b.note };
    case 'dismiss':
      return { kind: 'dismiss', reason: b.reason, note: b.note };
    case 'escalate':
      return { kind: 'escalate', note: b.note };
    case 'request_context':
      return { kind: 'request_context', note: b.note };
  }
}
