import { accountRiskRoutes } from '../behaviour/account-risk-routes.js';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { actionRoutes } from '../actions/action-routes.js';
import { caseRoutes } from '../cases/case-routes.js';
import { consoleRoutes } from '../console/console-routes.js';
import { ruleRoutes } from '../rules/rule-routes.js';
import { reportRoutes } from '../reporting/report-routes.js';
import { evidenceRoutes } from '../reporting/evidence/evidence-routes.js';
import { alertRoutes } from '../alerts/alert-routes.js';
import { decoyRoutes } from '../decoys/decoy-routes.js';
import { transparencyRoutes } from '../transparency/transparency-routes.js';
import { isAppError } from '../core/app-error.js';
import { eventRoutes } from '../events/event-routes.js';
import { gateRoutes } from '../gate/gate-routes.js';
import { mediaRoutes } from '../media/media-routes.js';
import { exchangeRoutes } from '../exchanges/exchange-routes.js';
import { hmaRoutes } from '../media/hma-routes.js';
import { buildOpenApi } from './openapi.js';
import { parseJsonBody } from './parse-input.js';
import { installRoleMatrix } from './role-matrix.js';
import { BANK_IMPORT_MAX_BYTES } from '../media/bank-import.js';
import { problemOf, sendProblem } from './problem.js';
import type { RouteContext } from './route-context.js';
import { VERSION } from './version.js';
import { appealRoutes } from '../appeals/appeal-routes.js';

export interface AppHandle {
  app: FastifyInstance;
  /** Readiness goes false first, so a load balancer stops sending before the server closes. */
  setShuttingDown(): void;
}

/** Fastify's own body and content-type errors, mapped to the problem codes of the API. */
function frameworkProblem(err: FastifyError, bodyLimit: number) {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problemOf('payload_too_large', 413, `the body is larger than this route's limit of ${bodyLimit} bytes`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problemOf('unsupported_media_type', 415, 'send the body as application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problemOf('invalid_input', 400, 'the body is empty', [{ field: '(body)', reason: 'is empty' }]);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    default:
      if (err instanceof SyntaxError || err.code?.startsWith('FST_ERR_CTP')) {
        return problemOf('invalid_input', 400, `the body is not valid JSON: ${err.message.slice(0, 200)}`, [
          { field: '(body)', reason: 'is not valid JSON' },
        ]);
      }
      return undefined;
  }
}

export function createApp(ctx: RouteContext): AppHandle {
  let shuttingDown = false;
  const app: FastifyInstance = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    // Per-request logs cost the gate a third of its throughput; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: ctx.config.server.bodyLimitBytes,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });

  // Every body Warden takes is JSON; anything else is a 415, not a string to misread.
  app.removeContentTypeParser('text/plain');
  // Strict UTF-8, and `__proto__` named as a field rather than called a syntax error.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, parseJsonBody);

  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (isAppError(error)) {
      // Back-pressure and rebuilds pass: tell clients when to come back (RFC 9110, 10.2.3).
      if (error.code === 'not_ready') reply.header('retry-after', '1');
      if (error.status >= 500) req.log.error({ err: error, code: error.code }, 'request failed');
      return sendProblem(reply, problemOf(error.code, error.status, error.message, error.issues));
    }
    const p = frameworkProblem(error, req.routeOptions.bodyLimit);
    if (p) return sendProblem(reply, p);
    req.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, problemOf('internal', 500, 'an unexpected error occurred; it has been logged'));
  });
  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, problemOf('not_found', 404, `no route ${req.method} ${req.url.split('?')[0]!.slice(0, 200)}`)),
  );

  // SECURITY: every /v1 route's key and role are checked in onRequest, before its body is read (role-matrix.ts).
  installRoleMatrix(app, ctx.auth, {
    events: ctx.config.server.bodyLimitBytes,
    media: ctx.config.media.maxFileBytes,
    streamCap: BANK_IMPORT_MAX_BYTES,
  });

  // Once shutdown starts, responses to in-flight requests close their connections, so
  // keep-alive clients do not hold the server open until their idle timeout.
  app.addHook('onSend', async (_req, reply) => {
    if (shuttingDown) reply.header('connection', 'close');
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    if (shuttingDown) return sendProblem(reply, problemOf('not_ready', 503, 'shutting down'));
    if (!ctx.ledger.ready) return sendProblem(reply, problemOf('not_ready', 503, 'rebuilding state after a storage failure'));
    try {
      await ctx.store.ping();
    } catch {
      return sendProblem(reply, problemOf('not_ready', 503, 'the store is not reachable'));
    }
    const busProblem = await ctx.scaleOut?.readiness();
    if (busProblem) return sendProblem(reply, problemOf('not_ready', 503, busProblem));
    return { status: 'ready', ...ctx.stateSize() };
  });
  // Operational counts only (no ids, no content), scraped by Prometheus from inside the network.
  if (ctx.scaleOut) {
    const port = ctx.scaleOut;
    app.get('/metrics', async (_req, reply) => {
      const m = await port.metrics();
      return reply.type(m.contentType).send(m.body);
    });
  }
  const openapi = buildOpenApi(VERSION);
  app.get('/openapi.json', async () => openapi);

  eventRoutes(app, ctx);
  gateRoutes(app, ctx);
  accountRiskRoutes(app, ctx);
  alertRoutes(app, ctx);
  mediaRoutes(app, ctx);
  caseRoutes(app, ctx);
  ruleRoutes(app, ctx);
  actionRoutes(app, ctx);
  reportRoutes(app, ctx);
  evidenceRoutes(app, ctx);
  consoleRoutes(app, ctx);
  decoyRoutes(app, ctx);
  transparencyRoutes(app, ctx);
  exchangeRoutes(app, ctx);
  hmaRoutes(app, ctx);
  appealRoutes(app, ctx);

  return {
    app,
    setShuttingDown: () => {
      shuttingDown = true;
    },
  };
}
