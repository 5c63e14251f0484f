import { z } from 'zod';
import { parseJsonLines, type JsonLineError } from '../../core/parse-json-lines.js';

/**
 * One labelled conversation for `warden train`, one JSON object per line: what an adult (or
 * an account of unknown age) and a minor wrote, in order. `risky` marks the messages that are
 * a risky move (an age question, a secrecy request, a threat…); where a risky conversation
 * leaves it out, its messages train only the conversation-level combiner.
 */
export const LabelledConversationSchema = z.strictObject({
  id: z.string().min(1).max(128),
  label: z.enum(['grooming', 'solicitation', 'sextortion', 'benign']),
  context: z.strictObject({
    unconnected: z.boolean(),
    flagged: z.boolean().default(false),
    recipientBand: z.enum(['under13', '13-15', '16-17']),
    /**
     * The relationship at the conversation's first message (optional: a file without it
     * trains as before, a link read from `unconnected`). The shared corpora's labels carry it.
     */
    relationship: z
      .strictObject({
        kind: z.enum(['none', 'follow', 'contact', 'friend', 'family', 'guardian', 'household']),
        /** Days from the link to the first message; negative: made after contact began. */
        linkedDaysBefore: z.number().finite().nullable().optional(),
        firstBy: z.enum(['adult', 'minor', 'unknown']).default('unknown'),
        mutuals: z.number().int().min(0).nullable().optional(),
      })
      .optional(),
  }),
  messages: z
    .array(z.strictObject({ from: z.enum(['adult', 'minor']), text: z.string().max(16_384), risky: z.boolean().optional() }))
    .min(1)
    .max(100_000),
});
export type LabelledConversation = z.infer<typeof LabelledConversationSchema>;

export type LineError = JsonLineError;

/** Parses labelled JSONL; a bad line is reported with its number and the field, and skipped. */
export function parseTrainingData(text: string): { rows: LabelledConversation[]; errors: LineError[] } {
  return parseJsonLines(text, LabelledConversationSchema, { keyOf: (r) => r.id, keyField: 'id' });
}
