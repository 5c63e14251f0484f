import type { Kysely, Migration } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export function migration0006({ ms, clustered }: MigrationContext): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // Where accounts were seen from, for the CyberTipline's ipCaptureEvent: latest first per account.
      await clustered(
        db.schema
          .createTable('account_ip_events')
          .addColumn('account_id', 'text', (c) => c.notNull())
          .addColumn('event_id', 'text', (c) => c.notNull())
          .addColumn('n', 'integer', (c) => c.notNull())
          .addColumn('ts_ms', ms, (c) => c.notNull())
          .addColumn('ip_address', 'text', (c) => c.notNull())
          .addColumn('event', 'text')
          .addColumn('port', 'integer')
          .addColumn('possible_proxy', 'integer')
          .addPrimaryKeyConstraint('account_ip_events_pk', ['account_id', 'event_id', 'n']),
      ).execute();
      await db.schema.createIndex('account_ip_events_recent').on('account_ip_events').columns(['account_id', 'ts_ms']).execute();
    },
  };
}
