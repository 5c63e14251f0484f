import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { WardenConfig } from '../config/config-schema.js';
import type { AuditInput } from './audit-chain.js';
import type { Store } from '../store/store.js';
import { lastDetailOf } from './audit-store.js';

/** SECURITY: settings that are secrets are recorded as "set" or absent, never their values. */
const SECRET = /password|secret|keys$|signingKey/i;

function flatten(v: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  } else out[prefix] = SECRET.test(prefix) ? (v === undefined ? undefined : '(set)') : v;
  return out;
}

/** A database URL without its password. */
const redactUrl = (u: string) => u.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:(set)@');

/**
 * "Who changed what, and when": at start, the configuration in force (secrets redacted) is
 * compared with the last one recorded, and a `config.changed` entry names the settings that
 * differ. Configuration lives in files and the environment, so this is where a change is seen.
 */
export async function auditConfig(
  store: Store,
  engine: { audit(entries: AuditInput[]): Promise<void> },
  config: WardenConfig,
): Promise<string[] | undefined> {
  const flat = flatten(config);
  flat['store.url'] = redactUrl(String(flat['store.url']));
  const json = canonicalize(flat)!;
  const sha256 = createHash('sha256').update(json).digest('hex');
  const last = await lastDetailOf(store.db, 'config.changed');
  const prev = last ? (JSON.parse(last) as { sha256: string; settings: Record<string, unknown> }) : undefined;
  if (prev?.sha256 === sha256) return undefined;
  const keys = new Set([...Object.keys(flat), ...Object.keys(prev?.settings ?? {})]);
  const changed = [...keys].filter((k) => JSON.stringify(flat[k]) !== JSON.stringify(prev?.settings[k])).sort();
  await engine.audit([{ actor: 'system:config', action: 'config.changed', detail: { sha256, changed, settings: flat } }]);
  return changed;
}
