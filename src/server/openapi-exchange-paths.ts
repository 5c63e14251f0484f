import { problems } from './openapi-parts.js';

const op = (summary: string, codes: number[], extra: Record<string, unknown> = {}) => ({
  summary,
  responses: { '200': { description: 'OK' }, ...problems(...codes) },
  ...extra,
});

/** The paths of hash exchanges and of HMA compatibility (docs/exchanges.md) in the OpenAPI document. */
export function exchangePaths(): Record<string, unknown> {
  return {
    '/v1/exchanges': { get: op("Every hash exchange's state: checkpoint, last fetch, counts by type, errors, verdicts.", [401, 403]) },
    '/v1/exchanges/{name}': { get: op("One hash exchange's state.", [401, 403, 404]) },
    '/v1/exchanges/{name}/fetch': {
      post: op('Fetch the source now, from its checkpoint: {source, ok, batches, error?}.', [401, 403, 404]),
    },
    '/v1/hma/m/lookup': {
      get: op('HMA lookup: signal_type and signal (banks=A,B) to {BANK: [{bank_content_id, distance}]}.', [400, 401, 403]),
      post: op('HMA lookup of an uploaded photo (multipart, field "photo"): {pdq: {...}, md5: {...}}.', [400, 401, 403, 415]),
    },
    '/v1/hma/m/raw_lookup': {
      get: op('HMA raw lookup: {matches: [ids]} or with include_distance [{bank_content_id, distance}].', [400, 401, 403]),
    },
    '/v1/hma/m/index/status': { get: op('HMA index status per signal type: {present, built_to, size}.', [400, 401, 403]) },
    '/v1/hma/c/banks': {
      get: op('HMA: banks as [{name, matching_enabled_ratio}].', [401, 403]),
      post: op('HMA: create a bank {name, enabled_ratio?, enabled?}.', [400, 401, 403, 409]),
    },
    '/v1/hma/c/bank/{bank_name}': {
      get: op('HMA: a bank.', [401, 403, 404]),
      put: op('HMA: enable or disable a bank.', [400, 401, 403, 404]),
    },
    '/v1/hma/c/bank/{bank_name}/signal': {
      post: op('HMA: add signals {pdq, md5, sha1, sha256, video_md5, note?} to a bank: {id, signals}.', [400, 401, 403, 404]),
    },
    '/v1/hma/c/bank/{bank_name}/content/{content_id}': {
      get: op('HMA: bank content (include_signals=true for its signal).', [401, 403, 404]),
      delete: op('HMA: remove bank content: {deleted}.', [401, 403, 404]),
    },
  };
}
