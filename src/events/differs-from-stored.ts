import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';
import { EVENT_SCHEMAS, type EventType } from './event-schema.js';
import { storedBodies } from './event-store.js';
import type { ValidEvent } from './validate-event.js';

const digest = (event: unknown) => createHash('sha256').update(canonicalize(event)!).digest('hex');

/**
 * Which of these duplicates differ from the stored event with their id (the positions in
 * `duplicates`): the stored body is validated again (its schema's output is what the
 * incoming event is too) and the SHA-256 of each canonical (RFC 8785) form compared. Called
 * only with duplicates, off the common path, by both doors (POST /v1/events and replay). A
 * stored body that no longer parses counts as different; an id not stored (a duplicate
 * whose first copy was never committed) has nothing to compare with and does not.
 */
export async function differsFromStored(db: Kysely<Database>, duplicates: readonly ValidEvent[]): Promise<number[]> {
  if (duplicates.length === 0) return [];
  const stored = await storedBodies(db, [...new Set(duplicates.map((d) => d.event.id))]);
  const differing: number[] = [];
  duplicates.forEach(({ event }, k) => {
    const body = stored.get(event.id);
    if (body === undefined) return;
    let previous: unknown;
    try {
      const raw = JSON.parse(body) as { type?: string };
      const r = EVENT_SCHEMAS[raw.type as EventType]?.safeParse(raw);
      previous = r?.success ? r.data : undefined;
    } catch {
      previous = undefined;
    }
    if (previous === undefined || digest(previous) !== digest(event)) differing.push(k);
  });
  return differing;
}
