import { z } from 'zod';
import { AppError } from '../core/app-error.js';
import { zodIssues } from '../events/validate-event.js';

/**
 * The scale-out settings (docs/scale-out.md). The partition count is fixed for the life of a
 * stream: it is part of every subject, and changing it would move keys between partitions
 * while their old messages are still pending. Pick it for the most workers you will run.
 */
export const BusOptionsSchema = z.strictObject({
  url: z
    .string()
    .refine((s) => s.startsWith('nats://'), { message: 'must be a nats:// URL' })
    .default('nats://127.0.0.1:4222'),
  stream: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, { message: 'must be 1 to 32 letters, digits, _ or -' })
    .default('WARDEN'),
  partitions: z.number().int().min(1).max(1024).default(16),
  /** Back-pressure: past this many unprocessed messages (or bytes) the stream refuses new ones and ingest answers 503. */
  maxMessages: z.number().int().min(1).default(10_000_000),
  maxBytes: z
    .number()
    .int()
    .min(1024)
    .default(8 * 1024 ** 3),
  /** How long a delivered message may stay unacknowledged before it is redelivered (a dead worker's batch). */
  ackWaitMs: z.number().int().min(500).default(30_000),
  /** Messages a worker takes from one partition per commit. */
  batch: z.number().int().min(1).max(10_000).default(1000),
  /**
   * Each node applies other nodes' hash-bank changes after a random delay up to this, so that a
   * large bank change never makes every node rework its index in the same instant.
   */
  bankJitterMs: z.number().int().min(0).max(600_000).default(2_000),
  /** How long a publish waits for the stream's acknowledgement before ingest answers 503. */
  publishTimeoutMs: z.number().int().min(100).default(5_000),
});

export type BusOptions = z.output<typeof BusOptionsSchema>;

/** Parses bus settings from a command's flags or a test, naming the field and the reason when one is wrong. */
export function busOptions(input: Record<string, unknown>): BusOptions {
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const r = BusOptionsSchema.safeParse(defined);
  if (!r.success) {
    const issues = zodIssues(r.error);
    throw new AppError('config_invalid', `bus settings: ${issues.map((i) => `${i.field}: ${i.reason}`).join('; ')}`, { issues });
  }
  return r.data;
}

export const eventSubject = (o: Pick<BusOptions, 'stream'>, partition: number) => `${o.stream.toLowerCase()}.events.${partition}`;
export const modelSubject = (o: Pick<BusOptions, 'stream'>) => `${o.stream.toLowerCase()}.model`;
export const modelStream = (o: Pick<BusOptions, 'stream'>) => `${o.stream}_MODEL`;
export const consumerName = (partition: number) => `warden-p${partition}`;

/** Header the server sets on each event: when the stream was asked to take it (end-to-end latency). */
export const PUBLISHED_HEADER = 'Warden-Published-Ms';
