import type { AuditInput } from './audit-chain.js';

/**
 * The audit entries for a page of a list (cases, evidence, reports, actions): "who knew what,
 * when" counts a list as a read, so the viewer learned about each subject on the page. One
 * entry per subject, naming the listed ids, keeps a 200-row page to a handful of entries.
 */
export function listedEntries(
  actor: string,
  action: string,
  rows: readonly { id: string; subjectAccountId: string }[],
  detail?: Record<string, unknown>,
): AuditInput[] {
  const bySubject = new Map<string, string[]>();
  for (const r of rows) {
    const ids = bySubject.get(r.subjectAccountId) ?? [];
    ids.push(r.id);
    bySubject.set(r.subjectAccountId, ids);
  }
  return [...bySubject].map(([subject, ids]) => ({ actor, action, subjectAccountId: subject, detail: { ...detail, ids } }));
}
