import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../core/app-error.js';
import { CONFIRM_CATEGORIES, DISMISS_REASONS } from '../rules/policy-schema.js';
import type { Principal } from '../server/auth.js';
import { parseInput } from '../server/parse-input.js';
import type { RouteContext } from '../server/route-context.js';
import { CASE_STATUSES, caseView, type Viewer } from './case-model.js';
import { caseDetail, listCases, queueCounts } from './case-queries.js';
import { failureToError, type Decision } from './case-service.js';

export const CaseQuerySchema = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  queue: z.string().min(1).max(64).optional(),
  priority: z.coerce.number().int().min(0).max(3).optional(),
  subject: z.string().min(1).max(128).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(512).optional(),
});

const note = z.string().max(3000).optional();
export const DecisionBodySchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('confirm'), category: z.enum(CONFIRM_CATEGORIES), note }),
  z.strictObject({ decision: z.literal('dismiss'), reason: z.enum(DISMISS_REASONS), note }),
  z.strictObject({ decision: z.literal('escalate'), note }),
  z.strictObject({ decision: z.literal('request_context'), note: z.string().min(1).max(3000) }),
]);

export function toDecision(b: z.output<typeof DecisionBodySchema>): Decision {
  switch (b.decision) {
    case 'confirm':
      return { kind: 'confirm', category: b.category, note: b.note };
    case 'dismiss':
      return { kind: 'dismiss', reason: b.reason, note: b.note };
    case 'escalate':
      return { kind: 'escalate', note: b.note };
    case 'request_context':
      return { kind: 'request_context', note: b.note };
  }
}

/** An API key as a viewer: its one role (child_safety also reviews). */
export const keyViewer = (p: Principal): Viewer => ({ actor: `key:${p.keyId}`, roles: [p.role] });

const REVIEW = ['reviewer', 'child_safety'] as const;

export function caseRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { cases } = ctx.services;
  const viewerOf = (req: FastifyRequest) => {
    ctx.auth.require(req.principal!, REVIEW);
    return keyViewer(req.principal!);
  };

  app.get('/v1/cases', async (req) => {
    const viewer = viewerOf(req);
    const q = parseInput(CaseQuerySchema, req.query, 'query');
    return listCases(ctx.store.db, q, viewer, ctx.clock.now());
  });

  app.get('/v1/cases/queues', async (req) => ({ queues: await queueCounts(ctx.store.db, viewerOf(req), ctx.clock.now()) }));

  app.get<{ Params: { id: string } }>('/v1/cases/:id', async (req) => {
    const viewer = viewerOf(req);
    const c = await cases.get(req.params.id, viewer);
    if (!c) throw new AppError('not_found', 'no such case');
    const detail = await caseDetail(ctx.store.db, c.id);
    await ctx.ledger.audit([{ actor: viewer.actor, action: 'case.viewed', subjectAccountId: c.subject_account, target: { type: 'case', id: c.id } }]);
    return { case: caseView(c, ctx.clock.now()), ...detail };
  });

  app.post<{ Params: { id: string } }>('/v1/cases/:id/claim', async (req) => {
    const r = await cases.claim(req.params.id, viewerOf(req));
    if (!r.ok) throw failureToError(r.error);
    return { case: r.value };
  });

  app.post<{ Params: { id: string } }>('/v1/cases/:id/release', async (req) => {
    const r = await cases.release(req.params.id, viewerOf(req));
    if (!r.ok) throw failureToError(r.error);
    return { case: r.value };
  });

  app.post<{ Params: { id: string } }>('/v1/cases/:id/decision', async (req) => {
    const viewer = viewerOf(req);
    const body = parseInput(DecisionBodySchema, req.body, 'decision');
    const r = await cases.decide(req.params.id, viewer, toDecision(body));
    if (!r.ok) throw failureToError(r.error);
    return { case: r.value };
  });
}
