import type { Kysely } from 'kysely';
import type { Alert } from '../alerts/alert-schema.js';
import type { AuditInput } from '../audit/audit-chain.js';
import { planActions } from '../actions/plan-actions.js';
import type { WardenConfig } from '../config/config-schema.js';
import { AppError } from '../core/app-error.js';
import type { Clock } from '../core/clock.js';
import { newId } from '../core/ids.js';
import { createMutex } from '../core/mutex.js';
import { err, ok, type Result } from '../core/result.js';
import type { FlagChange, Ledger } from '../ledger/ledger.js';
import { rulesForDecision, type RuleMatch } from '../rules/evaluate-policy.js';
import { moreUrgentQueue } from '../rules/case-queue.js';
import type { ConfirmCategory, DismissReason } from '../rules/policy-schema.js';
import type { PolicyStore } from '../rules/policy-store.js';
import type { Store } from '../store/store.js';
import type { Database } from '../store/tables.js';
import type { Statement } from '../store/write-set.js';
import { caseTermStatements } from './case-terms.js';
import { canSeeRestricted, caseView, RESTRICTED_CATEGORIES, type CaseView, type Viewer } from './case-model.js';
import { findCase, insertCase, insertHistory, linkAlert, openCaseOf, updateCase, type CasesTable } from './case-store.js';

export type Decision =
  | { kind: 'confirm'; category: ConfirmCategory; note?: string | undefined }
  | { kind: 'dismiss'; reason: DismissReason; note?: string | undefined }
  | { kind: 'escalate'; note?: string | undefined }
  | { kind: 'request_context'; note: string };

export type CaseFailure =
  /** SECURITY: a restricted case is "not found" to a viewer without the role, never "forbidden": its existence is not disclosed. */
  { kind: 'not_found' } | { kind: 'closed' } | { kind: 'claimed_by_other'; claimedBy: string } | { kind: 'not_claimed' };

/** One alert for intake, with the rules it triggered. */
export interface IntakeItem {
  alert: Alert;
  matches: RuleMatch[];
  /** The most urgent live require_review priority; undefined: no case. */
  priority: number | undefined;
  policyVersion: number;
}

export interface CaseService {
  /** Opens or joins cases and plans actions for a batch of alerts, committed with `extra` (the runner's cursor) in one transaction. */
  intake(items: readonly IntakeItem[], extra: Statement[]): Promise<{ casesTouched: number; deliverable: number }>;
  get(id: string, viewer: Viewer): Promise<CasesTable | undefined>;
  claim(id: string, viewer: Viewer): Promise<Result<CaseView, CaseFailure>>;
  release(id: string, viewer: Viewer): Promise<Result<CaseView, CaseFailure>>;
  /** `batch`: one of a bulk decision's cases (issue 17), which may be decided without a claim unless another reviewer holds it. */
  decide(id: string, viewer: Viewer, decision: Decision, opts?: { batch?: string }): Promise<Result<CaseView, CaseFailure>>;
  /** Runs `fn` in the same one-at-a-time turn as claims and decisions (reassignment, case-work.ts). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** Called after actions were planned, so the dispatcher can deliver them. */
  onDeliverable?: () => void;
}

export interface CaseServiceDeps {
  store: Store;
  ledger: Ledger;
  config: WardenConfig;
  clock: Clock;
  policies: PolicyStore;
  onDeliverable?: () => void;
  /** After a confirmation commits, with the live action types its decision rules produced. */
  onConfirmed?: (caseId: string, actionTypes: string[]) => void;
  /** After alerts join a case, with the live action types their rules produced. */
  onAlertActions?: (caseId: string, actionTypes: string[]) => void;
}

/** A history row: each change to a case, by whom, with its detail. */
function history(
  db: Kysely<Database>,
  caseId: string,
  actor: string,
  change: string,
  detail: Record<string, unknown>,
  nowMs: number,
  id = newId('chg', nowMs),
): Statement {
  return insertHistory(db, { id, case_id: caseId, ts_ms: nowMs, actor, change, detail: JSON.stringify(detail) });
}

/**
 * Cases: alerts about one subject grouped into one open case, queues by priority and SLA,
 * claims and decisions. Every change is one commit through the ledger with its history
 * row and audit entry. Changes run one at a time (a mutex), and each checks the state it
 * read inside that turn: of two reviewers racing for one case exactly one gets it.
 */
export function createCaseService(deps: CaseServiceDeps): CaseService {
  const { store, ledger, config, clock, policies } = deps;
  const lock = createMutex();
  const slaMs = (p: number) => config.cases.slaHours[`p${p}` as 'p0'] * 3_600_000;
  const claimMs = config.cases.claimMinutes * 60_000;

  const { db } = store;
  const load = (id: string) => findCase(db, id);
  const visible = (c: CasesTable | undefined, v: Viewer) => (c && (c.restricted === 0 || canSeeRestricted(v)) ? c : undefined);
  const claimLive = (c: CasesTable, nowMs: number) => c.claimed_by !== null && c.claim_expires_ms !== null && c.claim_expires_ms > nowMs;

  async function commit(c: CasesTable, statements: Statement[], audit: AuditInput[], flags: FlagChange[] = []) {
    await ledger.apply({ statements: [updateCase(db, c), ...statements], audit, flags });
  }

  const service: CaseService = {
    intake: (items, extra) =>
      lock.run(async () => {
        const nowMs = clock.now();
        const statements: Statement[] = [];
        const audit: AuditInput[] = [];
        const flags: FlagChange[] = [];
        const touched = new Map<string, { row: CasesTable; isNew: boolean }>();
        let deliverable = 0;
        const liveByCase = new Map<string, Set<string>>();
        const cited: { caseId: string; alert: Alert }[] = [];
        for (const { alert, matches, priority, policyVersion } of items) {
          const subject = alert.subject.accountId;
          let caseId: string | null = null;
          if (priority !== undefined) {
            let entry = touched.get(subject);
            if (!entry) {
              const row = await openCaseOf(db, subject);
              if (row) entry = { row: { ...row }, isNew: false };
            }
            const restricted = RESTRICTED_CATEGORIES.has(alert.category) ? 1 : 0;
            if (!entry) {
              const id = newId('case', nowMs);
              entry = {
                isNew: true,
                row: {
                  id,
                  subject_account: subject,
                  status: 'open',
                  priority,
                  queue: alert.category,
                  restricted,
                  escalated: 0,
                  categories: alert.category,
                  alert_count: 0,
                  opened_ms: nowMs,
                  updated_ms: nowMs,
                  due_ms: nowMs + slaMs(priority),
                  claimed_by: null,
                  claim_expires_ms: null,
                  outcome: null,
                  outcome_category: null,
                  outcome_reason: null,
                  closed_ms: null,
                  closed_by: null,
                },
              };
              statements.push(history(db, id, 'system', 'opened', { alertId: alert.id, priority }, nowMs));
              audit.push({
                actor: 'system',
                action: 'case.opened',
                subjectAccountId: subject,
                target: { type: 'case', id },
                detail: { alertId: alert.id, priority },
              });
            } else {
              const r = entry.row;
              if (priority < r.priority) {
                statements.push(
                  history(db, r.id, 'system', 'priority_raised', { from: r.priority, to: priority, alertId: alert.id }, nowMs),
                );
                r.priority = priority;
                r.due_ms = Math.min(r.due_ms, r.opened_ms + slaMs(priority));
              }
              if (r.status === 'awaiting_context') {
                r.status = 'open';
                statements.push(history(db, r.id, 'system', 'context_arrived', { alertId: alert.id }, nowMs));
              }
              r.restricted = Math.max(r.restricted, restricted);
              r.queue = moreUrgentQueue(r.queue, alert.category);
              if (!r.categories.split(',').includes(alert.category)) r.categories += `,${alert.category}`;
              statements.push(history(db, r.id, 'system', 'alert_added', { alertId: alert.id }, nowMs));
            }
            entry.row.alert_count++;
            entry.row.updated_ms = nowMs;
            touched.set(subject, entry);
            caseId = entry.row.id;
            statements.push(linkAlert(db, alert.id, caseId, nowMs));
            cited.push({ caseId, alert });
          }
          const planned = planActions(
            db,
            matches,
            {
              subjectAccountId: subject,
              caseId,
              alertId: alert.id,
              policyVersion,
              actor: 'system:rules',
              // SECURITY: the platform's webhook never learns of a decoy (issue 19): an action a
              // decoy contact causes names its subject and nothing of the conversation.
              content:
                alert.category === 'decoy_contact'
                  ? { reason: 'child_safety' }
                  : {
                      eventIds: alert.evidence,
                      mediaIds: alert.media?.map((m) => m.id),
                      conversationId: alert.conversationId,
                      category: alert.category,
                    },
            },
            nowMs,
          );
          for (const s of planned.statements) statements.push(s);
          for (const a of planned.audit) audit.push(a);
          for (const f of planned.flags) flags.push(f);
          deliverable += planned.deliverable;
          if (caseId) {
            const set = liveByCase.get(caseId) ?? new Set<string>();
            for (const m of matches) if (m.mode === 'live') for (const a of m.actions) set.add(a.type);
            liveByCase.set(caseId, set);
          }
        }
        // Case rows first: history and action rows refer to them.
        const caseRows = [...touched.values()].map((e) => (e.isNew ? insertCase(db, e.row) : updateCase(db, e.row)));
        const terms = await caseTermStatements(db, cited);
        await ledger.apply({ statements: [...caseRows, ...statements, ...terms, ...extra], audit, flags });
        if (deliverable > 0) deps.onDeliverable?.();
        for (const [caseId, types] of liveByCase) deps.onAlertActions?.(caseId, [...types]);
        return { casesTouched: touched.size, deliverable };
      }),

    async get(id, viewer) {
      const row = await load(id);
      const seen = visible(row, viewer);
      // SECURITY: a case the viewer's role may not open (a known-image case, for a reviewer
      // without child_safety) answers as if it did not exist, and the attempt is audited (issue 17).
      if (row && !seen)
        await ledger.audit([
          {
            actor: viewer.actor,
            action: 'case.access_refused',
            subjectAccountId: row.subject_account,
            target: { type: 'case', id: row.id },
            detail: { reason: 'restricted' },
          },
        ]);
      return seen;
    },

    claim: (id, viewer) =>
      lock.run(async () => {
        const c = visible(await load(id), viewer);
        if (!c) return err({ kind: 'not_found' as const });
        const nowMs = clock.now();
        if (c.status === 'closed') return err({ kind: 'closed' as const });
        if (claimLive(c, nowMs) && c.claimed_by !== viewer.actor)
          return err({ kind: 'claimed_by_other' as const, claimedBy: c.claimed_by! });
        const next = { ...c, claimed_by: viewer.actor, claim_expires_ms: nowMs + claimMs, updated_ms: nowMs };
        await commit(
          next,
          [history(db, c.id, viewer.actor, 'claimed', { until: next.claim_expires_ms }, nowMs)],
          [{ actor: viewer.actor, action: 'case.claimed', subjectAccountId: c.subject_account, target: { type: 'case', id: c.id } }],
        );
        return ok(caseView(next, nowMs));
      }),

    release: (id, viewer) =>
      lock.run(async () => {
        const c = visible(await load(id), viewer);
        if (!c) return err({ kind: 'not_found' as const });
        const nowMs = clock.now();
        if (!claimLive(c, nowMs) || c.claimed_by !== viewer.actor) return err({ kind: 'not_claimed' as const });
        const next = { ...c, claimed_by: null, claim_expires_ms: null, updated_ms: nowMs };
        await commit(
          next,
          [history(db, c.id, viewer.actor, 'released', {}, nowMs)],
          [{ actor: viewer.actor, action: 'case.released', subjectAccountId: c.subject_account, target: { type: 'case', id: c.id } }],
        );
        return ok(caseView(next, nowMs));
      }),

    exclusive: (fn) => lock.run(fn),

    decide: (id, viewer, d, opts) =>
      lock.run(async () => {
        const c = visible(await load(id), viewer);
        if (!c) return err({ kind: 'not_found' as const });
        const nowMs = clock.now();
        if (c.status === 'closed') return err({ kind: 'closed' as const });
        const mine = claimLive(c, nowMs) && c.claimed_by === viewer.actor;
        if (!mine && (claimLive(c, nowMs) || !opts?.batch)) {
          return claimLive(c, nowMs)
            ? err({ kind: 'claimed_by_other' as const, claimedBy: c.claimed_by! })
            : err({ kind: 'not_claimed' as const });
        }
        const next: CasesTable = { ...c, updated_ms: nowMs, claimed_by: null, claim_expires_ms: null };
        const detail: Record<string, unknown> = { decision: d.kind, note: d.note ?? null, ...(opts?.batch ? { batch: opts.batch } : {}) };
        let outcome: 'confirm' | 'dismiss' | 'escalate' | undefined;
        switch (d.kind) {
          case 'confirm':
            Object.assign(next, {
              status: 'closed',
              outcome: 'confirmed',
              outcome_category: d.category,
              closed_ms: nowMs,
              closed_by: viewer.actor,
            });
            detail.category = d.category;
            outcome = 'confirm';
            break;
          case 'dismiss':
            Object.assign(next, {
              status: 'closed',
              outcome: 'dismissed',
              outcome_reason: d.reason,
              closed_ms: nowMs,
              closed_by: viewer.actor,
            });
            detail.reason = d.reason;
            outcome = 'dismiss';
            break;
          case 'escalate':
            next.escalated = 1;
            next.priority = Math.max(0, c.priority - 1);
            next.due_ms = Math.min(c.due_ms, c.opened_ms + slaMs(next.priority));
            outcome = 'escalate';
            break;
          case 'request_context':
            next.status = 'awaiting_context';
            break;
        }
        const decisionId = newId('chg', nowMs);
        const statements = [history(db, c.id, viewer.actor, `decided:${d.kind}`, detail, nowMs, decisionId)];
        const audit: AuditInput[] = [
          {
            actor: viewer.actor,
            action: `case.${d.kind === 'request_context' ? 'context_requested' : d.kind === 'confirm' ? 'confirmed' : d.kind === 'dismiss' ? 'dismissed' : 'escalated'}`,
            subjectAccountId: c.subject_account,
            target: { type: 'case', id: c.id },
            detail,
          },
        ];
        const flags: FlagChange[] = [];
        let deliverable = 0;
        let liveTypes: string[] = [];
        if (outcome) {
          const current = await policies.current();
          const matches = rulesForDecision(current.policy, { outcome, category: d.kind === 'confirm' ? d.category : undefined });
          const planned = planActions(
            db,
            matches,
            {
              subjectAccountId: c.subject_account,
              caseId: c.id,
              alertId: null,
              decisionId,
              policyVersion: current.version,
              actor: viewer.actor,
              content: { category: d.kind === 'confirm' ? d.category : undefined },
            },
            nowMs,
          );
          statements.push(...planned.statements);
          audit.push(...planned.audit);
          flags.push(...planned.flags);
          deliverable = planned.deliverable;
          liveTypes = matches.filter((m) => m.mode === 'live').flatMap((m) => m.actions.map((a) => a.type));
        }
        await commit(next, statements, audit, flags);
        if (deliverable > 0) deps.onDeliverable?.();
        if (d.kind === 'confirm') deps.onConfirmed?.(c.id, liveTypes);
        return ok(caseView(next, nowMs));
      }),
  };
  return service;
}

export function failureToError(f: CaseFailure): AppError {
  switch (f.kind) {
    case 'not_found':
      return new AppError('not_found', 'no such case');
    case 'closed':
      return new AppError('conflict', 'the case is closed');
    case 'claimed_by_other':
      return new AppError('conflict', `the case is claimed by ${f.claimedBy}`);
    case 'not_claimed':
      return new AppError('conflict', 'claim the case before deciding or releasing it');
  }
}
