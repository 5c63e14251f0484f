import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../core/app-error.js';
import { invalidUtf8Offset, utf8Problem } from '../core/utf8.js';
import { reservedKeyPath, zodIssues } from '../events/validate-event.js';

/** zod at the edge: the value, or `invalid_input` naming every bad field. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issues = zodIssues(r.error).map((i) => (i.field === '(event)' ? { ...i, field: `(${what})` } : i));
    throw new AppError('invalid_input', `invalid ${what}: ${issues.map((i) => `${i.field} ${i.reason}`).join('; ')}`, { issues });
  }
  return r.data;
}

/**
 * Every JSON body. Fastify's own parser decodes with replacement characters, which made
 * `kid_\xff` and `kid_\xfe` one account; RFC 8259 section 8.1 requires UTF-8, so anything
 * else is refused with where it went wrong. `__proto__` is valid JSON (JSON.parse makes it an
 * own property, not the prototype) but no field of Warden's is called that: it is named as a
 * reserved field rather than called a syntax error; on `/v1/events` the event holding it is
 * rejected alone (validateEvent), like any other bad event in a batch.
 */
export function parseJsonBody(req: FastifyRequest, body: Buffer, done: (err: Error | null, value?: unknown) => void): void {
  const bad = invalidUtf8Offset(body);
  if (bad >= 0) {
    const reason = utf8Problem(body, bad);
    return done(new AppError('invalid_input', `the body ${reason}`, { issues: [{ field: '(body)', reason }] }));
  }
  // A byte-order mark is not JSON, but Fastify's parser dropped one and clients send it.
  const text = body.toString('utf8', body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0);
  if (text.trim() === '')
    return done(new AppError('invalid_input', 'the body is empty', { issues: [{ field: '(body)', reason: 'is empty' }] }));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return done(
      new AppError('invalid_input', `the body is not valid JSON: ${(e as Error).message.slice(0, 200)}`, {
        issues: [{ field: '(body)', reason: 'is not valid JSON' }],
      }),
    );
  }
  const perEvent = req.routeOptions.url === '/v1/events' && Array.isArray(value);
  const reserved = perEvent ? undefined : reservedKeyPath(value);
  if (reserved) {
    const reason = 'is a reserved name (__proto__), not a field Warden accepts';
    return done(new AppError('invalid_input', `the body's field ${reserved} ${reason}`, { issues: [{ field: reserved, reason }] }));
  }
  done(null, value);
}
