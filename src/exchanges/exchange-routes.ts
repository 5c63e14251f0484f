import type { FastifyInstance } from 'fastify';
import { AppError } from '../core/app-error.js';
import type { RouteContext } from '../server/route-context.js';
import { isMatchable } from './fingerprint-types.js';

/** Which stored types Warden matches today, for the state views (video types wait for video matching). */
export const matchableTypes = (byType: Record<string, number>) => Object.keys(byType).filter(isMatchable);

/**
 * Each hash exchange's state (checkpoint, last fetch, counts, errors, verdicts owed) under
 * `/v1/exchanges`, and a fetch on demand. Roles are in server/role-matrix.ts.
 */
export function exchangeRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const view = async () => (await ctx.services.exchanges.states()).map((s) => ({ ...s, matchableTypes: matchableTypes(s.counts.byType) }));

  app.get('/v1/exchanges', async () => ({ exchanges: await view() }));

  app.get<{ Params: { name: string } }>('/v1/exchanges/:name', async (req) => {
    const s = (await view()).find((x) => x.name === req.params.name);
    if (!s) throw new AppError('not_found', `no exchange ${req.params.name.slice(0, 64)}`);
    return s;
  });

  app.post<{ Params: { name: string } }>('/v1/exchanges/:name/fetch', async (req) => {
    if (!ctx.services.exchanges.has(req.params.name)) throw new AppError('not_found', `no exchange ${req.params.name.slice(0, 64)}`);
    await ctx.ledger.audit([
      { actor: `key:${req.principal!.keyId}`, action: 'exchange.fetch_requested', target: { type: 'exchange', id: req.params.name } },
    ]);
    const outcome = await ctx.services.exchanges.run(req.params.name);
    return outcome;
  });
}
