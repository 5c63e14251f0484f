import { z } from 'zod';

/** A source's name: it names its bank (`exchange-<name>`) and its state, so it is persisted and never renamed. */
const Name = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,54}$/, { message: 'must be 1–55 lowercase letters, digits, _ . -' });
/** The name of an environment variable holding a secret: credentials never sit in a config file. */
const EnvName = z.string().regex(/^[A-Z_][A-Z0-9_]{0,127}$/, { message: 'must name an environment variable (A-Z, 0-9, _)' });

const Common = {
  name: Name,
  enabled: z.boolean().default(true),
  /** The PDQ distance at which this source's hashes match (its bank's threshold); sources differ in how they hash and curate. */
  pdqThreshold: z.number().int().min(0).max(63).default(31),
  /** New fingerprints an hour past which the rest are stored quarantined (the first full fetch is not limited). */
  floodLimitPerHour: z.number().int().min(0).max(100_000_000).default(50_000),
  /** How often to fetch. */
  intervalMs: z
    .number()
    .int()
    .min(10_000)
    .max(7 * 86_400_000)
    .default(900_000),
  timeoutMs: z.number().int().min(100).max(600_000).default(60_000),
};

export const ExchangeSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...Common,
    kind: z.literal('ncmec'),
    /** spec: the environment's base, e.g. https://report.cybertip.org/hashsharing (the API is under /v2). */
    baseUrl: z.url(),
    username: z.string().min(1).max(200),
    passwordEnv: EnvName,
    /** The rejection reason GUID sent with negative feedback when NCMEC lists more than one. */
    negativeReasonGuid: z.string().max(64).optional(),
  }),
  z.strictObject({
    ...Common,
    kind: z.literal('stopncii'),
    baseUrl: z.url().default('https://api.stopncii.org/v1'),
    subscriptionKeyEnv: EnvName,
    functionKeyEnv: EnvName,
  }),
  z.strictObject({
    ...Common,
    kind: z.literal('threatexchange'),
    baseUrl: z.url().default('https://graph.facebook.com/v21.0'),
    privacyGroup: z.string().regex(/^\d{1,32}$/, { message: 'must be the numeric privacy group id' }),
    accessTokenEnv: EnvName,
  }),
]);
export type ExchangeSourceConfig = z.output<typeof ExchangeSourceSchema>;

export const ExchangesConfigSchema = z
  .strictObject({
    sources: z
      .array(ExchangeSourceSchema)
      .max(50)
      .default([])
      .refine((s) => new Set(s.map((x) => x.name)).size === s.length, { message: 'source names must be unique' }),
    /** How often the background loop looks for sources due, and for verdicts owed to sources. */
    pollMs: z.number().int().min(1000).max(3_600_000).default(30_000),
    /** A verdict whose delivery failed this many times is given up (and shown as failed). */
    feedbackMaxAttempts: z.number().int().min(1).max(100).default(10),
  })
  .prefault({});
