import { json, Problem, problems } from './openapi-parts.js';
import { reviewPaths } from './openapi-review-paths.js';
import { safetyPaths } from './openapi-safety-paths.js';
import { exchangePaths } from './openapi-exchange-paths.js';
import { appealPaths } from './openapi-appeal-paths.js';
import { AlertQuerySchema } from '../alerts/alert-requests.js';
import { AlertSchema } from '../alerts/alert-schema.js';
import { EventSchema } from '../events/event-schema.js';
import { LIMITS } from '../events/limits.js';
import { DecisionRequestSchema, REASONS } from '../gate/gate.js';
import { ROLES } from './api-key-store.js';
import { roleAllows, routeAccess } from './role-matrix.js';
import { BANK_IMPORT_MAX_BYTES } from '../media/bank-import.js';
import { BankCreateSchema, BankUpdateSchema, EntryInput, ImportBody, MatchBody } from '../media/media-requests.js';

/** The OpenAPI 3.0 document, generated from the same zod schemas that validate requests. */
export function buildOpenApi(version: string): Record<string, unknown> {
  const decision = {
    type: 'object',
    required: ['decision', 'reasons'],
    properties: {
      decision: { type: 'string', enum: ['allow', 'warn', 'block'] },
      reasons: {
        type: 'array',
        items: {
          type: 'object',
          properties: { code: { type: 'string', enum: REASONS.map(([c]) => c) }, detail: { type: 'string' } },
        },
      },
    },
  };
  const queryParams = Object.entries((json(AlertQuerySchema, 'input').properties ?? {}) as Record<string, unknown>).map(
    ([name, schema]) => ({
      name,
      in: 'query',
      required: false,
      schema,
    }),
  );
  const doc = {
    openapi: '3.0.3',
    info: {
      title: 'Warden',
      version,
      description: 'Child-safety engine: event ingest, inline gate, alerts. The event protocol: docs/protocol.md in the repository.',
    },
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'A Warden API key (`warden keys create --role …`)' } },
      schemas: {
        Event: json(EventSchema, 'input'),
        Alert: json(AlertSchema),
        DecisionRequest: json(DecisionRequestSchema, 'input'),
        Decision: decision,
        Problem,
      },
    },
    security: [{ apiKey: [] }],
    paths: {
      '/v1/events': {
        post: {
          summary: `Ingest events (at most ${LIMITS.batchMaxEvents} or ${LIMITS.batchMaxBytes} bytes).`,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { type: 'array', maxItems: LIMITS.batchMaxEvents, items: { $ref: '#/components/schemas/Event' } },
              },
            },
          },
          responses: {
            '200': {
              description: 'Persisted; rejected events listed with index, field and reason',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      errors: { type: 'boolean' },
                      accepted: { type: 'integer' },
                      duplicates: { type: 'integer' },
                      conflicts: {
                        type: 'array',
                        items: {
                          type: 'object',
                          properties: { index: { type: 'integer' }, id: { type: 'string' }, reason: { type: 'string' } },
                        },
                      },
                      alerts: { type: 'integer' },
                      rejected: { type: 'array', items: { type: 'object' } },
                    },
                  },
                },
              },
            },
            ...problems(400, 401, 403, 413, 415, 503),
          },
        },
      },
      '/v1/decisions': {
        post: {
          summary: 'Ask the inline gate.',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/DecisionRequest' } } } },
          responses: {
            '200': { description: 'The decision', content: { 'application/json': { schema: { $ref: '#/components/schemas/Decision' } } } },
            ...problems(400, 401, 403),
          },
        },
      },
      '/v1/alerts': {
        get: {
          summary: 'List alerts, newest first.',
          parameters: queryParams,
          responses: {
            '200': {
              description: 'A page of alerts',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      alerts: { type: 'array', items: { $ref: '#/components/schemas/Alert' } },
                      nextCursor: { type: 'string', nullable: true },
                    },
                  },
                },
              },
            },
            ...problems(400, 401, 403),
          },
        },
      },
      '/v1/accounts/{id}/risk': {
        get: {
          summary:
            "An account's behaviour score (0–1) and its reasons: unconnected minors messaged, copied openers, requests minors ignored or declined, blocks and reports by minors, alerts.",
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': {
              description: 'The score',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      accountId: { type: 'string' },
                      score: { type: 'number' },
                      alertAt: { type: 'number' },
                      reasons: {
                        type: 'array',
                        items: { type: 'object', properties: { code: { type: 'string' }, detail: { type: 'string' } } },
                      },
                    },
                  },
                },
              },
            },
            ...problems(400, 401, 403, 404),
          },
        },
      },
      '/v1/alerts/{id}': {
        get: {
          summary: 'One alert.',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'The alert', content: { 'application/json': { schema: { $ref: '#/components/schemas/Alert' } } } },
            ...problems(401, 403, 404),
          },
        },
      },
      '/v1/hash': {
        post: {
          summary:
            'Hash uploaded bytes: PDQ (with 8 orientations and quality), MD5, SHA-256; for a video (video/*, or a recognised container), vPDQ as python-threatexchange writes it, and with ?tmk=true the TMK+PDQF .tmk file in base64.',
          requestBody: {
            required: true,
            content: {
              'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
              'image/*': { schema: { type: 'string', format: 'binary' } },
              'video/*': { schema: { type: 'string', format: 'binary' } },
            },
          },
          responses: { '200': { description: 'The hashes' }, ...problems(400, 401, 403, 413, 415) },
        },
      },
      '/v1/match': {
        post: {
          summary: 'Match bytes (octet-stream, image/* or video/*; ?banks=a,b) or hashes (JSON, vpdq included) against enabled banks.',
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: json(MatchBody, 'input') },
              'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
            },
          },
          responses: {
            '200': { description: 'Positive matches after thresholds, quarantine and negative banks' },
            ...problems(400, 401, 403, 413),
          },
        },
      },
      '/v1/banks': {
        get: { summary: 'List banks with entry counts.', responses: { '200': { description: 'Banks' }, ...problems(401, 403) } },
        post: {
          summary: 'Create a bank.',
          requestBody: { required: true, content: { 'application/json': { schema: json(BankCreateSchema, 'input') } } },
          responses: { '201': { description: 'The bank' }, ...problems(400, 401, 403, 409) },
        },
      },
      '/v1/banks/{id}': {
        get: {
          summary: 'One bank (id or name).',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'The bank' }, ...problems(401, 403, 404) },
        },
        patch: {
          summary: 'Enable/disable, change threshold or description.',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: { 'application/json': { schema: json(BankUpdateSchema, 'input') } } },
          responses: { '200': { description: 'The bank' }, ...problems(400, 401, 403, 404) },
        },
      },
      '/v1/banks/{id}/entries': {
        get: {
          summary: 'Entries (?state=active|removed|quarantined|all&limit&after).',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'A page of entries' }, ...problems(400, 401, 403, 404) },
        },
        post: {
          summary: 'Add hashes; bad ones reported by index.',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'array', items: json(EntryInput, 'input') } } } },
          responses: { '200': { description: 'Stored and rejected' }, ...problems(400, 401, 403, 404) },
        },
      },
      '/v1/banks/{id}/entries/{entryId}': {
        delete: { summary: 'Remove an entry.', responses: { '204': { description: 'Removed' }, ...problems(401, 403, 404) } },
      },
      '/v1/banks/{id}/entries/{entryId}/quarantine': {
        post: {
          summary: 'Set or clear quarantine ({quarantined: boolean}).',
          responses: { '200': { description: 'Done' }, ...problems(400, 401, 403, 404) },
        },
      },
      '/v1/banks/{id}/import': {
        post: {
          summary: `Import an HMA local_file or CSV list; bad lines reported by number. The list itself as text/csv, text/plain or application/octet-stream (?format=csv|hma&signalType=) is streamed, up to ${BANK_IMPORT_MAX_BYTES} bytes; JSON {format, content} is limited to the JSON body limit.`,
          requestBody: {
            required: true,
            content: {
              'text/csv': { schema: { type: 'string' } },
              'text/plain': { schema: { type: 'string' } },
              'application/json': { schema: json(ImportBody, 'input') },
            },
          },
          responses: { '200': { description: 'Stored and skipped' }, ...problems(400, 401, 403, 404) },
        },
      },
      '/v1/banks/{id}/export': {
        get: {
          summary: 'Export live entries (?format=csv|hma).',
          responses: { '200': { description: 'text/csv or text/plain' }, ...problems(400, 401, 403, 404) },
        },
      },
      '/v1/admin/notices': {
        get: {
          summary: 'Notices for admins (bank entries quarantined by flood).',
          responses: { '200': { description: 'Notices' }, ...problems(401, 403) },
        },
      },
      ...reviewPaths(),
      ...safetyPaths(),
      ...exchangePaths(),
      ...appealPaths(),
      '/healthz': { get: { summary: 'Liveness', security: [], responses: { '200': { description: 'The process is up' } } } },
      '/readyz': {
        get: {
          summary: 'Readiness: state loaded and store reachable',
          security: [],
          responses: { '200': { description: 'Ready' }, ...problems(503) },
        },
      },
      '/openapi.json': { get: { summary: 'This document', security: [], responses: { '200': { description: 'OpenAPI 3.0' } } } },
    },
  };
  // The roles of each operation come from the role matrix, the one place they are written.
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Record<string, unknown>>>)) {
    for (const [method, op] of Object.entries(ops)) {
      const access = routeAccess(method.toUpperCase(), path.replace(/\{(\w+)\}/g, ':$1').replace('/files/:name', '/files/*'));
      if (!access) continue;
      const roles = ROLES.filter((r) => roleAllows(r, access.roles));
      op['x-roles'] = roles;
      op.summary = `${String(op.summary ?? '')} Roles: ${roles.join(', ')}.`.trim();
    }
  }
  return doc;
}
