import type { Kysely } from 'kysely';
import { canSeeRestricted, caseView } from '../cases/case-model.js';
import type { TimelineEvent } from '../cases/case-data.js';
import type { CasesTable } from '../cases/case-store.js';
import { linkedAccountsOf } from '../cases/linked-accounts.js';
import type { RouteContext } from '../server/route-context.js';
import type { Database } from '../store/tables.js';
import { statement, type Statement } from '../store/write-set.js';
import type { ConsoleUser } from './console-auth.js';
import { html, type Html } from './html.js';
import { linkedAccountsPanel } from './linked-accounts-panel.js';
import { reassignForm } from './reassign-form.js';
import { assigneesFor } from './work-routes.js';

/** The case page's side cards from issue 17: reassignment and the subject's linked accounts. */
export async function caseSidePanels(ctx: RouteContext, u: ConsoleUser, row: CasesTable): Promise<Html> {
  const nowMs = ctx.clock.now();
  const isAdmin = u.reviewer.roles.includes('admin');
  const c = caseView(row, nowMs);
  const [assignees, linked] = await Promise.all([
    c.status !== 'closed' && (c.claimedBy === u.viewer.actor || isAdmin) ? assigneesFor(ctx, c.restricted) : Promise.resolve([]),
    linkedAccountsOf(ctx.store.db, row.subject_account, row.id, canSeeRestricted(u.viewer)),
  ]);
  return html`${reassignForm({
    c,
    me: u.viewer.actor,
    isAdmin,
    csrf: u.csrf,
    assignees: assignees.filter((a) => `reviewer:${a.id}` !== c.claimedBy),
  })}
  ${linkedAccountsPanel(linked)}`;
}

/**
 * Wellness: a case whose messages the reviewer read counts towards their exposure for the
 * day, once per case, as media reveals do (issue 17): text can weigh as much as an image.
 */
export function countCaseRead(db: Kysely<Database>, reviewerId: string, day: string, caseId: string): Statement {
  return statement(
    db
      .insertInto('reviewer_case_reads')
      .values({ reviewer_id: reviewerId, day, case_id: caseId })
      .onConflict((oc) => oc.columns(['reviewer_id', 'day', 'case_id']).doNothing()),
  );
}

/** How many cases' messages the reviewer read on `day`. */
export async function caseReadsOn(db: Kysely<Database>, reviewerId: string, day: string): Promise<number> {
  const r = await db
    .selectFrom('reviewer_case_reads')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('reviewer_id', '=', reviewerId)
    .where('day', '=', day)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Whether a case page shows message text: what makes its read count. */
export const hasText = (timeline: readonly TimelineEvent[]) => timeline.some((e) => e.type === 'message.sent' && !!e.text);
