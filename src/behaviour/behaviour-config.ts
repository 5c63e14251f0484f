import { z } from 'zod';

export const BehaviourConfigSchema = z
  .strictObject({
    /** Accounts of unknown age are treated as adults when they contact minors (the cautious side). */
    treatUnknownAgeAsAdult: z.boolean().default(true),
    suspiciousAdult: z
      .strictObject({
        /** Distinct minors who blocked or reported an adult before it is flagged. */
        minorComplaints: z.number().int().min(1).max(1000).default(2),
        /** Distinct unconnected minors messaged within the window before it is flagged. */
        fanOutMinors: z.number().int().min(2).max(100000).default(5),
        fanOutWindowHours: z
          .number()
          .positive()
          .max(24 * 30)
          .default(24),
      })
      .prefault({}),
    accountRisk: z
      .strictObject({
        /** The account score (0–1, noisy-OR of its signals) at which `suspicious_adult` fires; high from halfway to 1. */
        alertAt: z.number().min(0.1).max(1).default(0.8),
        /** A connection request to a minor left unanswered this long counts as ignored. */
        ignoredAfterHours: z
          .number()
          .positive()
          .max(24 * 90)
          .default(48),
      })
      .prefault({}),
    copiedOpeners: z
      .strictObject({
        /** Distinct minors sent the same (or nearly the same) opener within the fan-out window before `suspicious_adult` fires. */
        minMinors: z.number().int().min(2).max(1000).default(3),
      })
      .prefault({}),
  })
  .prefault({});

export type BehaviourConfig = z.output<typeof BehaviourConfigSchema>;
