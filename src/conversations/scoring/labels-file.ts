import { z } from 'zod';

/**
 * One labelled conversation for `warden eval`, one JSON object a line: the format both shared
 * corpora write (`labels.jsonl`). Only `conversationId` and `label` are required; the rest is
 * read when present and other fields are kept out of the way (a platform's file may carry
 * its own). `firstActionableIndex` is the 0-based index, among the conversation's messages in
 * event order, of the first message a reviewer should be alerted at.
 */
export const LabelSchema = z.looseObject({
  conversationId: z.string().min(1).max(256),
  label: z.enum(['grooming', 'solicitation', 'sextortion', 'benign']),
  family: z.string().min(1).max(128).optional(),
  language: z.string().min(1).max(32).optional(),
  firstActionableIndex: z.number().int().min(0).nullable().optional(),
  inTrain: z.boolean().optional(),
});
export type ConversationLabel = z.infer<typeof LabelSchema>;

export interface LabelLineError {
  line: number;
  field: string;
  reason: string;
}

/** Parses a labels file; every bad line is reported with its number and field, and skipped. */
export function parseLabels(text: string): { rows: ConversationLabel[]; errors: LabelLineError[] } {
  const rows: ConversationLabel[] = [];
  const errors: LabelLineError[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      errors.push({ line: i + 1, field: '(line)', reason: `not JSON: ${(e as Error).message}` });
      return;
    }
    const r = LabelSchema.safeParse(json);
    if (!r.success) {
      for (const issue of r.error.issues) errors.push({ line: i + 1, field: issue.path.join('.') || '(line)', reason: issue.message });
      return;
    }
    if (seen.has(r.data.conversationId)) {
      errors.push({ line: i + 1, field: 'conversationId', reason: `${r.data.conversationId} appears twice` });
      return;
    }
    seen.add(r.data.conversationId);
    rows.push(r.data);
  });
  return { rows, errors };
}
