import type { Kysely } from 'kysely';
import { AppError } from '../core/app-error.js';
import { createTemplate } from '../store/statement-template.js';
import type { Database } from '../store/tables.js';
import type { AlertQuery } from './alert-requests.js';
import type { Alert } from './alert-schema.js';

export interface AlertPage {
  alerts: Alert[];
  nextCursor: string | null;
}

function decodeCursor(cursor: string): { ts: number; id: string } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const sep = text.indexOf(':');
  const ts = Number(text.slice(0, sep));
  if (sep < 1 || !Number.isFinite(ts))
    throw new AppError('invalid_input', 'cursor is not one this API issued', { issues: [{ field: 'cursor', reason: 'is malformed' }] });
  return { ts, id: text.slice(sep + 1) };
}

/** Newest first, keyset-paged on (event time, id) so pages stay stable while alerts arrive. */
export async function queryAlerts(
  db: Kysely<Database>,
  q: AlertQuery,
  opts: { hideCategories?: readonly string[] } = {},
): Promise<AlertPage> {
  let sel = db.selectFrom('alerts').select(['id', 'ts_ms', 'body']);
  // SECURITY: restricted categories are filtered in the query, so a page is never short of what the viewer may see.
  if (opts.hideCategories?.length) sel = sel.where('category', 'not in', opts.hideCategories);
  if (q.category) sel = sel.where('category', 'in', q.category);
  if (q.severity) sel = sel.where('severity', 'in', q.severity);
  if (q.subject) sel = sel.where('subject_account', '=', q.subject);
  if (q.conversationId) sel = sel.where('conversation_id', '=', q.conversationId);
  if (q.since) sel = sel.where('ts_ms', '>=', Date.parse(q.since));
  if (q.until) sel = sel.where('ts_ms', '<', Date.parse(q.until));
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    sel = sel.where((eb) => eb.or([eb('ts_ms', '<', c.ts), eb.and([eb('ts_ms', '=', c.ts), eb('id', '<', c.id)])]));
  }
  const rows = await sel
    .orderBy('ts_ms', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    alerts: page.map((r) => JSON.parse(r.body) as Alert),
    nextCursor: rows.length > q.limit && last ? Buffer.from(`${last.ts_ms}:${last.id}`).toString('base64url') : null,
  };
}

export async function getAlert(db: Kysely<Database>, id: string): Promise<Alert | undefined> {
  const row = await db.selectFrom('alerts').select('body').where('id', '=', id).executeTakeFirst();
  return row ? (JSON.parse(row.body) as Alert) : undefined;
}

/** The next alerts in id order (ids are minted in commit order), for consumers that keep a cursor. */
export const alertsAfter = async (db: Kysely<Database>, after: string | undefined, limit: number) => {
  if (after === undefined) return db.selectFrom('alerts').select(['id', 'body']).orderBy('id').limit(limit).execute();
  return (await db.executeQuery<{ id: string; body: string }>(alertsAfterQuery.compiled(db, { after, limit }))).rows;
};

// Compiled once (statement-template.ts): the rule runner reads the alerts after its cursor every round.
export const alertsAfterQuery = createTemplate((db: Kysely<Database>, p: { after: string; limit: number }) =>
  db.selectFrom('alerts').select(['id', 'body']).where('id', '>', p.after).orderBy('id').limit(p.limit),
);
