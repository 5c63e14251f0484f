import { z } from 'zod';

export const OUTCOMES = ['allow', 'warn', 'block'] as const;
export type Outcome = (typeof OUTCOMES)[number];
const Outcome = z.enum(OUTCOMES);

const byMinorBand = (under13: Outcome, b1315: Outcome, b1617: Outcome) =>
  z
    .strictObject({
      under13: Outcome.default(under13),
      '13-15': Outcome.default(b1315),
      '16-17': Outcome.default(b1617),
    })
    .prefault({});

export const GateConfigSchema = z
  .strictObject({
    /** `message` and `connect` from an adult to a minor who does not follow or befriend them. */
    unconnectedContact: byMinorBand('block', 'block', 'warn'),
    /** `recommend` between an adult and a minor with no connection from the minor. */
    unconnectedRecommend: byMinorBand('block', 'block', 'warn'),
    /** view_profile, recommend and comment by a flagged account towards a minor. */
    flaggedToMinor: Outcome.default('block'),
    /** An account of unknown age is handled as an adult when it reaches for a minor. */
    treatUnknownAgeAsAdult: z.boolean().default(true),
  })
  .prefault({});

export type GateConfig = z.output<typeof GateConfigSchema>;
