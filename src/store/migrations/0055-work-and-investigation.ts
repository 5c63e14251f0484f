import type { Kysely, Migration } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export function migration0055({ ms, clustered }: MigrationContext): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // Work management (issue 17): "my cases" reads a reviewer's live claims without a scan of the open queue.
      await db.schema.createIndex('cases_claimed').on('cases').columns(['claimed_by', 'claim_expires_ms']).execute();
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
