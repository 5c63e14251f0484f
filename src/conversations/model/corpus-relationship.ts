import type { LabelledConversation } from './training-data.js';

type TrainingRelationship = NonNullable<LabelledConversation['context']['relationship']>;

/**
 * The relationship a shared corpus's `labels.jsonl` gives a conversation (`relationship:
 * {kind, connectedDaysBeforeFirstMessage, initiatedBy, firstMessageBy?, mutualConnections}`),
 * in the training format's `context.relationship`. Corpus a has no `firstMessageBy`; its
 * `initiatedBy` (who requested the link, or who wrote first without one) stands in. Without a
 * link, mutual connections are left out, as the detector does not count them then.
 */
export function relationshipFromLabel(raw: unknown): TrainingRelationship | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  const kinds = ['none', 'follow', 'contact', 'friend', 'family', 'guardian', 'household'] as const;
  const kind = kinds.find((k) => k === r.kind);
  if (!kind) return undefined;
  const by = (v: unknown) => (v === 'adult' || v === 'minor' ? v : undefined);
  const days = typeof r.connectedDaysBeforeFirstMessage === 'number' ? r.connectedDaysBeforeFirstMessage : null;
  const mutuals = typeof r.mutualConnections === 'number' && Number.isInteger(r.mutualConnections) ? r.mutualConnections : null;
  return {
    kind,
    linkedDaysBefore: kind === 'none' ? null : days,
    firstBy: by(r.firstMessageBy) ?? by(r.initiatedBy) ?? 'unknown',
    mutuals: kind === 'none' ? null : mutuals,
  };
}

/** A training row with the relationship its label gives, where the row has none of its own. */
export function withLabelRelationship(row: LabelledConversation, label: Record<string, unknown> | undefined): LabelledConversation {
  if (row.context.relationship || !label) return row;
  const relationship = relationshipFromLabel(label.relationship);
  return relationship ? { ...row, context: { ...row.context, relationship } } : row;
}
