import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { listedEntries } from '../../audit/listed-entries.js';
import { keyViewer } from '../../cases/case-routes.js';
import { AppError } from '../../core/app-error.js';
import { parseInput } from '../../server/parse-input.js';
import type { RouteContext } from '../../server/route-context.js';
import { seesDecoyEvidence } from './evidence-access.js';
import { listPackages } from './evidence-store.js';

const HoldSchema = z.strictObject({ hold: z.boolean(), reason: z.string().min(1).max(1000) });
const RequestSchema = z.strictObject({ reason: z.string().min(1).max(1000) });

/** Evidence packages. SECURITY: reading is child_safety and legal; holds and exports are legal; every access is audited by the service. */
export function evidenceRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { evidence, cases } = ctx.services;
  const viewer = (req: FastifyRequest) => keyViewer(req.principal!);

  /** A reviewer (or anyone who can see the case) may ask for preservation; reading it is another matter. */
  app.post<{ Params: { id: string } }>('/v1/cases/:id/evidence', async (req, reply) => {
    const body = parseInput(RequestSchema, req.body, 'request');
    if (!(await cases.get(req.params.id, viewer(req)))) throw new AppError('not_found', 'no such case');
    const m = await evidence.preserve(req.params.id, body.reason, viewer(req).actor);
    reply.code(201);
    return { packageId: m.packageId, files: m.files.length, mediaNotHeld: m.mediaNotHeld.length };
  });

  app.get<{ Querystring: { caseId?: string } }>('/v1/evidence', async (req) => {
    const rows = await listPackages(ctx.store.db, req.query.caseId ? String(req.query.caseId) : undefined, {
      hideDecoyCases: !seesDecoyEvidence(viewer(req)),
    });
    const entries = listedEntries(
      viewer(req).actor,
      'evidence.listed',
      rows.map((p) => ({ id: p.id, subjectAccountId: p.subject_account })),
    );
    if (entries.length > 0) await ctx.ledger.audit(entries);
    return {
      packages: rows.map((p) => ({
        id: p.id,
        caseId: p.case_id,
        subjectAccountId: p.subject_account,
        reason: p.reason,
        keyId: p.key_id,
        createdBy: p.created_by,
        createdAt: new Date(p.created_ms).toISOString(),
        expiresAt: new Date(p.expires_ms).toISOString(),
        legalHold: p.legal_hold === 1,
      })),
    };
  });

  app.get<{ Params: { id: string } }>('/v1/evidence/:id', async (req) => {
    return evidence.manifest(req.params.id, viewer(req));
  });

  app.get<{ Params: { id: string; '*': string } }>('/v1/evidence/:id/files/*', async (req, reply) => {
    const bytes = await evidence.readFile(req.params.id, req.params['*'], viewer(req));
    return reply
      .type('application/octet-stream')
      .header('cache-control', 'no-store')
      .header('content-disposition', 'attachment')
      .send(bytes);
  });

  app.post<{ Params: { id: string } }>('/v1/evidence/:id/hold', async (req) => {
    const b = parseInput(HoldSchema, req.body, 'hold');
    await evidence.setHold(req.params.id, b.hold, b.reason, viewer(req));
    return { id: req.params.id, legalHold: b.hold };
  });

  app.get<{ Params: { id: string } }>('/v1/evidence/:id/export', async (req, reply) => {
    const archive = await evidence.exportPackage(req.params.id, viewer(req));
    return reply
      .type('application/x-tar')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${req.params.id}.tar"`)
      .send(archive);
  });

  app.get<{ Params: { id: string } }>('/v1/evidence/:id/verify', async (req) => {
    return evidence.verify(req.params.id, viewer(req).actor, viewer(req));
  });
}
