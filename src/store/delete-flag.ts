import type { Kysely } from 'kysely';
import type { Database } from './tables.js';
import { statement, type Statement } from './write-set.js';

/**
 * Clears a gate flag. Setting one is a plain row (row-specs.ts, FLAG_SPEC); clearing it is
 * a delete with a condition, so it travels as a Statement in the same write set.
 */
export const deleteFlag = (db: Kysely<Database>, accountId: string, flag: string): Statement =>
  statement(db.deleteFrom('flags').where('account_id', '=', accountId).where('flag', '=', flag));
