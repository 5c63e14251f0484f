import type { AlertDraft } from '../alerts/alert-schema.js';
import { FLAG, type Facts } from '../facts/facts.js';

const isDecoy = (facts: Facts, id: string) => {
  const idx = facts.indexOf(id);
  return idx >= 0 && (facts.flags(idx) & FLAG.decoy) !== 0;
};

/**
 * SECURITY: a decoy account is named only by `decoy_contact`, whose alerts are restricted
 * (issue 19). Another detector's draft that names a decoy (an unwanted contact, a fan-out to
 * minors that includes it) would show the decoy to reviewers and, through the actions it
 * causes, to the platform: the decoy is taken out of it, and a draft about the decoy alone is
 * dropped, since `decoy_contact` covers that contact with the full context. Detectors that
 * read what others raised (`account_risk`) see the drafts as shown.
 */
export function hideDecoys(detector: string, drafts: readonly AlertDraft[], facts: Facts): readonly AlertDraft[] {
  if (detector === 'decoy_contact' || drafts.length === 0) return drafts;
  let out: AlertDraft[] | undefined;
  for (let i = 0; i < drafts.length; i++) {
    const shown = hideDecoy(drafts[i]!, facts);
    if (shown === drafts[i] && !out) continue;
    out ??= drafts.slice(0, i);
    if (shown) out.push(shown);
  }
  return out ?? drafts;
}

function hideDecoy(draft: AlertDraft, facts: Facts): AlertDraft | undefined {
  if (isDecoy(facts, draft.subjectAccountId)) return undefined;
  const related = draft.relatedAccountIds;
  if (!related || !related.some((id) => isDecoy(facts, id))) return draft;
  const kept = related.filter((id) => !isDecoy(facts, id));
  return kept.length === 0 ? undefined : { ...draft, relatedAccountIds: kept };
}
