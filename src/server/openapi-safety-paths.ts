import { DecoyBodySchema } from '../decoys/decoy-requests.js';
import { json, problems } from './openapi-parts.js';

/** Decoy accounts and transparency reports (issue 19) in the OpenAPI document. */
export function safetyPaths(): Record<string, unknown> {
  return {
    '/v1/admin/decoys': {
      get: {
        summary:
          'Decoy accounts with their exposure: contacts a day, time to the first unconnected adult contact, share of contacts per stage, median time to action. Audited.',
        responses: { '200': { description: '{decoys: [{accountId, label, createdAt, exposure}]}' }, ...problems(401, 403) },
      },
    },
    '/v1/admin/decoys/{accountId}': {
      put: {
        summary: 'Mark an account as a decoy (idempotent: a repeat keeps createdAt and may change the label). Audited.',
        requestBody: { required: false, content: { 'application/json': { schema: json(DecoyBodySchema, 'input') } } },
        responses: { '200': { description: '{accountId, label, createdAt}' }, ...problems(400, 401, 403) },
      },
      delete: {
        summary: 'Retire a decoy: its flag is lifted and its later contacts no longer alert. Audited.',
        responses: { '204': { description: 'Retired' }, ...problems(401, 403, 404) },
      },
    },
    '/v1/transparency': {
      get: {
        summary:
          'A transparency report for ?from=&to= (dates or RFC 3339 times; ?format=json|csv|html): alerts, gate decisions, restrictions, CyberTipline reports, reviewer decisions, decoy exposure, DSA Art. 15 and 24 fields. Counted from the audit log and the store. Audited.',
        responses: { '200': { description: 'The report' }, ...problems(400, 401, 403) },
      },
    },
    '/v1/transparency/statements': {
      get: {
        summary: "Statements of reasons for ?from=&to= in the DSA Transparency Database's format, without personal data. Audited.",
        responses: { '200': { description: '{statements}' }, ...problems(400, 401, 403) },
      },
    },
  };
}
