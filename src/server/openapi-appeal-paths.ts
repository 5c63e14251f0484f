import { ActionReasonSchema, ActionRequestSchema } from '../actions/action-requests.js';
import { AppealBodySchema, AppealDecisionSchema, AppealQuerySchema } from '../appeals/appeal-requests.js';
import { json, problems } from './openapi-parts.js';

const body = (schema: Parameters<typeof json>[0]) => ({
  required: true,
  content: { 'application/json': { schema: json(schema, 'input') } },
});

/** Enforcement by hand and appeals (issue 17) in the OpenAPI document. */
export function appealPaths(): Record<string, unknown> {
  return {
    '/v1/actions/{id}/cancel': {
      post: {
        summary: 'Cancel a pending action before it is delivered; the gate flag it set is lifted. Audited.',
        requestBody: body(ActionReasonSchema),
        responses: { '200': { description: '{id, status: cancelled}' }, ...problems(400, 401, 403, 404, 409) },
      },
    },
    '/v1/cases/{id}/actions': {
      post: {
        summary: 'Request a live action on a case, of a type the policy in force uses; it goes through the webhook outbox. Audited.',
        requestBody: body(ActionRequestSchema),
        responses: { '201': { description: '{id, type, status: pending}' }, ...problems(400, 401, 403, 404) },
      },
    },
    '/v1/appeals': {
      post: {
        summary:
          "File an account's appeal against an action or a case outcome. Idempotent by `appealId` (the platform's id): 201 the first time, 200 with the same record after; 409 for other content under a used id.",
        requestBody: body(AppealBodySchema),
        responses: {
          '200': { description: 'The appeal, filed before' },
          '201': { description: 'The appeal' },
          ...problems(400, 401, 403, 409),
        },
      },
      get: {
        summary: 'Appeals, oldest first, by status; those on restricted cases only for child_safety. Audited as a read.',
        parameters: Object.entries((json(AppealQuerySchema, 'input').properties ?? {}) as Record<string, unknown>).map(
          ([name, schema]) => ({
            name,
            in: 'query',
            required: false,
            schema,
          }),
        ),
        responses: { '200': { description: '{appeals, next}' }, ...problems(400, 401, 403) },
      },
    },
    '/v1/appeals/{id}': {
      get: { summary: 'An appeal; audited.', responses: { '200': { description: 'The appeal' }, ...problems(401, 403, 404) } },
    },
    '/v1/appeals/{id}/decision': {
      post: {
        summary:
          'Uphold or reverse, with a reason. A reversal cancels the contested actions still pending and sends a `reverse_action` for those delivered; the answer goes to the platform as an `appeal_decided` webhook.',
        requestBody: body(AppealDecisionSchema),
        responses: { '200': { description: 'The appeal' }, ...problems(400, 401, 403, 404, 409) },
      },
    },
  };
}
