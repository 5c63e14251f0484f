import { consumerName } from './bus-options.js';
import type { Bus } from './connect-bus.js';

/** Messages each partition's consumer has not acknowledged yet (waiting plus in flight), by partition. */
export async function partitionLag(bus: Bus): Promise<number[]> {
  const { options, jsm } = bus;
  const lags = await Promise.all(
    Array.from({ length: options.partitions }, async (_, p) => {
      const info = await jsm.consumers.info(options.stream, consumerName(p));
      return info.num_pending + info.num_ack_pending;
    }),
  );
  return lags;
}

/** Reads the lag at most once per `everyMs`: readiness probes and scrapes must not each ask the server for every partition. */
export function cachedLag(bus: Bus, everyMs = 1_000): () => Promise<number[]> {
  let at = 0;
  let last: Promise<number[]> | undefined;
  return () => {
    const now = Date.now();
    if (!last || now - at >= everyMs) {
      at = now;
      last = partitionLag(bus);
      last.catch(() => {
        at = 0; // a failed read is not cached
      });
    }
    return last;
  };
}
