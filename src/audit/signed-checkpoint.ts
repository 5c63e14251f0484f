import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { AppError } from '../core/app-error.js';

/**
 * A signed statement "the audit log's entry `toSeq` has hash `headHash`", written outside the
 * database. The chain makes every entry depend on the ones before it, so one checkpoint pins
 * entries 1..toSeq: an operator who deletes the tail or edits an entry and re-hashes the rest
 * cannot make the log agree with a checkpoint without the signing key, which is kept apart
 * from the database (a file Warden reads at start, never a setting stored with the data).
 */
export const CheckpointSchema = z.strictObject({
  v: z.literal(1),
  /** The first entry new since the previous checkpoint (1 for the first). */
  fromSeq: z.number().int().min(1),
  /** The head this checkpoint pins; its hash covers every entry up to it. */
  toSeq: z.number().int().min(1),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  ts: z.iso.datetime(),
  /** `sha256:` and the hex SHA-256 of the public key's SPKI DER. */
  keyFingerprint: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  /** Ed25519 over the RFC 8785 form of every other field, base64. */
  signature: z.string().min(1).max(200),
});
export type Checkpoint = z.output<typeof CheckpointSchema>;

/** The bytes a checkpoint's signature covers: RFC 8785 JSON of all its fields but the signature. */
export function checkpointBytes(c: Omit<Checkpoint, 'signature'> & { signature?: string }): Buffer {
  const { signature: _omit, ...body } = c;
  return Buffer.from(canonicalize(body)!);
}

/** A published key's short name: SHA-256 over its SPKI DER (the same as `openssl pkey -pubin -outform DER | sha256sum`). */
export function keyFingerprint(publicKey: KeyObject): string {
  return (
    'sha256:' +
    createHash('sha256')
      .update(publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex')
  );
}

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  fingerprint: string;
}

/** An Ed25519 private key from PKCS#8 PEM text; `what` names the setting in errors. */
export function ed25519SigningKey(pem: string, what: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (cause) {
    throw new AppError('config_invalid', `${what} is not a PKCS#8 PEM private key`, {
      cause,
      issues: [{ field: what, reason: 'is not a PKCS#8 PEM private key' }],
    });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new AppError('config_invalid', `${what} must be an Ed25519 key`, { issues: [{ field: what, reason: 'is not Ed25519' }] });
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: keyFingerprint(publicKey),
  };
}

/** Reads the checkpoint key file named by `audit.checkpointKeyFile`. */
export function readSigningKeyFile(path: string, what = 'audit.checkpointKeyFile'): SigningKey {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new AppError('config_invalid', `cannot read ${what} ${path}`, { cause, issues: [{ field: what, reason: 'cannot be read' }] });
  }
  return ed25519SigningKey(pem, what);
}

/** A public key (SPKI PEM) the verifier already holds; a private key file is accepted too, for the signer's own checks. */
export function readPublicKeyFile(path: string): KeyObject {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new AppError('invalid_input', `cannot read the public key ${path}`, { cause });
  }
  let key: KeyObject;
  try {
    key = pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
  } catch (cause) {
    throw new AppError('invalid_input', `${path} is not a PEM public key`, { cause });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new AppError('invalid_input', `${path} is not an Ed25519 key`);
  return key;
}

export function signCheckpoint(body: Omit<Checkpoint, 'signature' | 'keyFingerprint'>, key: SigningKey): Checkpoint {
  const unsigned = { ...body, keyFingerprint: key.fingerprint };
  return { ...unsigned, signature: sign(null, checkpointBytes(unsigned), key.privateKey).toString('base64') };
}

export type CheckpointLine = { line: number; checkpoint: Checkpoint } | { line: number; error: string };

/** Every line of a checkpoint file, parsed and schema-checked (zod at the edge); blank lines skipped. */
export function readCheckpointFile(path: string): CheckpointLine[] {
  const out: CheckpointLine[] = [];
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      out.push({ line: i + 1, error: 'is not valid JSON' });
      continue;
    }
    const r = CheckpointSchema.safeParse(value);
    out.push(
      r.success
        ? { line: i + 1, checkpoint: r.data }
        : {
            line: i + 1,
            error: `is not a checkpoint: ${r.error.issues.map((x) => `${x.path.join('.') || '(line)'} ${x.message}`).join('; ')}`,
          },
    );
  }
  return out;
}
