import { open, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Logger } from 'pino';
import type { WardenConfig } from '../config/config-schema.js';
import type { MediaRef } from '../events/event-schema.js';
import type { MediaSignals } from './media-matcher.js';
import { md5Hasher, sha1Hasher, sha256Hasher } from './digest-hashers.js';
import { createPdqHasher } from './pdq-hasher.js';
import { hashVideoBytes, videoLimits } from './video/video-hashing.js';

interface HasMedia {
  event: { id: string; type: string; media?: MediaRef; message?: { media?: MediaRef[] } };
  mediaHashes?: Record<string, MediaSignals>;
}

/**
 * Resolves a MediaRef `path` inside the media root. SECURITY: the resolved real path must
 * stay inside the root (no `..`, no absolute paths, no symlinks pointing out), so an event
 * cannot make Warden read arbitrary files.
 */
export async function resolveInsideRoot(root: string, path: string): Promise<string | undefined> {
  if (isAbsolute(path)) return undefined;
  const realRoot = await realpath(root);
  const candidate = resolve(realRoot, path);
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return undefined;
  }
  const rel = relative(realRoot, real);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..') ? real : undefined;
}

/**
 * SECURITY: fetches only URLs whose host is on the allowlist, over https (http only when
 * allowed), without following redirects (a redirect could lead anywhere), with a timeout
 * and a size cap enforced while reading. Returns a code for what went wrong, never the URL.
 */
export async function fetchAllowed(url: string, media: WardenConfig['media']): Promise<Buffer | { code: string }> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { code: 'bad_url' };
  }
  if (!(u.protocol === 'https:' || (u.protocol === 'http:' && media.allowHttp))) return { code: 'scheme_not_allowed' };
  if (!media.allowedHosts.includes(u.host) && !media.allowedHosts.includes(u.hostname)) return { code: 'host_not_allowed' };
  if (u.username || u.password) return { code: 'credentials_in_url' };
  try {
    const res = await fetch(u, { redirect: 'manual', signal: AbortSignal.timeout(media.fetchTimeoutMs) });
    if (res.status !== 200 || !res.body) {
      await res.body?.cancel();
      return { code: `http_${res.status}` };
    }
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > media.maxFileBytes) {
      await res.body.cancel();
      return { code: 'too_large' };
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > media.maxFileBytes) return { code: 'too_large' };
      chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks);
  } catch (e) {
    return { code: (e as Error).name === 'TimeoutError' ? 'timeout' : 'fetch_failed' };
  }
}

export async function readLimited(path: string, maxBytes: number): Promise<Buffer | 'too_large'> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    if (size > maxBytes) return 'too_large';
    return await fh.readFile();
  } finally {
    await fh.close();
  }
}

/**
 * Hashes the media of a batch whose bytes Warden can reach: a `path` under the media root,
 * or a `url` on an allowed host. PDQ with its eight orientations, MD5, SHA-1 and SHA-256; for a
 * video, vPDQ (ffmpeg in a child process, bounded by the media.video* limits). What
 * cannot be read or decoded is logged by media id (never by path or URL) and left to the
 * hashes the event carries.
 */
export async function hashMediaFiles(items: readonly HasMedia[], media: WardenConfig['media'], logger: Logger): Promise<void> {
  const root = media.root;
  const fetching = media.allowedHosts.length > 0;
  if (!root && !fetching) return;
  const pdq = createPdqHasher({ maxPixels: media.maxPixels, jpegShrinkToSide: media.jpegShrinkToSide });
  for (const item of items) {
    const ev = item.event;
    const refs = ev.type === 'media.uploaded' && ev.media ? [ev.media] : ev.type === 'message.sent' ? (ev.message?.media ?? []) : [];
    for (const ref of refs) {
      let bytes: Buffer | undefined;
      if (ref.path && root) {
        const path = await resolveInsideRoot(root, ref.path);
        if (!path) {
          logger.warn({ eventId: ev.id, mediaId: ref.id, code: 'outside_media_root' }, 'media path not readable under the media root');
        } else {
          try {
            const r = await readLimited(path, media.maxFileBytes);
            if (r === 'too_large') logger.warn({ eventId: ev.id, mediaId: ref.id, code: 'too_large' }, 'media file over the size limit');
            else bytes = r;
          } catch (e) {
            logger.warn({ eventId: ev.id, mediaId: ref.id, code: (e as NodeJS.ErrnoException).code }, 'media file unreadable');
          }
        }
      }
      if (!bytes && ref.url && fetching) {
        const r = await fetchAllowed(ref.url, media);
        if (Buffer.isBuffer(r)) bytes = r;
        else logger.warn({ eventId: ev.id, mediaId: ref.id, code: r.code }, 'media url not fetched');
      }
      if (!bytes) continue;
      if (ref.kind === 'video') {
        (item.mediaHashes ??= {})[ref.id] = await videoSignals(bytes, media, logger, ev.id, ref.id);
        continue;
      }
      const p = ref.kind === 'image' ? await pdq.hash(bytes, { dihedral: true }) : undefined;
      const signals = await digestSignals(bytes);
      if (p?.ok) {
        signals.pdq = p.value.hex;
        signals.dihedral = p.value.dihedral;
      } else if (p && !p.ok) logger.warn({ eventId: ev.id, mediaId: ref.id, code: p.error.code }, 'media not hashed with PDQ');
      (item.mediaHashes ??= {})[ref.id] = signals;
    }
  }
}

/** The exact digests banks and exchanges carry: MD5 (also a source's video MD5), SHA-1, SHA-256. */
export async function digestSignals(bytes: Uint8Array): Promise<MediaSignals> {
  const [m, s1, s] = await Promise.all([md5Hasher.hash(bytes), sha1Hasher.hash(bytes), sha256Hasher.hash(bytes)]);
  return { md5: m.ok ? m.value.hex : undefined, sha1: s1.ok ? s1.value.hex : undefined, sha256: s.ok ? s.value.hex : undefined };
}

/**
 * A video's digests and vPDQ. A video that cannot be decoded within the limits keeps its
 * digests (exact-match banks still apply) and is logged by code, never stalling the batch
 * past media.videoTimeoutMs.
 */
async function videoSignals(
  bytes: Buffer,
  media: WardenConfig['media'],
  logger: Logger,
  eventId: string,
  mediaId: string,
): Promise<MediaSignals> {
  const signals = await digestSignals(bytes);
  const v = await hashVideoBytes(bytes, { secondsPerHash: media.vpdqSecondsPerHash, limits: videoLimits(media), tmk: media.videoTmk });
  if (v.ok) {
    signals.vpdq = v.value.vpdq;
    signals.tmk = v.value.tmk;
  } else logger.warn({ eventId, mediaId, code: v.error.code }, 'video not hashed with vPDQ');
  return signals;
}
