import type { FastifyReply } from 'fastify';
import type { ErrorCode, FieldIssue } from '../core/app-error.js';

/** RFC 9457 problem details. `type` is a stable URN per error code; clients branch on it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: readonly (FieldIssue & { index?: number; id?: string })[];
}

const TITLES: Record<ErrorCode, string> = {
  invalid_input: 'Invalid input',
  unauthenticated: 'Authentication required',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Conflict',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  not_ready: 'Not ready',
  store_failure: 'Storage failure',
  internal: 'Internal error',
  config_invalid: 'Invalid configuration',
};

export function problemOf(code: ErrorCode, status: number, detail: string, errors?: Problem['errors']): Problem {
  const p: Problem = { type: `urn:warden:problem:${code}`, title: TITLES[code], status, detail };
  if (errors && errors.length > 0) p.errors = errors;
  return p;
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}
