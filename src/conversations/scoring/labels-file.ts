import { z } from 'zod';
import { parseJsonLines, type JsonLineError } from '../../core/parse-json-lines.js';

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

export type LabelLineError = JsonLineError;

/** Parses a labels file; every bad line is reported with its number and field, and skipped. */
export function parseLabels(text: string): { rows: ConversationLabel[]; errors: LabelLineError[] } {
  return parseJsonLines(text, LabelSchema, { keyOf: (r) => r.conversationId, keyField: 'conversationId' });
}
