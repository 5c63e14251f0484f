import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';

type Db = Kysely<Database>;

export interface LinkedAccount {
  id: string;
  handle: string | null;
  ageBand: string | null;
  /** Why it is listed: the child written to, the platform's reason, the message count. */
  detail: string | null;
  lastMs: number | null;
}

export interface EarlierCase {
  id: string;
  status: string;
  queue: string;
  outcome: string | null;
  outcomeDetail: string | null;
  openedMs: number;
  closedMs: number | null;
}

export interface LinkedAccounts {
  /** Minors the subject wrote to without a connection (the contacts table), newest first. */
  minorsContacted: LinkedAccount[];
  /** Other adults (or unknown ages) who wrote to those same minors. */
  otherAdults: LinkedAccount[];
  /** Accounts the platform reports as linked (account.upserted linkedAccounts). */
  platformLinked: LinkedAccount[];
  /** The subject's other cases, open or closed, with their decisions. */
  earlierCases: EarlierCase[];
}

const LIMIT = 50;

/**
 * A case subject's network, for investigation (issue 17). Every query runs through a key or
 * an index (contacts by sender and by recipient, account_links by account, cases by subject),
 * so its cost follows the subject's own activity, never the size of the platform.
 *
 * SECURITY: for a viewer who may not see restricted material, decoy accounts are left out of
 * every list (a decoy a reviewer could spot would soon be known to offenders), and so are
 * restricted cases (known images, decoy contacts): core/restricted.ts.
 */
export async function linkedAccountsOf(db: Db, subject: string, caseId: string, seeRestricted: boolean): Promise<LinkedAccounts> {
  const decoys = seeRestricted ? undefined : new Set<string>();
  const minorRows = await db
    .selectFrom('contacts')
    .leftJoin('accounts', 'accounts.id', 'contacts.to_id')
    .select(['contacts.to_id as id', 'accounts.handle', 'accounts.age_band', 'contacts.last_ms', 'contacts.messages'])
    .where('contacts.from_id', '=', subject)
    .orderBy('contacts.last_ms', 'desc')
    .limit(LIMIT)
    .execute();
  const minorIds = minorRows.map((r) => r.id);
  const adultRows =
    minorIds.length === 0
      ? []
      : await db
          .selectFrom('contacts')
          .leftJoin('accounts', 'accounts.id', 'contacts.from_id')
          .select(['contacts.from_id as id', 'contacts.to_id as child', 'accounts.handle', 'accounts.age_band', 'contacts.last_ms'])
          .where('contacts.to_id', 'in', minorIds)
          .where('contacts.from_id', '!=', subject)
          .orderBy('contacts.last_ms', 'desc')
          .limit(LIMIT)
          .execute();
  const linkRows = await db
    .selectFrom('account_links')
    .leftJoin('accounts', 'accounts.id', 'account_links.linked_id')
    .select(['account_links.linked_id as id', 'accounts.handle', 'accounts.age_band', 'account_links.reason', 'account_links.ts_ms'])
    .where('account_links.account_id', '=', subject)
    .orderBy('account_links.ts_ms', 'desc')
    .limit(LIMIT)
    .execute();
  if (decoys) {
    const ids = [...new Set([...minorIds, ...adultRows.map((r) => r.id), ...linkRows.map((r) => r.id)])];
    if (ids.length > 0)
      for (const d of await db.selectFrom('decoys').select('account_id').where('account_id', 'in', ids).execute()) decoys.add(d.account_id);
  }
  const shown = (id: string) => !decoys?.has(id);
  const caseRows = await db
    .selectFrom('cases')
    .select(['id', 'status', 'queue', 'outcome', 'outcome_category', 'outcome_reason', 'opened_ms', 'closed_ms'])
    .where('subject_account', '=', subject)
    .where('id', '!=', caseId)
    .$if(!seeRestricted, (q) => q.where('restricted', '=', 0))
    .orderBy('opened_ms', 'desc')
    .limit(20)
    .execute();
  return {
    minorsContacted: minorRows
      .filter((r) => shown(r.id))
      .map((r) => ({ id: r.id, handle: r.handle, ageBand: r.age_band, detail: `${r.messages} messages`, lastMs: r.last_ms })),
    otherAdults: adultRows
      .filter((r) => shown(r.id) && shown(r.child))
      .map((r) => ({ id: r.id, handle: r.handle, ageBand: r.age_band, detail: `wrote to ${r.child}`, lastMs: r.last_ms })),
    platformLinked: linkRows
      .filter((r) => shown(r.id))
      .map((r) => ({ id: r.id, handle: r.handle, ageBand: r.age_band, detail: r.reason, lastMs: r.ts_ms })),
    earlierCases: caseRows.map((r) => ({
      id: r.id,
      status: r.status,
      queue: r.queue,
      outcome: r.outcome,
      outcomeDetail: r.outcome_category ?? r.outcome_reason,
      openedMs: r.opened_ms,
      closedMs: r.closed_ms,
    })),
  };
}
