import { sql, type Kysely } from 'kysely';
import { RESTRICTED_CATEGORIES } from '../core/restricted.js';
import type { Database } from '../store/tables.js';
import { canSeeRestricted, caseView, type CaseView, type Viewer } from './case-model.js';
import { wordsOf } from '../core/words.js';

type Db = Kysely<Database>;

export interface AccountHit {
  id: string;
  handle: string | null;
  displayName: string | null;
  ageBand: string | null;
  /** The account's cases as a subject, open ones first (those the viewer may see). */
  cases: CaseView[];
}

export interface SearchResult {
  accounts: AccountHit[];
  /** Cases found by id, by conversation id, or by words of the messages they cite. */
  cases: CaseView[];
  /** The words searched for in cited messages (none: the query had no word to search). */
  words: string[];
}

const LIMIT = 50;
/** A query of more words than this is cut: each word is one more key lookup per candidate. */
const MAX_WORDS = 5;

/**
 * Investigation search (issue 17) across accounts (id, handle), conversations (the alerts
 * citing them) and cases (id, words of the messages their alerts cite). Every branch reads
 * through a key or an index, so it stays fast at 100,000 cases and more.
 *
 * SECURITY: restricted cases (known images, decoy contacts) are found only by a viewer who
 * may see them, in every branch, and decoy accounts only by such a viewer: for everyone else
 * they are simply not there (core/restricted.ts).
 */
export async function searchCases(db: Db, viewer: Viewer, query: string, nowMs: number): Promise<SearchResult> {
  const q = query.trim().slice(0, 200);
  if (!q) return { accounts: [], cases: [], words: [] };
  const seeRestricted = canSeeRestricted(viewer);
  const handle = q.replace(/^@/, '');

  // Accounts: the id exactly, or the handle from its start (accounts_handle).
  const accountRows = await db
    .selectFrom('accounts')
    .select(['id', 'handle', 'display_name', 'age_band'])
    .where((eb) => eb.or([eb('id', '=', q), eb.and([eb('handle', '>=', handle), eb('handle', '<', `${handle}\uffff`)])]))
    .limit(20)
    .execute();
  let accounts = accountRows;
  if (!seeRestricted && accounts.length > 0) {
    const decoys = new Set(
      (
        await db
          .selectFrom('decoys')
          .select('account_id')
          .where(
            'account_id',
            'in',
            accounts.map((a) => a.id),
          )
          .execute()
      ).map((d) => d.account_id),
    );
    accounts = accounts.filter((a) => !decoys.has(a.id));
  }
  const casesOf = async (subject: string) =>
    (
      await db
        .selectFrom('cases')
        .selectAll()
        .where('subject_account', '=', subject)
        .$if(!seeRestricted, (x) => x.where('restricted', '=', 0))
        .orderBy('opened_ms', 'desc')
        .limit(20)
        .execute()
    ).map((r) => caseView(r, nowMs));
  const accountHits: AccountHit[] = [];
  for (const a of accounts)
    accountHits.push({ id: a.id, handle: a.handle, displayName: a.display_name, ageBand: a.age_band, cases: await casesOf(a.id) });

  // Cases: by id, by conversation (alerts_conversation), by words (case_terms, newest case first).
  const found = new Map<string, CaseView>();
  const add = (rows: Database['cases'][]) => {
    for (const r of rows) if (seeRestricted || r.restricted === 0) found.set(r.id, caseView(r, nowMs));
  };
  add(await db.selectFrom('cases').selectAll().where('id', '=', q).execute());
  const byConversation = await db
    .selectFrom('alerts')
    .innerJoin('case_alerts', 'case_alerts.alert_id', 'alerts.id')
    .innerJoin('cases', 'cases.id', 'case_alerts.case_id')
    .selectAll('cases')
    .where('alerts.conversation_id', '=', q)
    .$if(!seeRestricted, (x) => x.where('alerts.category', 'not in', [...RESTRICTED_CATEGORIES]))
    .limit(LIMIT)
    .execute();
  add(byConversation);
  // Longest words first: they are the rarest, so the candidates the other words must confirm are fewest.
  const words = wordsOf(q)
    .sort((a, b) => b.length - a.length)
    .slice(0, MAX_WORDS);
  if (words.length > 0) {
    const [first, ...rest] = words;
    let t = db.selectFrom('case_terms as t').innerJoin('cases', 'cases.id', 't.case_id').selectAll('cases').where('t.term', '=', first!);
    for (const w of rest)
      t = t.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('case_terms as x')
            .select(sql<number>`1`.as('one'))
            .where('x.term', '=', w)
            .whereRef('x.case_id', '=', 't.case_id'),
        ),
      );
    if (!seeRestricted) t = t.where('cases.restricted', '=', 0);
    add(await t.orderBy('t.case_id', 'desc').limit(LIMIT).execute());
  }
  return { accounts: accountHits, cases: [...found.values()].slice(0, LIMIT), words };
}
