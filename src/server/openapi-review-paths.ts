import { ActionQuerySchema } from '../actions/action-requests.js';
import { CaseQuerySchema, DecisionBodySchema } from '../cases/case-requests.js';
import { PolicyBodySchema } from '../rules/rule-requests.js';
import { json, problems } from './openapi-parts.js';

/** The paths of review and reporting (cases, rules, actions, reports, evidence) in the OpenAPI document. */
export function reviewPaths(): Record<string, unknown> {
  return {
    '/v1/cases': {
      get: {
        summary: 'A page of a case queue, most urgent first (priority, then SLA due). Known-image cases only for child_safety.',
        parameters: Object.entries((json(CaseQuerySchema, 'input').properties ?? {}) as Record<string, unknown>).map(([name, schema]) => ({
          name,
          in: 'query',
          required: false,
          schema,
        })),
        responses: { '200': { description: '{cases, nextCursor}' }, ...problems(400, 401, 403) },
      },
    },
    '/v1/cases/queues': {
      get: {
        summary: 'Open and overdue cases per queue and priority.',
        responses: { '200': { description: '{queues}' }, ...problems(401, 403) },
      },
    },
    '/v1/cases/{id}': {
      get: {
        summary:
          'A case with its alerts, history and actions; the view is audited. A restricted (known-image) case is a 404 without child_safety.',
        responses: { '200': { description: '{case, alerts, history, actions}' }, ...problems(401, 403, 404) },
      },
    },
    '/v1/cases/{id}/claim': {
      post: {
        summary: 'Claim a case (one reviewer at a time; claims lapse after cases.claimMinutes).',
        responses: { '200': { description: '{case}' }, ...problems(401, 403, 404, 409) },
      },
    },
    '/v1/cases/{id}/release': {
      post: { summary: 'Release a claim.', responses: { '200': { description: '{case}' }, ...problems(401, 403, 404, 409) } },
    },
    '/v1/cases/{id}/decision': {
      post: {
        summary:
          'Decide a claimed case: confirm (category), dismiss (reason), escalate, request_context (note). Decision rules of the policy run on confirm, dismiss and escalate.',
        requestBody: { required: true, content: { 'application/json': { schema: json(DecisionBodySchema, 'input') } } },
        responses: { '200': { description: '{case}' }, ...problems(400, 401, 403, 404, 409) },
      },
    },
    '/v1/rules': {
      get: {
        summary: 'The policy in force (version 0: the default that ships).',
        responses: { '200': { description: '{version, policy, source}' }, ...problems(401, 403) },
      },
      put: {
        summary: 'Store a new policy version (YAML or JSON source); errors name each field path.',
        requestBody: { required: true, content: { 'application/json': { schema: json(PolicyBodySchema, 'input') } } },
        responses: { '200': { description: '{version, rules}' }, ...problems(400, 401, 403) },
      },
    },
    '/v1/rules/validate': {
      post: {
        summary: 'Check a policy without storing it.',
        requestBody: { required: true, content: { 'application/json': { schema: json(PolicyBodySchema, 'input') } } },
        responses: { '200': { description: '{valid, rules} or {valid: false, errors}' }, ...problems(400, 401, 403) },
      },
    },
    '/v1/rules/versions': {
      get: { summary: 'Every stored policy version.', responses: { '200': { description: '{versions}' }, ...problems(401, 403) } },
    },
    '/v1/rules/versions/{version}': {
      get: {
        summary: 'One policy version.',
        responses: { '200': { description: '{version, policy, source}' }, ...problems(401, 403, 404) },
      },
    },
    '/v1/actions': {
      get: {
        summary: 'Actions (the webhook outbox and shadow records) by status, subject or case.',
        parameters: Object.entries((json(ActionQuerySchema, 'input').properties ?? {}) as Record<string, unknown>).map(
          ([name, schema]) => ({ name, in: 'query', required: false, schema }),
        ),
        responses: { '200': { description: '{actions, next}' }, ...problems(400, 401, 403) },
      },
    },
    '/v1/actions/{id}/retry': {
      post: {
        summary: 'Put a failed action back in the outbox.',
        responses: { '200': { description: '{id, status}' }, ...problems(401, 403, 404, 409) },
      },
    },
    '/v1/cases/{id}/report': {
      post: {
        summary: 'Draft a CyberTipline report for a confirmed case (or return the one under way).',
        responses: { '201': { description: 'The report' }, ...problems(401, 403, 404, 409) },
      },
    },
    '/v1/reports': {
      get: { summary: 'CyberTipline reports by status.', responses: { '200': { description: '{reports}' }, ...problems(400, 401, 403) } },
    },
    '/v1/reports/{id}': {
      get: {
        summary: 'A report with its draft and submission state; audited.',
        responses: { '200': { description: 'The report' }, ...problems(401, 403, 404) },
      },
      put: {
        summary: 'Replace the draft (only while a draft); errors name each field.',
        responses: { '200': { description: 'The report' }, ...problems(400, 401, 403, 404, 409) },
      },
    },
    '/v1/reports/{id}/approve': {
      post: {
        summary: "Check the draft against NCMEC's rules, freeze its XML and queue it for submission.",
        responses: { '200': { description: 'The report' }, ...problems(400, 401, 403, 404, 409) },
      },
    },
    '/v1/reports/{id}/resolution': {
      post: {
        summary:
          'For a report at needs_attention, record what NCMEC said: {outcome:"filed", ncmecReportId} or {outcome:"resubmit"}; a second person signs it off.',
        responses: { '202': { description: 'The report, its resolution waiting' }, ...problems(400, 401, 403, 404, 409) },
      },
    },
    '/v1/reports/{id}/resolution/confirm': {
      post: {
        summary: "Sign off the resolution (not by its proposer): the report continues under NCMEC's id, or is submitted again.",
        responses: { '200': { description: 'The report' }, ...problems(401, 403, 404, 409) },
      },
    },
    '/v1/reports/{id}/resolution/decline': {
      post: {
        summary: 'Send the waiting resolution back for a new proposal.',
        responses: { '200': { description: 'The report' }, ...problems(401, 403, 404, 409) },
      },
    },
    '/v1/cases/{id}/evidence': {
      post: {
        summary: 'Preserve the case as an evidence package ({reason}).',
        responses: { '201': { description: '{packageId, files, mediaNotHeld}' }, ...problems(400, 401, 403, 404) },
      },
    },
    '/v1/evidence': {
      get: { summary: 'Evidence packages (?caseId).', responses: { '200': { description: '{packages}' }, ...problems(401, 403) } },
    },
    '/v1/evidence/{id}': {
      get: {
        summary: 'A package manifest (SHA-256 per file); audited.',
        responses: { '200': { description: 'The manifest' }, ...problems(401, 403, 404) },
      },
    },
    '/v1/evidence/{id}/files/{name}': {
      get: {
        summary: 'One file, decrypted and checked against the manifest; audited.',
        responses: { '200': { description: 'The bytes' }, ...problems(401, 403, 404, 409) },
      },
    },
    '/v1/evidence/{id}/verify': {
      get: {
        summary: 'Decrypt and check every file; names any altered.',
        responses: { '200': { description: '{ok, bad}' }, ...problems(401, 403, 404) },
      },
    },
    '/v1/evidence/{id}/hold': {
      post: {
        summary: 'Place or release a legal hold ({hold, reason}).',
        responses: { '200': { description: 'Done' }, ...problems(400, 401, 403, 404) },
      },
    },
    '/v1/evidence/{id}/export': {
      get: {
        summary: 'A signed tar archive for law enforcement.',
        responses: { '200': { description: 'application/x-tar' }, ...problems(401, 403, 404, 409) },
      },
    },
  };
}
