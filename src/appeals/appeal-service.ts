import { createHash } from 'node:crypto';
import { outboxRow, undoChange } from '../actions/action-control.js';
import { actionRow, insertAction, type ActionsTable } from '../actions/action-store.js';
import type { AuditInput } from '../audit/audit-chain.js';
import type { Viewer } from '../cases/case-model.js';
import { findCase, insertHistory } from '../cases/case-store.js';
import { AppError } from '../core/app-error.js';
import type { Clock } from '../core/clock.js';
import { newId } from '../core/ids.js';
import { createMutex } from '../core/mutex.js';
import { mayViewRestricted } from '../core/restricted.js';
import { err, ok, type Result } from '../core/result.js';
import type { FlagChange, Ledger } from '../ledger/ledger.js';
import type { Store } from '../store/store.js';
import type { Statement } from '../store/write-set.js';
import type { AppealBody, AppealDecision } from './appeal-requests.js';
import { appealByPlatformId, decideAppeal, findAppeal, insertAppeal, type AppealsTable } from './appeal-store.js';

export interface AppealView {
  id: string;
  appealId: string;
  accountId: string;
  caseId: string | null;
  actionId: string | null;
  statement: string;
  filedAt: string;
  receivedAt: string;
  status: string;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
export const appealView = (r: AppealsTable): AppealView => ({
  id: r.id,
  appealId: r.platform_appeal_id,
  accountId: r.subject_account,
  caseId: r.case_id,
  actionId: r.action_id,
  statement: r.statement,
  filedAt: iso(r.filed_ms)!,
  receivedAt: iso(r.received_ms)!,
  status: r.status,
  decidedBy: r.decided_by,
  decidedAt: iso(r.decided_ms),
  reason: r.decision_reason,
});

export type AppealFailure = { kind: 'not_found' } | { kind: 'decided'; status: string } | { kind: 'own_decision' };

export interface AppealService {
  /** Files an appeal; `created` is false when the platform filed the same appeal before. */
  file(body: AppealBody, actor: string): Promise<{ appeal: AppealView; created: boolean }>;
  /** The appeal, or undefined when there is none or the viewer may not see its case. */
  get(id: string, viewer: Viewer): Promise<AppealsTable | undefined>;
  decide(id: string, viewer: Viewer, d: AppealDecision): Promise<Result<AppealView, AppealFailure>>;
}

const invalid = (field: string, reason: string) =>
  new AppError('invalid_input', `invalid appeal: ${field} ${reason}`, { issues: [{ field, reason }] });

/** The live actions an appeal contests: the one it names, or every live one on its case. */
async function contested(store: Store, a: AppealsTable): Promise<ActionsTable[]> {
  if (a.action_id) {
    const row = await actionRow(store.db, a.action_id);
    return row ? [row] : [];
  }
  if (!a.case_id) return [];
  return store.db
    .selectFrom('actions')
    .selectAll()
    .where('case_id', '=', a.case_id)
    .where('mode', '=', 'live')
    .where('type', 'not in', ['require_review', 'reverse_action', 'appeal_decided'])
    .orderBy('id')
    .execute();
}

/**
 * Appeals (issue 17; DSA Art. 20 asks for the same of a platform's own complaint handling):
 * the platform files, a reviewer who did not make the contested decision answers, and the
 * answer goes back as an `appeal_decided` action through the outbox, signed like every
 * webhook. A reversal undoes the contested actions through the same outbox (action-control.ts).
 */
export function createAppealService(deps: { store: Store; ledger: Ledger; clock: Clock; onDeliverable: () => void }): AppealService {
  const { store, ledger, clock } = deps;
  const lock = createMutex();
  const visible = async (a: AppealsTable | undefined, viewer: Viewer) => {
    if (!a || !a.case_id || mayViewRestricted(viewer.roles)) return a;
    const c = await findCase(store.db, a.case_id);
    return c?.restricted === 1 ? undefined : a;
  };

  return {
    async file(body, actor) {
      const digest = createHash('sha256')
        .update(JSON.stringify([body.accountId, body.actionId ?? null, body.caseId ?? null, body.statement]))
        .digest('hex');
      const before = await appealByPlatformId(store.db, body.appealId);
      if (before) {
        if (before.body_sha256 !== digest)
          throw new AppError('conflict', `appeal ${body.appealId} was filed before with other content; file a new appeal under a new id`);
        return { appeal: appealView(before), created: false };
      }
      let caseId = body.caseId ?? null;
      if (body.actionId) {
        const a = await actionRow(store.db, body.actionId);
        if (!a || a.subject_account !== body.accountId || a.mode !== 'live')
          throw invalid('actionId', 'names no action Warden asked the platform to take against this account');
        if (caseId !== null && a.case_id !== caseId) throw invalid('caseId', 'is not the case of the action named');
        caseId = a.case_id;
      } else if (caseId !== null) {
        const c = await findCase(store.db, caseId);
        if (!c || c.subject_account !== body.accountId) throw invalid('caseId', 'names no case about this account');
      }
      const nowMs = clock.now();
      const row: AppealsTable = {
        id: newId('apl', nowMs),
        platform_appeal_id: body.appealId,
        subject_account: body.accountId,
        case_id: caseId,
        action_id: body.actionId ?? null,
        statement: body.statement,
        body_sha256: digest,
        filed_ms: body.filedAt ? Date.parse(body.filedAt) : nowMs,
        received_ms: nowMs,
        status: 'open',
        decided_by: null,
        decided_ms: null,
        decision_reason: null,
      };
      const statements: Statement[] = [insertAppeal(store.db, row)];
      if (caseId) statements.push(insertHistory(store.db, history(caseId, nowMs, actor, 'appeal_received', { appealId: row.id })));
      await lock.run(() =>
        ledger.apply({
          statements,
          audit: [
            {
              actor,
              action: 'appeal.received',
              subjectAccountId: row.subject_account,
              target: { type: 'appeal', id: row.id },
              detail: { platformAppealId: row.platform_appeal_id, caseId, actionId: row.action_id },
            },
          ],
        }),
      );
      // Two filings racing under one id: the first insert won; both callers get its record.
      const stored = (await appealByPlatformId(store.db, body.appealId))!;
      return { appeal: appealView(stored), created: stored.id === row.id };
    },

    async get(id, viewer) {
      return visible(await findAppeal(store.db, id), viewer);
    },

    decide: (id, viewer, d) =>
      lock.run(async (): Promise<Result<AppealView, AppealFailure>> => {
        const a = await visible(await findAppeal(store.db, id), viewer);
        if (!a) return err({ kind: 'not_found' });
        if (a.status !== 'open') return err({ kind: 'decided', status: a.status });
        // An appeal is answered by someone other than the reviewer whose decision it contests.
        const c = a.case_id ? await findCase(store.db, a.case_id) : undefined;
        if (c?.closed_by === viewer.actor) return err({ kind: 'own_decision' });
        const nowMs = clock.now();
        const status = d.decision === 'reverse' ? 'reversed' : 'upheld';
        const statements: Statement[] = [decideAppeal(store.db, a.id, status, viewer.actor, d.reason, nowMs)];
        const audit: AuditInput[] = [];
        const flags: FlagChange[] = [];
        const undone: string[] = [];
        if (status === 'reversed') {
          const actions = await contested(store, a);
          const ids = actions.map((x) => x.id);
          for (const x of actions) {
            const u = await undoChange(store.db, x, viewer.actor, `appeal ${a.platform_appeal_id} reversed`, nowMs, ids);
            if (u.statements.length > 0) undone.push(x.id);
            statements.push(...u.statements);
            audit.push(...u.audit);
            flags.push(...u.flags);
          }
        }
        const notice = outboxRow(
          {
            type: 'appeal_decided',
            subjectAccountId: a.subject_account,
            caseId: a.case_id,
            policyVersion: null,
            content: { appeal: { id: a.id, platformAppealId: a.platform_appeal_id, decision: status, reason: d.reason } },
          },
          nowMs,
        );
        statements.push(insertAction(store.db, notice));
        if (a.case_id)
          statements.push(
            insertHistory(store.db, history(a.case_id, nowMs, viewer.actor, `appeal_${status}`, { appealId: a.id, note: d.reason })),
          );
        audit.push({
          actor: viewer.actor,
          action: 'appeal.decided',
          subjectAccountId: a.subject_account,
          target: { type: 'appeal', id: a.id },
          detail: { decision: status, platformAppealId: a.platform_appeal_id, undone, notice: notice.id },
        });
        await ledger.apply({ statements, audit, flags });
        deps.onDeliverable();
        return ok(appealView((await findAppeal(store.db, a.id))!));
      }),
  };
}

const history = (caseId: string, nowMs: number, actor: string, change: string, detail: Record<string, unknown>) => ({
  id: newId('chg', nowMs),
  case_id: caseId,
  ts_ms: nowMs,
  actor,
  change,
  detail: JSON.stringify(detail),
});
