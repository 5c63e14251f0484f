import type { Kysely, Migration } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export function migration0005({ dialect, ms, clustered }: MigrationContext): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // A CyberTipline report from draft to NCMEC's confirmation: the draft as the reviewer
      // completed it, the XML approved, and the submission's state machine (step, attempts,
      // NCMEC's report id) so a crash resumes at the step it stopped.
      await db.schema
        .createTable('cybertip_reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('subject_account', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('draft', 'text', (c) => c.notNull())
        .addColumn('xml', 'text')
        .addColumn('environment', 'text')
        .addColumn('step', 'text')
        .addColumn('ncmec_report_id', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_ms', ms)
        .addColumn('last_error', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_ms', ms, (c) => c.notNull())
        .addColumn('updated_ms', ms, (c) => c.notNull())
        .addColumn('approved_by', 'text')
        .addColumn('approved_ms', ms)
        .addColumn('deadline_ms', ms)
        .addColumn('finished_ms', ms)
        .execute();
      await db.schema.createIndex('cybertip_reports_case').on('cybertip_reports').columns(['case_id']).execute();
      await db.schema.createIndex('cybertip_reports_due').on('cybertip_reports').columns(['status', 'next_attempt_ms']).execute();
      await clustered(
        db.schema
          .createTable('cybertip_report_files')
          .addColumn('report_id', 'text', (c) => c.notNull())
          .addColumn('local_id', 'text', (c) => c.notNull())
          .addColumn('ncmec_file_id', 'text')
          .addColumn('state', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('cybertip_report_files_pk', ['report_id', 'local_id']),
      ).execute();
      await db.schema
        .createTable('evidence_packages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text')
        .addColumn('subject_account', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('manifest', 'text', (c) => c.notNull())
        .addColumn('key_id', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_ms', ms, (c) => c.notNull())
        .addColumn('expires_ms', ms, (c) => c.notNull())
        .addColumn('legal_hold', 'integer', (c) => c.notNull())
        .addColumn('hold_reason', 'text')
        .addColumn('deleted_ms', ms)
        .execute();
      await db.schema.createIndex('evidence_expiry').on('evidence_packages').columns(['legal_hold', 'expires_ms']).execute();
      await clustered(
        db.schema
          .createTable('evidence_files')
          .addColumn('package_id', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('iv', 'text', (c) => c.notNull())
          .addColumn('tag', 'text', (c) => c.notNull())
          .addColumn('ciphertext', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
          .addPrimaryKeyConstraint('evidence_files_pk', ['package_id', 'name']),
      ).execute();
    },
  };
}
