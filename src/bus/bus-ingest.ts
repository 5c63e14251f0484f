import { headers } from 'nats';
import type { Logger } from 'pino';
import { AppError } from '../core/app-error.js';
import type { IngestOutcome } from '../engine/create-engine.js';
import type { IngestItem, IngestStatus } from '../engine/ingest-item.js';
import { eventSubject, PUBLISHED_HEADER } from './bus-options.js';
import type { Bus } from './connect-bus.js';
import { partitionOf } from './partition-of.js';

/**
 * `warden serve --bus`: validated events go to their partition's subject, and the answer
 * waits for every acknowledgement from the stream. Anything the stream did not take fails the
 * whole request with `not_ready` (503 + Retry-After), so the platform retries it: the event
 * ids make the retry safe (Nats-Msg-Id within the duplicate window, the store after it).
 * Alerts are raised later by the workers, so the answer counts none.
 */
export function createBusIngest(bus: Bus, logger: Logger, onPublished?: (n: number) => void) {
  async function ingest(items: readonly IngestItem[]): Promise<IngestOutcome> {
    const { options, js } = bus;
    if (!bus.connected) {
      throw new AppError('not_ready', 'the event bus is not reachable; retry shortly');
    }
    const statuses: IngestStatus[] = new Array(items.length);
    const acks = items.map((it) => {
      const h = headers();
      h.set('Nats-Msg-Id', it.event.id);
      h.set(PUBLISHED_HEADER, String(Date.now()));
      const body = it.body ?? JSON.stringify(it.event);
      return js.publish(eventSubject(options, partitionOf(it.event, options.partitions)), body, {
        headers: h,
        timeout: options.publishTimeoutMs,
      });
    });
    const settled = await Promise.allSettled(acks);
    let failed = 0;
    let firstError: unknown;
    for (let i = 0; i < settled.length; i++) {
      const s = settled[i]!;
      if (s.status === 'fulfilled') statuses[i] = s.value.duplicate ? 'duplicate' : 'accepted';
      else {
        failed++;
        firstError ??= s.reason;
      }
    }
    onPublished?.(settled.length - failed);
    if (failed > 0) {
      // SECURITY: the error names no event content, only the count and the bus's reason.
      const api = (firstError as { api_error?: { err_code?: number; code?: number } } | undefined)?.api_error;
      logger.warn({ failed, of: items.length, errCode: api?.err_code, status: api?.code }, 'the stream refused events; answering 503');
      throw new AppError(
        'not_ready',
        `the event stream did not take ${failed} of ${items.length} events (it is over its limit, or the bus is unreachable); retry the batch`,
        { cause: firstError },
      );
    }
    return { statuses, alerts: [] };
  }
  return { ingest };
}
