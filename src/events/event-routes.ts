import type { FastifyInstance } from 'fastify';
import { AppError, type FieldIssue } from '../core/app-error.js';
import type { RouteContext } from '../server/route-context.js';
import { differsFromStored } from './differs-from-stored.js';
import { LIMITS } from './limits.js';
import { validateEvent, type ValidEvent } from './validate-event.js';

export interface Rejected {
  index: number;
  id?: string;
  errors: FieldIssue[];
}

/** An event whose id was accepted before with different content: acknowledged and ignored (spec: the id is the idempotency key), but not a plain re-send. */
export interface Conflict {
  index: number;
  id: string;
  reason: string;
}

export interface IngestResponse {
  /** True when at least one event was rejected or conflicted (as in Elasticsearch's bulk API). */
  errors: boolean;
  accepted: number;
  /** Re-sends of an event already accepted, with the same content. */
  duplicates: number;
  /** Ids already accepted with different content (docs/protocol-extensions.md). */
  conflicts: Conflict[];
  rejected: Rejected[];
  alerts: number;
}

/** The duplicates in this batch that reuse an accepted id with different content. */
async function findConflicts(ctx: RouteContext, items: ValidEvent[], statuses: readonly string[], indexOf: number[]): Promise<Conflict[]> {
  const dup: number[] = [];
  for (let i = 0; i < statuses.length; i++) if (statuses[i] !== 'accepted') dup.push(i);
  const differing = await differsFromStored(
    ctx.store.db,
    dup.map((i) => items[i]!),
  );
  return differing.map((k) => ({
    index: indexOf[dup[k]!]!,
    id: items[dup[k]!]!.event.id,
    reason: 'an event with this id was already accepted with different content; this one was ignored',
  }));
}

/**
 * `POST /v1/events` (spec: a JSON array, at most 1,000 events or 4 MiB). Each event is
 * judged alone: the bad ones come back with index, field and reason; the good ones are
 * persisted before the response is sent. If every event is bad the answer is a 400.
 */
export function eventRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post('/v1/events', async (req, reply): Promise<IngestResponse> => {
    const body = req.body;
    // Other routes take raw bytes (media uploads), so a parser exists for them; events are JSON only.
    if (Buffer.isBuffer(body)) throw new AppError('unsupported_media_type', 'send the events as application/json');
    if (!Array.isArray(body)) {
      throw new AppError('invalid_input', 'the body must be a JSON array of events', {
        issues: [{ field: '(body)', reason: 'must be an array' }],
      });
    }
    if (body.length > LIMITS.batchMaxEvents) {
      throw new AppError('payload_too_large', `a batch holds at most ${LIMITS.batchMaxEvents} events; this one has ${body.length}`);
    }
    const nowMs = ctx.clock.now();
    const opts = { nowMs, maxFutureSkewMs: ctx.config.ingest.maxFutureSkewSeconds * 1000 };
    const items: ValidEvent[] = [];
    const indexOf: number[] = [];
    const rejected: Rejected[] = [];
    for (let i = 0; i < body.length; i++) {
      const raw: unknown = body[i];
      const r = validateEvent(raw, opts);
      if (r.ok) {
        items.push(r.value);
        indexOf.push(i);
      } else {
        const id = (raw as { id?: unknown } | null)?.id;
        rejected.push(
          typeof id === 'string' ? { index: i, id: id.slice(0, LIMITS.idMaxChars), errors: r.error } : { index: i, errors: r.error },
        );
      }
    }
    if (items.length === 0 && rejected.length > 0) {
      reply.code(400).type('application/problem+json');
      return {
        type: 'urn:warden:problem:invalid_input',
        title: 'Invalid input',
        status: 400,
        detail: `all ${rejected.length} events were rejected`,
        errors: rejected.flatMap((r) => r.errors.map((e) => ({ index: r.index, ...(r.id ? { id: r.id } : {}), ...e }))),
      } as never;
    }
    const outcome = await ctx.ingest.ingest(items);
    let accepted = 0;
    for (const s of outcome.statuses) if (s === 'accepted') accepted++;
    const conflicts = await findConflicts(ctx, items, outcome.statuses, indexOf);
    return {
      errors: rejected.length > 0 || conflicts.length > 0,
      accepted,
      duplicates: outcome.statuses.length - accepted - conflicts.length,
      conflicts,
      rejected,
      alerts: outcome.alerts.length,
    };
  });
}
