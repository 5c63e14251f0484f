import type { FastifyInstance } from 'fastify';
import { AppError } from '../core/app-error.js';
import { parseInput } from '../server/parse-input.js';
import type { RouteContext } from '../server/route-context.js';
import { decoyExposure } from './decoy-exposure.js';
import { DecoyBodySchema, DecoyParamsSchema } from './decoy-requests.js';
import { deleteDecoy, getDecoy, listDecoys, upsertDecoy, type Decoy } from './decoy-store.js';

const view = (d: Decoy) => ({ accountId: d.accountId, label: d.label, createdAt: new Date(d.createdMs).toISOString() });

/**
 * SECURITY: decoy accounts (issue 19) exist for admin and child_safety only (role matrix). A
 * mark, an unmark and every listing are audited. The `decoy` flag is committed with the row
 * and its audit entry in one change, so detection and the record never disagree.
 */
export function decoyRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.put<{ Params: { accountId: string } }>('/v1/admin/decoys/:accountId', async (req) => {
    const { accountId } = parseInput(DecoyParamsSchema, req.params, 'path');
    const body = parseInput(DecoyBodySchema, req.body ?? {}, 'body');
    const actor = `key:${req.principal!.keyId}`;
    const before = await getDecoy(ctx.store.db, accountId);
    const label = body.label ?? before?.label ?? null;
    const createdMs = before?.createdMs ?? ctx.clock.now();
    await ctx.ledger.apply({
      statements: [upsertDecoy(ctx.store.db, { account_id: accountId, label, created_ms: createdMs, created_by: actor })],
      flags: before ? [] : [{ accountId, flag: 'decoy', set: true, source: actor, reason: 'decoy account' }],
      audit: [
        {
          actor,
          action: before ? 'decoy.updated' : 'decoy.marked',
          subjectAccountId: accountId,
          target: { type: 'decoy', id: accountId },
          detail: { label },
        },
      ],
    });
    return view({ accountId, label, createdMs });
  });

  app.delete<{ Params: { accountId: string } }>('/v1/admin/decoys/:accountId', async (req, reply) => {
    const { accountId } = parseInput(DecoyParamsSchema, req.params, 'path');
    const actor = `key:${req.principal!.keyId}`;
    if (!(await getDecoy(ctx.store.db, accountId))) throw new AppError('not_found', `no decoy with account id ${accountId.slice(0, 128)}`);
    await ctx.ledger.apply({
      statements: [deleteDecoy(ctx.store.db, accountId)],
      flags: [{ accountId, flag: 'decoy', set: false, source: actor, reason: 'decoy account retired' }],
      audit: [{ actor, action: 'decoy.unmarked', subjectAccountId: accountId, target: { type: 'decoy', id: accountId } }],
    });
    return reply.code(204).send();
  });

  app.get('/v1/admin/decoys', async (req) => {
    const decoys = await listDecoys(ctx.store.db);
    const exposure = await decoyExposure(ctx.store.db, decoys, ctx.clock.now());
    if (decoys.length > 0)
      await ctx.ledger.audit(
        decoys.map((d) => ({
          actor: `key:${req.principal!.keyId}`,
          action: 'decoy.viewed',
          subjectAccountId: d.accountId,
          target: { type: 'decoy', id: d.accountId },
        })),
      );
    return {
      decoys: decoys.map((d) => {
        const { counts: _counts, ...shown } = exposure.get(d.accountId)!;
        return { ...view(d), exposure: shown };
      }),
    };
  });
}
