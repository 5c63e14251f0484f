import { z } from 'zod';

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
  }),
  messages: z
    .array(z.strictObject({ from: z.enum(['adult', 'minor']), text: z.string().max(16_384), risky: z.boolean().optional() }))
    .min(1)
    .max(100_000),
});
export type LabelledConversation = z.infer<typeof LabelledConversationSchema>;

export interface LineError {
  line: number;
  reason: string;
}

/** Parses labelled JSONL; a bad line is reported with its number and the field, and skipped. */
export function parseTrainingData(text: string): { rows: LabelledConversation[]; errors: LineError[] } {
  const rows: LabelledConversation[] = [];
  const errors: LineError[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      errors.push({ line: i + 1, reason: `not JSON: ${(e as Error).message}` });
      return;
    }
    const r = LabelledConversationSchema.safeParse(json);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      errors.push({ line: i + 1, reason: `${issue.path.join('.') || '(line)'}: ${issue.message}` });
      return;
    }
    if (seen.has(r.data.id)) {
      errors.push({ line: i + 1, reason: `id: ${r.data.id} appears twice` });
      return;
    }
    seen.add(r.data.id);
    rows.push(r.data);
  });
  return { rows, errors };
}
