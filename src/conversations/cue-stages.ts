/** The documented grooming stages and the financial sextortion script, in the order a conversation meets them. */
export const STAGES = [
  'friendship_forming',
  'relationship_forming',
  'risk_assessment',
  'exclusivity_secrecy',
  'isolation_platform_move',
  'image_request',
  'desensitisation',
  'compliance_testing',
  'meeting_request',
  'sextortion_threat',
  'payment_demand',
  'countdown',
] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_BIT = Object.fromEntries(STAGES.map((s, i) => [s, 1 << i])) as Record<Stage, number>;
