import type { Kysely } from 'kysely';
import type { AdminNoticesTable, Database } from './tables.js';
import { statement, type Statement } from './write-set.js';

/**
 * A notice for an administrator, written by several capabilities (actions, reporting) and
 * by ingest's quarantine rows (row-specs.ts), so its table lives with the store. A notice
 * id names what it is about: the same notice twice is kept once.
 */
export const insertNotice = (db: Kysely<Database>, row: Omit<AdminNoticesTable, 'acknowledged_ms'>): Statement =>
  statement(
    db
      .insertInto('admin_notices')
      .values(row)
      .onConflict((oc) => oc.column('id').doNothing()),
  );
