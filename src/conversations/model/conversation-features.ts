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
  return x;
}
