import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.js';
import type { Database } from '../store/tables.js';
import type { ListedHash } from './bank-list-format.js';
import { addEntries, removeEntry, type EntryRecord } from './bank-store.js';
import type { MediaMatcher } from './media-matcher.js';

/**
 * Changes a bank's entries in the store and in the matcher together, so that what is stored
 * is what is matched: the one path Warden's bank API, its streamed import and HMA's API share.
 * Hashes arrive checked (bank-list-format.ts checkHash); auditing stays with each route, which
 * knows who asked and how.
 */
export interface BankEntryService {
  /** Stores the hashes (a removed one revives) and indexes them; returns the stored entries. */
  add(bankId: string, hashes: ListedHash[]): Promise<EntryRecord[]>;
  /** Takes a live entry out of the bank and out of matching; false when there was none. */
  remove(bankId: string, entryId: number): Promise<boolean>;
}

export function createBankEntryService(deps: {
  db: Kysely<Database>;
  /** Read per call: the matcher is replaced when state is rebuilt. */
  matcher: () => MediaMatcher;
  clock: Clock;
}): BankEntryService {
  return {
    async add(bankId, hashes) {
      const stored = await addEntries(deps.db, bankId, hashes, deps.clock.now());
      const matcher = deps.matcher();
      for (const e of stored)
        matcher.addEntry({ id: e.id, bankId: e.bankId, signalType: e.signalType, value: e.value, quarantined: e.quarantinedAt !== null });
      return stored;
    },
    async remove(bankId, entryId) {
      if (!Number.isInteger(entryId) || !(await removeEntry(deps.db, bankId, entryId, deps.clock.now()))) return false;
      deps.matcher().removeEntry(entryId);
      return true;
    },
  };
}
