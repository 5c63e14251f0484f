import { STAGES, STAGE_BIT } from '../cue-lexicon.js';

/*
 * The conversation-level features the combiner sees, computed the same way at training and
 * at run time from the same running state: the stages the cues found, the message model's
 * strongest two messages, and the context (connection, prior flags, the child's age band).
 */

export interface ModelState {
  mask: number;
  /** Messages from this sender in this conversation so far. */
  messages: number;
  /** The message model's two highest probabilities so far. */
  top1: number;
  top2: number;
  /** Messages the message model put at 0.5 or more. */
  high: number;
}

export interface RiskContext {
  unconnected: boolean;
  flagged: boolean;
  /** The youngest recipient is under 16. */
  youngMinor: boolean;
  /**
   * The relationship as graded evidence (relationship.ts), where it is known: a model trained
   * before 2026-12-05 reads only `unconnected`. Without it the features read as an adult
   * the child follows (or no link when `unconnected`), the adult having written first.
   */
  relation?: RelationFeatures | undefined;
}

/** What the combiner reads of the relationship, judged at the conversation's first message. */
export interface RelationFeatures {
  trust: 'approach' | 'sought' | 'connected' | 'established';
  family: boolean;
  /** The link was made after the conversation began (a follow-back). */
  linkedAfter: boolean;
  /** Mutual connections, where counted. */
  mutuals: number | undefined;
  childWroteFirst: boolean;
}

export const CONVERSATION_FEATURES = [
  'bias',
  ...STAGES.map((s) => `stage:${s}`),
  'grooming_stages',
  'message_max',
  'message_second',
  'messages_high',
  'unconnected',
  'flagged',
  'young_minor',
  'threat_with_demand',
  // The relationship (2026-12-05): words are weighed against who is saying them.
  'trust_sought',
  'trust_connected',
  'trust_established',
  'family_link',
  'linked_after_contact',
  'mutual_connections',
  'child_wrote_first',
  // What the adult does, whoever they are: secrecy or another app together with a gift, an
  // image or a meeting is the script of a known adult who grooms (trusted_adult_grooming).
  'hidden_with_request',
] as const;

const GROOMING = [
  'friendship_forming',
  'relationship_forming',
  'risk_assessment',
  'exclusivity_secrecy',
  'isolation_platform_move',
  'desensitisation',
  'compliance_testing',
] as const;

export const emptyModelState = (): ModelState => ({ mask: 0, messages: 0, top1: 0, top2: 0, high: 0 });

/** Folds one message (its stage mask and message-model probability) into the state. */
export function addMessage(s: ModelState, mask: number, p: number): void {
  s.mask |= mask;
  s.messages++;
  if (p > s.top1) {
    s.top2 = s.top1;
    s.top1 = p;
  } else if (p > s.top2) s.top2 = p;
  if (p >= 0.5) s.high++;
}

/** Secrecy or a move to another app, together with an image or meeting request or a gift: the script of a known adult who grooms. */
export function hiddenWithRequest(mask: number): boolean {
  const hidden = mask & (STAGE_BIT.exclusivity_secrecy | STAGE_BIT.isolation_platform_move);
  return hidden !== 0 && (mask & (STAGE_BIT.image_request | STAGE_BIT.meeting_request | STAGE_BIT.relationship_forming)) !== 0;
}

export function featureVector(s: ModelState, ctx: RiskContext): Float64Array {
  const x = new Float64Array(CONVERSATION_FEATURES.length);
  let i = 0;
  x[i++] = 1;
  for (const st of STAGES) x[i++] = s.mask & STAGE_BIT[st] ? 1 : 0;
  let g = 0;
  for (const st of GROOMING) if (s.mask & STAGE_BIT[st]) g++;
  x[i++] = g / GROOMING.length;
  x[i++] = s.top1;
  x[i++] = s.top2;
  x[i++] = Math.min(5, s.high) / 5;
  x[i++] = ctx.unconnected ? 1 : 0;
  x[i++] = ctx.flagged ? 1 : 0;
  x[i++] = ctx.youngMinor ? 1 : 0;
  // Not the number of messages: in both shared corpora risky threads run longer than benign
  // ones (their READMEs say so), and a model that learns length learns the generator.
  x[i++] = s.mask & STAGE_BIT.sextortion_threat && s.mask & (STAGE_BIT.payment_demand | STAGE_BIT.countdown) ? 1 : 0;
  const r = ctx.relation;
  const trust = r?.trust ?? (ctx.unconnected ? 'approach' : 'connected');
  x[i++] = trust === 'sought' ? 1 : 0;
  x[i++] = trust === 'connected' ? 1 : 0;
  x[i++] = trust === 'established' ? 1 : 0;
  x[i++] = r?.family ? 1 : 0;
  x[i++] = r?.linkedAfter ? 1 : 0;
  x[i++] = Math.min(5, r?.mutuals ?? 0) / 5;
  x[i++] = r?.childWroteFirst ? 1 : 0;
  x[i++] = hiddenWithRequest(s.mask) ? 1 : 0;
  return x;
}
