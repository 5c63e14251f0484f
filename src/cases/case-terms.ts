import type { Kysely } from 'kysely';
import type { Alert } from '../alerts/alert-schema.js';
import type { Database } from '../store/tables.js';
import { statement, type Statement } from '../store/write-set.js';
import { wordsOf } from '../core/words.js';
import { eventsByIds } from './case-store.js';

/** Rows per INSERT: two parameters each, well under SQLite's and PostgreSQL's parameter caps. */
const CHUNK = 500;

/**
 * Index rows for the messages that alerts joining cases cite (issue 17: search text in cited
 * messages). Built at intake, in the same commit as the case change, so the index never lags
 * the cases it points at. One read of the cited events per intake batch.
 */
export async function caseTermStatements(db: Kysely<Database>, cited: readonly { caseId: string; alert: Alert }[]): Promise<Statement[]> {
  if (cited.length === 0) return [];
  const ids = [...new Set(cited.flatMap(({ alert }) => [alert.triggerEventId, ...alert.evidence]))];
  const texts = new Map<string, string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const e of await eventsByIds(db, ids.slice(i, i + CHUNK))) {
      if (e.type !== 'message.sent') continue;
      const text = (JSON.parse(e.body) as { message?: { text?: string } }).message?.text;
      if (text) texts.set(e.id, text);
    }
  }
  const rows = new Map<string, { term: string; case_id: string }>();
  for (const { caseId, alert } of cited) {
    for (const id of new Set([alert.triggerEventId, ...alert.evidence])) {
      const text = texts.get(id);
      if (text) for (const term of wordsOf(text)) rows.set(`${term}\u0000${caseId}`, { term, case_id: caseId });
    }
  }
  const all = [...rows.values()];
  const out: Statement[] = [];
  for (let i = 0; i < all.length; i += CHUNK)
    out.push(
      statement(
        db
          .insertInto('case_terms')
          .values(all.slice(i, i + CHUNK))
          .onConflict((oc) => oc.columns(['term', 'case_id']).doNothing()),
      ),
    );
  return out;
}
