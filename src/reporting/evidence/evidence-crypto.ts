import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, sign, timingSafeEqual, type KeyObject } from 'node:crypto';
import { ed25519SigningKey, type SigningKey } from '../../audit/signed-checkpoint.js';
import type { WardenConfig } from '../../config/config-schema.js';
import { AppError } from '../../core/app-error.js';

export interface EvidenceKeys {
  activeKeyId: string;
  key(id: string): Buffer;
  /** Signs exports; its public key is published out of band (`warden evidence public-key`), never shipped in an export. */
  signer?: SigningKey | undefined;
}

/** The evidence signing key alone, for the CLI that prints its public half. */
export function evidenceSigner(cfg: WardenConfig['evidence']): SigningKey | undefined {
  if (!cfg.signingKey) return undefined;
  const pem = cfg.signingKey.includes('BEGIN') ? cfg.signingKey : Buffer.from(cfg.signingKey, 'base64').toString('utf8');
  return ed25519SigningKey(pem, 'evidence.signingKey');
}

/** Reads the evidence keys from config; undefined when none are set (nothing can be preserved). */
export function evidenceKeys(cfg: WardenConfig['evidence']): EvidenceKeys | undefined {
  if (!cfg.keys) return undefined;
  const keys = new Map<string, Buffer>();
  for (const part of cfg.keys.split(',')) {
    const i = part.indexOf(':');
    const id = part.slice(0, i).trim();
    const key = Buffer.from(part.slice(i + 1).trim(), 'base64');
    if (i <= 0 || !/^[A-Za-z0-9_.-]{1,64}$/.test(id))
      throw new AppError('config_invalid', 'evidence.keys must be keyId:base64 pairs separated by commas', {
        issues: [{ field: 'evidence.keys', reason: 'is not keyId:base64,…' }],
      });
    if (key.length !== 32)
      throw new AppError('config_invalid', `evidence key ${id} is not 32 bytes`, {
        issues: [{ field: 'evidence.keys', reason: `key ${id} is ${key.length} bytes, not 32` }],
      });
    keys.set(id, key);
  }
  const activeKeyId = cfg.activeKeyId ?? [...keys.keys()].pop()!;
  if (!keys.has(activeKeyId))
    throw new AppError('config_invalid', `evidence.activeKeyId ${activeKeyId} is not among evidence.keys`, {
      issues: [{ field: 'evidence.activeKeyId', reason: 'names no listed key' }],
    });
  const signer = evidenceSigner(cfg);
  return {
    activeKeyId,
    key(id) {
      const k = keys.get(id);
      if (!k)
        throw new AppError(
          'config_invalid',
          `evidence key ${id} is not configured; add it to evidence.keys to read packages sealed with it`,
        );
      return k;
    },
    signer,
  };
}

/**
 * AES-256-GCM with a random 96-bit IV per file. The additional data binds each ciphertext
 * to its package and name: a file moved to another package or renamed fails to decrypt.
 */
export function seal(key: Buffer, aad: string, plain: Buffer): { iv: string; tag: string; ciphertext: Buffer } {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad));
  const ciphertext = Buffer.concat([c.update(plain), c.final()]);
  return { iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), ciphertext };
}

/** Undefined when the ciphertext, tag, IV or additional data was altered. */
export function open(key: Buffer, aad: string, sealed: { iv: string; tag: string; ciphertext: Uint8Array }): Buffer | undefined {
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    d.setAAD(Buffer.from(aad));
    d.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([d.update(sealed.ciphertext), d.final()]);
  } catch {
    return undefined;
  }
}

export const signManifest = (privateKey: KeyObject, manifest: Buffer) => sign(null, manifest, privateKey);

/**
 * HMAC-SHA256 over a package's stored manifest, under a key derived (HKDF, RFC 5869) from the
 * evidence key that sealed it: the MAC key lives in configuration, so a database writer who
 * edits the manifest (drops a file and its row) cannot make a new MAC.
 */
export function manifestMac(key: Buffer, packageId: string, manifestJson: string): string {
  const macKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'warden evidence manifest mac v1', 32));
  return createHmac('sha256', macKey).update(packageId).update('\n').update(manifestJson).digest('hex');
}

export function macMatches(expected: string, stored: string | null): boolean {
  if (stored === null || stored.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(stored));
}
