import { sql, type Kysely, type Migration } from 'kysely';
import { wordsOf } from '../../core/words.js';
import type { MigrationContext } from './migration-context.js';

/** Alerts read per page when the cases opened before this migration are indexed. */
const PAGE = 1000;

/**
 * Cases opened before this migration: the words of the messages their alerts cite, indexed a
 * page of alerts at a time (intake indexes every later one, cases/case-terms.ts).
 */
export async function indexEarlierCases(db: Kysely<unknown>): Promise<void> {
  let after = '';
  for (;;) {
    const rows = (
      await sql<{ alert_id: string; case_id: string; body: string }>`
        select ca.alert_id, ca.case_id, a.body from case_alerts ca join alerts a on a.id = ca.alert_id
        where ca.alert_id > ${after} order by ca.alert_id limit ${PAGE}`.execute(db)
    ).rows;
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.alert_id;
    const cited = rows.map((r) => {
      const a = JSON.parse(r.body) as { triggerEventId?: string; evidence?: string[] };
      return { caseId: r.case_id, events: [...new Set([a.triggerEventId ?? '', ...(a.evidence ?? [])])].filter(Boolean) };
    });
    const ids = [...new Set(cited.flatMap((c) => c.events))];
    const texts = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const events = await sql<{ id: string; body: string }>`
        select id, body from events where type = 'message.sent' and id in (${sql.join(chunk)})`.execute(db);
      for (const e of events.rows) {
        const text = (JSON.parse(e.body) as { message?: { text?: string } }).message?.text;
        if (text) texts.set(e.id, text);
      }
    }
    const terms = new Map<string, [string, string]>();
    for (const c of cited)
      for (const id of c.events) for (const w of wordsOf(texts.get(id) ?? '')) terms.set(`${w}\u0000${c.caseId}`, [w, c.caseId]);
    const all = [...terms.values()];
    for (let i = 0; i < all.length; i += 500)
      await sql`insert into case_terms (term, case_id) values ${sql.join(all.slice(i, i + 500).map(([t, c]) => sql`(${t}, ${c})`))}
        on conflict (term, case_id) do nothing`.execute(db);
  }
}

export function migration0055({ ms, clustered }: MigrationContext): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // Work management (issue 17): "my cases" reads a reviewer's live claims without a scan of the open queue.
      await db.schema.createIndex('cases_claimed').on('cases').columns(['claimed_by', 'claim_expires_ms']).execute();
      // The queue counts of a reviewer without child_safety (restricted = 0) read this index alone, in
      // group order: without it they fetched every open case's row (240 ms at 100,000 open cases, 55 ms with).
      await db.schema
        .createIndex('cases_counts_unrestricted')
        .on('cases')
        .columns(['status', 'restricted', 'queue', 'priority', 'due_ms'])
        .execute();
      // Investigation: accounts are searched by handle as well as by id.
      await db.schema.createIndex('accounts_handle').on('accounts').column('handle').execute();
      // ... and conversations through the alerts that cite them.
      await db.schema.createIndex('alerts_conversation').on('alerts').column('conversation_id').execute();
      // Accounts the platform says are linked (account.upserted linkedAccounts, an extension),
      // kept both ways so either side finds the other through the key.
      await clustered(
        db.schema
          .createTable('account_links')
          .addColumn('account_id', 'text', (c) => c.notNull())
          .addColumn('linked_id', 'text', (c) => c.notNull())
          .addColumn('reason', 'text')
          .addColumn('ts_ms', ms, (c) => c.notNull())
          .addColumn('event_id', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('account_links_pk', ['account_id', 'linked_id']),
      ).execute();
      // Words of the messages a case's alerts cite, for search: one row per (word, case), so a
      // word is found through the key whatever the number of cases.
      await clustered(
        db.schema
          .createTable('case_terms')
          .addColumn('term', 'text', (c) => c.notNull())
          .addColumn('case_id', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('case_terms_pk', ['term', 'case_id']),
      ).execute();
      await indexEarlierCases(db);
      // Wellness: the cases whose messages a reviewer read each day (exposure from text, not only media).
      await clustered(
        db.schema
          .createTable('reviewer_case_reads')
          .addColumn('reviewer_id', 'text', (c) => c.notNull())
          .addColumn('day', 'text', (c) => c.notNull())
          .addColumn('case_id', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('reviewer_case_reads_pk', ['reviewer_id', 'day', 'case_id']),
      ).execute();
    },
  };
}
