import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { FieldIssue } from '../core/app-error.js';
import { err, ok, type Result } from '../core/result.js';
import { zodIssues } from '../events/validate-event.js';
import { PolicySchema, type Policy } from './policy-schema.js';

/** A policy source: YAML (a superset of JSON, so JSON parses too) of at most 1 MiB. */
export function parsePolicy(source: string): Result<Policy, FieldIssue[]> {
  if (Buffer.byteLength(source) > 1024 * 1024) return err([{ field: '(policy)', reason: 'is larger than 1 MiB' }]);
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return err(
      doc.errors.map((e) => ({
        field: '(policy)',
        reason: `line ${e.linePos?.[0]?.line ?? '?'}, column ${e.linePos?.[0]?.col ?? '?'}: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    );
  }
  const parsed = PolicySchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return err(
      zodIssues(parsed.error).map((i) => ({
        field: i.field === '(event)' ? '(policy)' : i.field,
        reason: i.reason.replace('is not a field of this event type', 'is not a policy field'),
      })),
    );
  }
  return ok(parsed.data);
}

/** The policy that ships with Warden (policies/default.yaml), used until one is stored. */
export function defaultPolicySource(): string {
  return readFileSync(new URL('../../policies/default.yaml', import.meta.url), 'utf8');
}
