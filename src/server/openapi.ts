import { z } from 'zod';
import { AlertQuerySchema } from '../alerts/alert-queries.js';
import { AlertSchema } from '../alerts/alert-schema.js';
import { EventSchema } from '../events/event-schema.js';
import { LIMITS } from '../events/limits.js';
import { DecisionRequestSchema, REASONS } from '../gate/gate.js';

const json = (schema: z.ZodType, io: 'input' | 'output' = 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as Record<string, unknown>;

const Problem = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { index: { type: 'integer' }, id: { type: 'string' }, field: { type: 'string' }, reason: { type: 'string' } },
      },
    },
  },
};

const problems = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: 'RFC 9457 problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }]));

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
  const queryParams = Object.entries((json(AlertQuerySchema, 'input').properties ?? {}) as Record<string, unknown>).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    schema,
  }));
  return {
    openapi: '3.0.3',
    info: { title: 'Warden', version, description: 'Child-safety engine: event ingest, inline gate, alerts. See shared/spec/events.md.' },
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'A Warden API key (`warden keys create --role …`)' } },
      schemas: { Event: json(EventSchema, 'input'), Alert: json(AlertSchema), DecisionRequest: json(DecisionRequestSchema, 'input'), Decision: decision, Problem },
    },
    security: [{ apiKey: [] }],
    paths: {
      '/v1/events': {
        post: {
          summary: `Ingest events (at most ${LIMITS.batchMaxEvents} or ${LIMITS.batchMaxBytes} bytes). Role: ingest.`,
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'array', maxItems: LIMITS.batchMaxEvents, items: { $ref: '#/components/schemas/Event' } } } } },
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
          summary: 'Ask the inline gate. Role: decide.',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/DecisionRequest' } } } },
          responses: { '200': { description: 'The decision', content: { 'application/json': { schema: { $ref: '#/components/schemas/Decision' } } } }, ...problems(400, 401, 403) },
        },
      },
      '/v1/alerts': {
        get: {
          summary: 'List alerts, newest first. Role: reviewer.',
          parameters: queryParams,
          responses: {
            '200': {
              description: 'A page of alerts',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { alerts: { type: 'array', items: { $ref: '#/components/schemas/Alert' } }, nextCursor: { type: 'string', nullable: true } },
                  },
                },
              },
            },
            ...problems(400, 401, 403),
          },
        },
      },
      '/v1/alerts/{id}': {
        get: {
          summary: 'One alert. Role: reviewer.',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'The alert', content: { 'application/json': { schema: { $ref: '#/components/schemas/Alert' } } } }, ...problems(401, 403, 404) },
        },
      },
      '/healthz': { get: { summary: 'Liveness', security: [], responses: { '200': { description: 'The process is up' } } } },
      '/readyz': { get: { summary: 'Readiness: state loaded and store reachable', security: [], responses: { '200': { description: 'Ready' }, ...problems(503) } } },
      '/openapi.json': { get: { summary: 'This document', security: [], responses: { '200': { description: 'OpenAPI 3.0' } } } },
    },
  };
}
