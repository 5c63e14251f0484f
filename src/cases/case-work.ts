import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock.js';
import { newId } from '../core/ids.js';
import { err, ok, type Result } from '../core/result.js';
import { mayViewRestricted } from '../core/restricted.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Database } from '../store/tables.js';
import { canSeeRestricted, caseView, type CaseView, type Viewer } from './case-model.js';
import type { CaseService, Decision } from './case-service.js';
import { findCase, insertHistory, updateCase } from './case-store.js';

type Db = Kysely<Database>;

/** The reviewer's live claims, most urgent first (index cases_claimed); restricted ones only for a viewer who may see them. */
export async function myCases(db: Db, viewer: Viewer, nowMs: number, limit = 200): Promise<CaseView[]> {
  let q = db
    .selectFrom('cases')
    .selectAll()
    .where('claimed_by', '=', viewer.actor)
    .where('claim_expires_ms', '>', nowMs)
    .where('status', '!=', 'closed');
  if (!canSeeRestricted(viewer)) q = q.where('restricted', '=', 0);
  const rows = await q.orderBy('priority').orderBy('due_ms').orderBy('id').limit(limit).execute();
  return rows.map((r) => caseView(r, nowMs));
}

export type ReassignFailure =
  | { kind: 'not_found' }
  | { kind: 'closed' }
  /** Only the reviewer holding the case, or an admin, hands it on. */
  | { kind: 'not_yours' }
  | { kind: 'no_such_reviewer' }
  /** The assignee's roles may not open this case (a known-image or decoy case needs child_safety). */
  | { kind: 'assignee_may_not_see' };

export interface CaseWorkDeps {
  db: Db;
  ledger: Ledger;
  clock: Clock;
  cases: CaseService;
  claimMinutes: number;
  /** Where a bulk decision's unexpected failure on one case is recorded (the server's log). */
  log?: (caseId: string, e: unknown) => void;
}

/**
 * Work management over the case service (issue 17): reassignment and bulk decisions. Each
 * runs in the case service's one-at-a-time turn, so it never overtakes a claim or a decision.
 */
export function createCaseWork(deps: CaseWorkDeps) {
  const { db, ledger, clock, cases } = deps;
  return {
    /** Hands a case to another reviewer as their claim: history row and audit entry in one commit. */
    reassign: (id: string, viewer: Viewer, assigneeUsername: string): Promise<Result<CaseView, ReassignFailure>> =>
      cases.exclusive(async () => {
        const c = await findCase(db, id);
        if (!c || (c.restricted === 1 && !canSeeRestricted(viewer))) return err({ kind: 'not_found' as const });
        if (c.status === 'closed') return err({ kind: 'closed' as const });
        const nowMs = clock.now();
        const holds = c.claimed_by === viewer.actor && (c.claim_expires_ms ?? 0) > nowMs;
        if (!holds && !viewer.roles.includes('admin')) return err({ kind: 'not_yours' as const });
        const a = await db
          .selectFrom('reviewers')
          .select(['id', 'roles'])
          .where('username', '=', assigneeUsername)
          .where('disabled_ms', 'is', null)
          .executeTakeFirst();
        if (!a) return err({ kind: 'no_such_reviewer' as const });
        if (c.restricted === 1 && !mayViewRestricted(a.roles.split(','))) return err({ kind: 'assignee_may_not_see' as const });
        const to = `reviewer:${a.id}`;
        const next = { ...c, claimed_by: to, claim_expires_ms: nowMs + deps.claimMinutes * 60_000, updated_ms: nowMs };
        const detail = { from: c.claimed_by && (c.claim_expires_ms ?? 0) > nowMs ? c.claimed_by : null, to };
        await ledger.apply({
          statements: [
            updateCase(db, next),
            insertHistory(db, {
              id: newId('chg', nowMs),
              case_id: c.id,
              ts_ms: nowMs,
              actor: viewer.actor,
              change: 'reassigned',
              detail: JSON.stringify(detail),
            }),
          ],
          audit: [
            {
              actor: viewer.actor,
              action: 'case.reassigned',
              subjectAccountId: c.subject_account,
              target: { type: 'case', id: c.id },
              detail,
            },
          ],
        });
        return ok(caseView(next, nowMs));
      }),

    /**
     * One decision on many cases: each case is decided on its own (its own commit, history row
     * and audit entry, the batch id in both), so one that fails (closed meanwhile, held by
     * another reviewer, an error) is reported and never stops the others.
     */
    async bulkDecide(ids: readonly string[], viewer: Viewer, decision: Decision) {
      const batch = newId('bulk', clock.now());
      const results: { id: string; outcome: 'decided' | 'not_found' | 'closed' | 'claimed_by_other' | 'not_claimed' | 'failed' }[] = [];
      for (const id of new Set(ids)) {
        try {
          const r = await cases.decide(id, viewer, decision, { batch });
          results.push({ id, outcome: r.ok ? 'decided' : r.error.kind });
        } catch (e) {
          // The reviewer sees which case to try again; the cause goes to the log, not the page.
          deps.log?.(id, e);
          results.push({ id, outcome: 'failed' });
        }
      }
      return { batch, results };
    },
  };
}

export type CaseWork = ReturnType<typeof createCaseWork>;
