import { checkHash } from '../media/bank-list-format.js';
import { SIGNAL_TYPES } from '../media/hasher.js';
import type { ExchangeKind } from './exchange.js';

/**
 * The fingerprint types Warden stores in banks, under the names HMA and python-threatexchange
 * use. Each is matched when a media hasher produces it (SIGNAL_TYPES): today all of them.
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
/**
 * TMK+PDQF and vPDQ are long serialised features, not fixed-length hex; this bounds them. A
 * TMK+PDQF of the reference's shape is a 263,344-byte `.tmk` file: 351,128 characters in
 * base64, 526,688 in hex.
 */
export const MAX_FEATURE_CHARS = 1024 * 1024;

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
  // Read as the matcher will read it (a TMK as the .tmk file in base64 or hex), and stored in Warden's one form.
  const checked = checkHash(type, v);
  if (!checked.ok) return { kind: 'invalid', reason: `${sourceType.slice(0, 40)}: ${checked.reason}` };
  return { kind: 'stored', type, value: checked.value };
}

/**
 * Whether Warden matches this stored type (a type without a hasher would be stored and reported,
 * never handed to the matcher to be silently ignored). Sources' TMKs are read in their own
 * serialisation (mapFingerprint); a video MD5 is looked up with the file's MD5.
 */
export const isMatchable = (type: string): boolean => (SIGNAL_TYPES as readonly string[]).includes(type);

/** The source's name for a stored type, for feedback (the reverse of BY_SOURCE). */
export function sourceTypeOf(kind: ExchangeKind, type: StoredType): string | undefined {
  return Object.entries(BY_SOURCE[kind]).find(([, t]) => t === type)?.[0];
}
