import type { Command } from 'commander';
import { busOptions, type BusOptions } from '../bus/bus-options.js';

export interface BusFlags {
  bus?: string;
  stream?: string;
  partitions?: number;
  maxBacklog?: number;
  ackWaitMs?: number;
  batch?: number;
  bankJitterMs?: number;
}

const int = (v: string) => Number(v);

/** The event-bus flags `serve` and `worker` share (docs/scale-out.md); every process of one deployment must agree on them. */
export function withBusFlags(cmd: Command): Command {
  return cmd
    .option('--bus <url>', 'publish to / consume from NATS JetStream at this nats:// URL (scale-out mode)')
    .option('--stream <name>', 'JetStream stream name (default WARDEN)')
    .option('--partitions <n>', 'partition count, fixed for the life of the stream (default 16)', int)
    .option('--max-backlog <n>', 'events waiting in the stream before ingest answers 503 (default 10,000,000)', int)
    .option('--ack-wait-ms <ms>', 'redeliver a batch a worker has not acknowledged after this long (default 30000)', int)
    .option('--batch <n>', 'events a worker takes from a partition per commit (default 1000)', int)
    .option('--bank-jitter-ms <ms>', "apply other nodes' hash-bank changes after a random delay up to this (default 2000)", int);
}

export function busFrom(flags: BusFlags): BusOptions {
  return busOptions({
    url: flags.bus,
    stream: flags.stream,
    partitions: flags.partitions,
    maxMessages: flags.maxBacklog,
    ackWaitMs: flags.ackWaitMs,
    batch: flags.batch,
    bankJitterMs: flags.bankJitterMs,
  });
}
