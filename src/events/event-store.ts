import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';

/** The stored bodies of these event ids (those found), by id: for comparing a re-sent event with the one accepted. */
export async function storedBodies(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  const stored = new Map<string, string>();
  // In chunks of 500: a bound list of parameters per statement, well under SQLite's limit.
  for (let k = 0; k < ids.length; k += 500) {
    for (const r of await db
      .selectFrom('events')
      .select(['id', 'body'])
      .where('id', 'in', ids.slice(k, k + 500))
      .execute())
      stored.set(r.id, r.body);
  }
  return stored;
}
