import type { Kysely } from 'kysely';
import type { WardenConfig } from '../config/config-schema.js';
import { caseMediaRef } from '../cases/case-data.js';
import { fetchAllowed, readLimited, resolveInsideRoot } from '../media/hash-media-files.js';
import type { Database } from '../store/tables.js';

/** The bytes of one media item of an event, when Warden can reach them (media root or an allowed host). */
export async function readMediaBytes(
  db: Kysely<Database>,
  media: WardenConfig['media'],
  eventId: string,
  mediaId: string,
): Promise<Buffer | undefined> {
  const ref = await caseMediaRef(db, eventId, mediaId);
  if (!ref) return undefined;
  if (ref.path && media.root) {
    const real = await resolveInsideRoot(media.root, ref.path);
    const read = real ? await readLimited(real, media.maxFileBytes).catch(() => undefined) : undefined;
    return read instanceof Buffer ? read : undefined;
  }
  if (ref.url) {
    const got = await fetchAllowed(ref.url, media);
    return got instanceof Buffer ? got : undefined;
  }
  return undefined;
}
