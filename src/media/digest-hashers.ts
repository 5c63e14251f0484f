import { createHash } from 'node:crypto';
import { ok } from '../core/result.js';
import type { Hasher } from './hasher.js';

const text = (s: string) => () => new TextEncoder().encode(s);

function digestHasher(
  name: 'md5' | 'sha1' | 'sha256' | 'video_md5',
  examples: Hasher['examples'],
  contentKinds: Hasher['contentKinds'] = ['image', 'video'],
): Hasher {
  const algorithm = name === 'video_md5' ? 'md5' : name;
  return {
    name,
    contentKinds,
    async hash(bytes) {
      return ok({ signalType: name, hex: createHash(algorithm).update(bytes).digest('hex') });
    },
    examples,
  };
}

const MD5_EXAMPLES: Hasher['examples'] = [
  { title: 'empty input (RFC 1321)', bytes: text(''), hex: 'd41d8cd98f00b204e9800998ecf8427e' },
  { title: '"abc" (RFC 1321)', bytes: text('abc'), hex: '900150983cd24fb0d6963f7d28e17f72' },
];

/** Exact digests of the bytes: what NCMEC and industry lists carry besides PDQ. Examples are RFC 1321 / FIPS 180 test vectors. */
export const md5Hasher = digestHasher('md5', MD5_EXAMPLES);

/** NCMEC's hash sharing and ThreatExchange carry SHA-1 beside MD5 (`SHA1`, `HASH_SHA1`). */
export const sha1Hasher = digestHasher('sha1', [
  { title: 'empty input (FIPS 180-1)', bytes: text(''), hex: 'da39a3ee5e6b4b0d3255bfef95601890afd80709' },
  { title: '"abc" (FIPS 180-1)', bytes: text('abc'), hex: 'a9993e364706816aba3e25717850c26c9cd0d89d' },
]);

export const sha256Hasher = digestHasher('sha256', [
  { title: 'empty input', bytes: text(''), hex: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
  { title: '"abc" (FIPS 180-2)', bytes: text('abc'), hex: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
]);

/**
 * StopNCII's `VideoMD5` and HMA's `video_md5`: the MD5 of a video file's bytes. A type of its
 * own because sources name it apart; the matcher looks it up with the file's MD5.
 */
export const videoMd5Hasher = digestHasher('video_md5', MD5_EXAMPLES, ['video']);
