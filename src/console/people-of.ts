import type { Kysely } from 'kysely';
import type { TimelineEvent } from '../cases/case-data.js';
import type { CaseDetail } from '../cases/case-store.js';
import { accountsByIds } from '../reporting/report-store.js';
import type { Database } from '../store/tables.js';
import type { Person } from './case-page.js';

/**
 * Everyone a case page names (subject, the accounts its alerts relate, senders and
 * recipients in the timeline) by handle and age band, and reviewers in its history by their
 * display name: a page of bare ids was read slowly and misread (issue 17, item 6).
 */
export async function peopleOf(
  db: Kysely<Database>,
  subject: string,
  detail: CaseDetail,
  timeline: readonly TimelineEvent[],
): Promise<Map<string, Person>> {
  const ids = new Set<string>([subject]);
  for (const a of detail.alerts) for (const r of a.relatedAccountIds ?? []) ids.add(r);
  for (const e of timeline) {
    if (e.from) ids.add(e.from);
    for (const t of e.to ?? []) ids.add(t);
  }
  const out = new Map<string, Person>();
  for (const a of await accountsByIds(db, [...ids].slice(0, 500)))
    out.set(a.id, { handle: a.handle, displayName: a.display_name, ageBand: a.age_band });
  const reviewerIds = [
    ...new Set(
      detail.history
        .map((h) => h.actor)
        .filter((x) => x.startsWith('reviewer:'))
        .map((x) => x.slice('reviewer:'.length)),
    ),
  ];
  if (reviewerIds.length > 0)
    for (const r of await db.selectFrom('reviewers').select(['id', 'display_name']).where('id', 'in', reviewerIds).execute())
      out.set(`reviewer:${r.id}`, { handle: null, displayName: r.display_name, ageBand: null });
  return out;
}
