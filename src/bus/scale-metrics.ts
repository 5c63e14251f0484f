import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The Prometheus metrics of the scale-out roles (docs/scale-out.md, Operations). One registry
 * per process (tests start several roles in one process). Labels are closed sets: a category,
 * a reason, a partition number; never an account or event id.
 */
export interface ScaleMetrics {
  registry: Registry;
  published: Counter;
  refused: Counter;
  processed: Counter;
  alerts: Counter<'category'>;
  decisions: Counter<'reason'>;
  batchSeconds: Histogram;
  endToEnd: Histogram;
  modelDelay: Histogram;
  lag: Gauge<'partition'>;
  outbox: Gauge<'outbox'>;
}

const LATENCY = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createScaleMetrics(): ScaleMetrics {
  const registry = new Registry();
  const r = [registry];
  return {
    registry,
    published: new Counter({ name: 'warden_ingest_published_total', help: 'events the stream acknowledged', registers: r }),
    refused: new Counter({
      name: 'warden_ingest_refused_total',
      help: 'events answered 503 (stream over its limit or bus down)',
      registers: r,
    }),
    processed: new Counter({ name: 'warden_events_processed_total', help: 'events committed by this worker', registers: r }),
    alerts: new Counter({ name: 'warden_alerts_total', help: 'alerts raised, by category', labelNames: ['category'], registers: r }),
    decisions: new Counter({
      name: 'warden_gate_decisions_total',
      help: 'gate decisions, by reason',
      labelNames: ['reason'],
      registers: r,
    }),
    batchSeconds: new Histogram({ name: 'warden_batch_seconds', help: 'time to process one batch', buckets: LATENCY, registers: r }),
    endToEnd: new Histogram({
      name: 'warden_end_to_end_seconds',
      help: 'from the stream acknowledging an event to its effects committed',
      buckets: LATENCY,
      registers: r,
    }),
    modelDelay: new Histogram({
      name: 'warden_model_delay_seconds',
      help: 'from a commit on one node to its facts in this node memory',
      buckets: LATENCY,
      registers: r,
    }),
    lag: new Gauge({
      name: 'warden_partition_lag',
      help: 'messages not yet acknowledged, by partition',
      labelNames: ['partition'],
      registers: r,
    }),
    outbox: new Gauge({
      name: 'warden_outbox_depth',
      help: 'rows waiting in an outbox: webhook deliveries, or CyberTipline reports approved and not yet acknowledged',
      labelNames: ['outbox'],
      registers: r,
    }),
  };
}
