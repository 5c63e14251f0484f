import { createHash } from 'node:crypto';
import { AppError } from '../core/app-error.js';
import type { Clock } from '../core/clock.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Store } from '../store/store.js';
import { defaultPolicySource, parsePolicy } from './parse-policy.js';
import type { Policy } from './policy-schema.js';
import { findPolicy, insertPolicy, latestPolicy, listPolicies } from './rule-store.js';

export interface PolicyVersion {
  /** 0: the default that ships, never stored. */
  version: number;
  policy: Policy;
  source: string;
  createdBy: string;
  createdMs: number;
  note: string | null;
}

export interface PolicyStore {
  /** The policy in force (cached; refreshed by `save`). */
  current(): Promise<PolicyVersion>;
  /** Validates and stores a new version; invalid sources throw `invalid_input` naming each field. */
  save(source: string, actor: string, note?: string): Promise<PolicyVersion>;
  list(): Promise<Omit<PolicyVersion, 'policy' | 'source'>[]>;
  get(version: number): Promise<PolicyVersion | undefined>;
}

function parseOrThrow(source: string): Policy {
  const r = parsePolicy(source);
  if (!r.ok)
    throw new AppError('invalid_input', `the policy is not valid: ${r.error.map((i) => `${i.field}: ${i.reason}`).join('; ')}`, {
      issues: r.error,
    });
  return r.value;
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function createPolicyStore(deps: { store: Store; ledger: Ledger; clock: Clock }): PolicyStore {
  const { store, ledger, clock } = deps;
  let cached: PolicyVersion | undefined;
  const fallback = (): PolicyVersion => {
    const source = defaultPolicySource();
    return {
      version: 0,
      policy: parseOrThrow(source),
      source,
      createdBy: 'warden',
      createdMs: 0,
      note: 'the default policy that ships with Warden',
    };
  };
  const toVersion = (r: {
    version: number;
    source: string;
    created_by: string;
    created_ms: number;
    note: string | null;
  }): PolicyVersion => ({
    version: r.version,
    policy: parseOrThrow(r.source),
    source: r.source,
    createdBy: r.created_by,
    createdMs: r.created_ms,
    note: r.note,
  });
  async function latest(): Promise<PolicyVersion> {
    const row = await latestPolicy(store.db);
    return row ? toVersion(row) : fallback();
  }
  return {
    async current() {
      cached ??= await latest();
      return cached;
    },
    async save(source, actor, note) {
      const policy = parseOrThrow(source);
      const nowMs = clock.now();
      // The version is assigned inside the commit, so two saves never take one number.
      await ledger.apply({
        statements: [insertPolicy(store.db, { source, createdBy: actor, nowMs, note: note ?? null })],
        audit: [
          {
            actor,
            action: 'policy.updated',
            target: { type: 'policy', id: 'latest' },
            detail: { sha256: sha256(source), rules: policy.rules.length, note: note ?? null },
          },
        ],
      });
      cached = await latest();
      return cached;
    },
    async list() {
      const rows = await listPolicies(store.db);
      return rows.map((r) => ({ version: r.version, createdBy: r.created_by, createdMs: r.created_ms, note: r.note }));
    },
    async get(version) {
      if (version === 0) return fallback();
      const row = await findPolicy(store.db, version);
      return row ? toVersion(row) : undefined;
    },
  };
}
