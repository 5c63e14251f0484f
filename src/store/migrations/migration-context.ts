import type { sql } from 'kysely';
import type { Dialect } from '../open-database.js';

/** What every migration may ask: the database, the type for millisecond times, and how to cluster a table. */
export interface MigrationContext {
  dialect: Dialect;
  ms: 'double precision';
  clustered: <T extends { modifyEnd(frag: ReturnType<typeof sql>): T }>(t: T) => T;
}
