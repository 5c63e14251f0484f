import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { Kysely } from 'kysely';
import type { WardenConfig } from '../config/config-schema.js';
import { caseMediaRef } from '../cases/case-data.js';
import type { Database } from '../store/tables.js';
import { readMediaBytes } from './read-media-bytes.js';

/** Enough of a content type for a browser to render it, and the extension a file of it carries. */
export function sniffMediaType(b: Buffer): { mime: string; ext: string } {
  if (b[0] === 0xff && b[1] === 0xd8) return { mime: 'image/jpeg', ext: '.jpg' };
  if (b.subarray(0, 4).toString('hex') === '89504e47') return { mime: 'image/png', ext: '.png' };
  if (b.subarray(0, 3).toString('latin1') === 'GIF') return { mime: 'image/gif', ext: '.gif' };
  if (b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP')
    return { mime: 'image/webp', ext: '.webp' };
  if (b.subarray(4, 8).toString('latin1') === 'ftyp') return { mime: 'video/mp4', ext: '.mp4' };
  return { mime: 'application/octet-stream', ext: '.bin' };
}

export interface MediaFileFacts {
  /** The name the platform stored it under, with its extension; else the media id with the extension of its bytes. */
  fileName: string;
  /** Hashes Warden computed from the bytes; the event's own when the bytes are out of reach. */
  hashes: { hashType: 'MD5' | 'SHA256' | 'PDQ'; value: string }[];
  /** Whether Warden read the bytes (the hashes are its own). */
  computed: boolean;
}

/**
 * What a report may state about one media file, from the record (issue 17, defect 3): the
 * hashes of the bytes as Warden reads them now, and a file name that keeps its extension,
 * which NCMEC uses to open the upload.
 */
export async function mediaFileFacts(
  db: Kysely<Database>,
  media: WardenConfig['media'],
  eventId: string,
  mediaId: string,
  carried: { sha256?: string | undefined; pdq?: string | undefined },
): Promise<MediaFileFacts> {
  const ref = await caseMediaRef(db, eventId, mediaId);
  const bytes = await readMediaBytes(db, media, eventId, mediaId);
  const stored = ref?.path ? basename(ref.path) : ref?.url ? basename(new URL(ref.url, 'https://x.invalid').pathname) : '';
  const hasExt = /^\.[A-Za-z0-9]{1,5}$/.test(extname(stored));
  const ext = hasExt ? '' : bytes ? sniffMediaType(bytes).ext : '';
  const fileName = hasExt ? stored : `${mediaId}${ext}`;
  const hashes: MediaFileFacts['hashes'] = [];
  if (bytes) {
    hashes.push({ hashType: 'SHA256', value: createHash('sha256').update(bytes).digest('hex') });
    hashes.push({ hashType: 'MD5', value: createHash('md5').update(bytes).digest('hex') });
  } else if (carried.sha256) hashes.push({ hashType: 'SHA256', value: carried.sha256 });
  // PDQ is computed at ingest where the bytes were an image; the event's value is the one on record.
  if (carried.pdq) hashes.push({ hashType: 'PDQ', value: carried.pdq });
  return { fileName, hashes, computed: bytes !== undefined };
}

/** The media of a subject's cases that a reviewer revealed (each reveal is audited before a byte is sent). */
export async function revealedMedia(db: Kysely<Database>, subject: string, mediaIds: readonly string[]): Promise<Set<string>> {
  if (mediaIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('audit_log')
    .select('target_id')
    .where('subject_account', '=', subject)
    .where('action', '=', 'media.revealed')
    .where('target_type', '=', 'media')
    .where('target_id', 'in', mediaIds)
    .execute();
  return new Set(rows.map((r) => r.target_id!));
}
