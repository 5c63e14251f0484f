import type { FastifyInstance } from 'fastify';
import { AppError } from '../core/app-error.js';
import { parseInput } from '../server/parse-input.js';
import type { RouteContext } from '../server/route-context.js';
import { parsePolicy } from './parse-policy.js';
import { PolicyBodySchema } from './rule-requests.js';

export function ruleRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { policies } = ctx.services;

  app.get('/v1/rules', async () => {
    const p = await policies.current();
    return {
      version: p.version,
      createdBy: p.createdBy,
      createdAt: new Date(p.createdMs).toISOString(),
      note: p.note,
      policy: p.policy,
      source: p.source,
    };
  });

  app.get('/v1/rules/versions', async () => {
    return {
      versions: (await policies.list()).map((v) => ({
        version: v.version,
        createdBy: v.createdBy,
        createdAt: new Date(v.createdMs).toISOString(),
        note: v.note,
      })),
    };
  });

  app.get<{ Params: { version: string } }>('/v1/rules/versions/:version', async (req) => {
    const v = Number(req.params.version);
    const p = Number.isInteger(v) && v >= 0 ? await policies.get(v) : undefined;
    if (!p) throw new AppError('not_found', 'no such policy version');
    return {
      version: p.version,
      createdBy: p.createdBy,
      createdAt: new Date(p.createdMs).toISOString(),
      note: p.note,
      policy: p.policy,
      source: p.source,
    };
  });

  /** Checks a policy without storing it: every problem with its field path. */
  app.post('/v1/rules/validate', async (req) => {
    const body = parseInput(PolicyBodySchema, req.body, 'policy');
    const r = parsePolicy(body.source);
    return r.ok ? { valid: true, rules: r.value.rules.length } : { valid: false, errors: r.error };
  });

  app.put('/v1/rules', async (req) => {
    const body = parseInput(PolicyBodySchema, req.body, 'policy');
    const p = await policies.save(body.source, `key:${req.principal!.keyId}`, body.note);
    return { version: p.version, rules: p.policy.rules.length };
  });
}
