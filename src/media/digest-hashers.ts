import { createHash } from 'node:crypto';
import { ok } from '../core/result.js';
import type { Hasher } from './hasher.js';

const text = (s: string) => () => new TextEncoder().encode(s);

function digestHasher(name: 'md5' | 'sha256', examples: Hasher['examples']): Hasher {
  return {
    name,
    contentKinds: ['image', 'video'],
    async hash(bytes) {
      return ok({ signalType: name, hex: createHash(name).update(bytes).digest('hex') });
    },
    examples,
  };
}

/** Exact digests of the bytes: what NCMEC and industry lists carry besides PDQ. Examples are RFC 1321 / FIPS 180-2 test vectors. */
export const md5Hasher = digestHasher('md5', [
  { title: 'empty input (RFC 1321)', bytes: text(''), hex: 'd41d8cd98f00b204e9800998ecf8427e' },
  { title: '"abc" (RFC 1321)', bytes: text('abc'), hex: '900150983cd24fb0d6963f7d28e17f72' },
]);

export const sha256Hasher = digestHasher('sha256', [
  { title: 'empty input', bytes: text(''), hex: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
  { title: '"abc" (FIPS 180-2)', bytes: text('abc'), hex: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
]);
