import { SIGNAL_TYPES } from '../media/hasher.js';
import type { ExchangeKind } from './exchange.js';

/**
 * The fingerprint types Warden stores in banks, under the names HMA and python-threatexchange
 * use. Matching exists today for the media hashers' types (SIGNAL_TYPES); the video ones are
 * stored with their type so that video matching finds them when it arrives.
 */
export const STORED_TYPES = ['pdq', 'md5', 'sha1', 'sha256', 'tmk_pdqf', 'video_md5', 'vpdq'] as const;
export type StoredType = (typeof STORED_TYPES)[number];

/** What each source calls its types (spec: NCMEC hash sharing API v2 FingerprintType; StopNCII SignalType; ThreatExchange indicator types). */
const BY_SOURCE: Record<ExchangeKind, Record<string, StoredType>> = {
  ncmec: { MD5: 'md5', SHA1: 'sha1', PDQ: 'pdq', TMK_PDQF: 'tmk_pdqf' },
  stopncii: { ImagePDQ: 'pdq', VideoMD5: 'video_md5', VideoTMK: 'tmk_pdqf' },
  threatexchange: {
    HASH_PDQ: 'pdq',
    HASH_MD5: 'md5',
    HASH_SHA1: 'sha1',
    HASH_SHA256: 'sha256',
    HASH_TMK: 'tmk_pdqf',
    HASH_VIDEO_MD5: 'video_md5',
  },
};

const HEX: Partial<Record<StoredType, number>> = { pdq: 64, md5: 32, sha1: 40, sha256: 64, video_md5: 32 };
/** TMK+PDQF and vPDQ are long serialised features, not fixed-length hex; this bounds them. */
const MAX_FEATURE_CHARS = 512 * 1024;

export type Mapped =
  { kind: 'stored'; type: StoredType; value: string } | { kind: 'unsupported'; reason: string } | { kind: 'invalid'; reason: string };

/**
 * A source's fingerprint as Warden stores it, or why it is not: a type Warden has no name
 * for is `unsupported` (kept with the entry and counted, never matched); a value that is not
 * what its type must be is `invalid` (counted as an error; the entry's other fingerprints stand).
 */
export function mapFingerprint(kind: ExchangeKind, sourceType: string, value: string): Mapped {
  const table = BY_SOURCE[kind];
  // NCMEC's XML names fingerprints by lowercase tag (<md5>, <pdq>); its feedback paths use upper case.
  const type = table[sourceType] ?? table[sourceType.toUpperCase()];
  if (!type) return { kind: 'unsupported', reason: `${kind} fingerprint type ${sourceType.slice(0, 40)} has no Warden equivalent` };
  const v = value.trim();
  const len = HEX[type];
  if (len !== undefined) {
    if (v.length !== len || !/^[0-9a-fA-F]+$/.test(v))
      return { kind: 'invalid', reason: `a ${sourceType.slice(0, 40)} fingerprint is ${len} hex characters` };
    return { kind: 'stored', type, value: v.toLowerCase() };
  }
  if (v.length === 0 || v.length > MAX_FEATURE_CHARS || /\s/.test(v))
    return {
      kind: 'invalid',
      reason: `a ${sourceType.slice(0, 40)} fingerprint must be 1 to ${MAX_FEATURE_CHARS} characters without spaces`,
    };
  return { kind: 'stored', type, value: v };
}

/**
 * Whether Warden matches this type from an exchange today (the others are stored and reported).
 * Warden matches video too, but from its own vPDQ JSON and `.tmk` files; a source's video
 * fingerprints come in the source's own serialisation, which the video matcher does not read
 * yet, so they are stored and reported, not handed to the matcher to be silently ignored.
 */
const MATCHED_FROM_EXCHANGES: readonly string[] = SIGNAL_TYPES.filter((t) => t === 'pdq' || t === 'md5' || t === 'sha256');
export const isMatchable = (type: string): boolean => MATCHED_FROM_EXCHANGES.includes(type);

/** The source's name for a stored type, for feedback (the reverse of BY_SOURCE). */
export function sourceTypeOf(kind: ExchangeKind, type: StoredType): string | undefined {
  return Object.entries(BY_SOURCE[kind]).find(([, t]) => t === type)?.[0];
}
