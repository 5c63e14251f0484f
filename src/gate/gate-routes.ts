import type { FastifyInstance } from 'fastify';
import { AppError } from '../core/app-error.js';
import { zodIssues } from '../events/validate-event.js';
import type { RouteContext } from '../server/route-context.js';
import { DecisionRequestSchema } from './gate.js';

/** `POST /v1/decisions` (spec: "Decisions (the inline gate)"): answered from memory, no I/O. */
export function gateRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post('/v1/decisions', async (req) => {
    const parsed = DecisionRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      throw new AppError('invalid_input', `invalid decision request: ${issues.map((i) => `${i.field} ${i.reason}`).join('; ')}`, {
        issues,
      });
    }
    return ctx.ingest.decide(parsed.data);
  });
}
