import type { FastifyInstance } from 'fastify';
import { caseAlertBodies } from '../cases/case-store.js';
import { readMediaBytes } from '../reporting/read-media-bytes.js';
import { sniffMediaType } from '../reporting/media-file-facts.js';
import type { RouteContext } from '../server/route-context.js';
import { caseMediaRef } from '../cases/case-data.js';
import { blurredPreview } from './media-preview.js';
import { countReveal } from './reviewer-store.js';

/**
 * One media item, revealed on a reviewer's click. SECURITY: only media of an event the
 * case's alerts cite, only for a reviewer who may open the case (known-image cases need
 * child_safety), read under the media root or from an allowed host; each reveal counts
 * towards the reviewer's daily exposure and is audited before any byte is sent. POST, so
 * that it carries the CSRF token and no prefetch or image tag can trigger it.
 */
export function mediaRevealRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: { id: string; eventId: string; mediaId: string }; Querystring: { view?: string } }>(
    '/console/cases/:id/media/:eventId/:mediaId',
    async (req, reply) => {
      const u = req.consoleUser!;
      const row = await ctx.services.cases.get(req.params.id, u.viewer);
      if (!row) return reply.code(404).type('text/plain').send('no such case');
      const cited = await caseAlertBodies(ctx.store.db, row.id);
      const isCited = cited.some((body) => {
        const alert = JSON.parse(body) as { evidence: string[]; triggerEventId: string };
        return alert.triggerEventId === req.params.eventId || alert.evidence.includes(req.params.eventId);
      });
      const ref = isCited ? await caseMediaRef(ctx.store.db, req.params.eventId, req.params.mediaId) : undefined;
      if (!ref) return reply.code(404).type('text/plain').send('no such media in this case');
      const bytes = await readMediaBytes(ctx.store.db, ctx.config.media, req.params.eventId, req.params.mediaId);
      if (!bytes) return reply.code(404).type('text/plain').send('the bytes are not held by Warden or not reachable now');
      // Wellness (issue 17): `view=blurred` is the first step, a server-made blurred greyscale copy;
      // audited like any view of evidence, but counted as exposure only when the full item is shown.
      if (req.query.view === 'blurred') {
        const preview = await blurredPreview(bytes);
        if (!preview) return reply.code(415).type('text/plain').send('no blurred preview for this item');
        await ctx.ledger.audit([
          {
            actor: u.viewer.actor,
            action: 'media.previewed',
            subjectAccountId: row.subject_account,
            target: { type: 'media', id: ref.id },
            detail: { caseId: row.id, eventId: req.params.eventId, view: 'blurred' },
          },
        ]);
        return reply.type('image/jpeg').header('cache-control', 'no-store').header('content-disposition', 'inline').send(preview);
      }
      const day = new Date(ctx.clock.now()).toISOString().slice(0, 10);
      await ctx.ledger.apply({
        statements: [countReveal(ctx.store.db, u.reviewer.id, day)],
        audit: [
          {
            actor: u.viewer.actor,
            action: 'media.revealed',
            subjectAccountId: row.subject_account,
            target: { type: 'media', id: ref.id },
            detail: { caseId: row.id, eventId: req.params.eventId },
          },
        ],
      });
      return reply.type(sniffMediaType(bytes).mime).header('cache-control', 'no-store').header('content-disposition', 'inline').send(bytes);
    },
  );
}
