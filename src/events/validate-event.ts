import type { z } from 'zod';
import { packIsoDate, packedUtcDate } from '../core/age-band.js';
import type { FieldIssue } from '../core/app-error.js';
import { err, ok, type Result } from '../core/result.js';
import { fastEvent } from './fast-event.js';
import { EVENT_SCHEMAS, EVENT_TYPES, type EventType, type WardenEvent } from './event-schema.js';

/** An event that passed every rule of the protocol, with its time parsed once. */
export interface ValidEvent {
  event: WardenEvent;
  tsMs: number;
}

export interface ValidateOptions {
  /** Wall-clock now, for the future-timestamp rule. */
  nowMs: number;
  /** How far ahead of Warden's clock an event's `ts` may be (platform clocks drift). */
  maxFutureSkewMs: number;
}

const EARLIEST_BIRTH = 19000101;
/**
 * Nothing a platform reports happened before the Unix epoch: an earlier `ts` (say
 * `0000-01-01T00:00:00Z`, which RFC 3339 allows) is a default or a bug upstream, and would
 * sort before every real event and age every account by two thousand years.
 */
const EARLIEST_EVENT_MS = 0;
const EARLIEST_EVENT = '1970-01-01T00:00:00Z';

/** Whether a parsed JSON value holds an own `__proto__` key anywhere; allocates nothing (it runs on every event). */
function hasReservedKey(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object' || depth > 64) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (hasReservedKey(value[i], depth + 1)) return true;
    return false;
  }
  if (Object.hasOwn(value, '__proto__')) return true;
  for (const k in value) if (hasReservedKey((value as Record<string, unknown>)[k], depth + 1)) return true;
  return false;
}

/**
 * The dotted path of the first own `__proto__` key in a parsed JSON value, if any. JSON.parse
 * makes it an own property, harmless until code copies it by assignment and sets a prototype
 * instead; no field of the protocol is called that, so it is refused at the edge.
 */
export function reservedKeyPath(value: unknown, path: readonly PropertyKey[] = []): string | undefined {
  if (path.length === 0 && !hasReservedKey(value, 0)) return undefined;
  if (value === null || typeof value !== 'object' || path.length > 64) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = reservedKeyPath(value[i], [...path, i]);
      if (p) return p;
    }
    return undefined;
  }
  if (Object.hasOwn(value, '__proto__')) return fieldName([...path, '__proto__']);
  for (const k of Object.keys(value)) {
    const p = reservedKeyPath((value as Record<string, unknown>)[k], [...path, k]);
    if (p) return p;
  }
  return undefined;
}

/** Turns a zod path into the dotted field name a platform engineer can search for. */
export function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(event)';
}

export function zodIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({ field: fieldName([...prefix, ...issue.path, key]), reason: 'is not a field of this event type' });
      }
    } else {
      issues.push({ field: fieldName([...prefix, ...issue.path]), reason: issue.message });
    }
  }
  return issues;
}

/**
 * Applies every rule of the event protocol to one decoded JSON value. Dispatching on
 * `type` first gives one clear error for an unknown type instead of nine union failures,
 * and checks only the schema that applies.
 */
export function validateEvent(raw: unknown, opts: ValidateOptions): Result<ValidEvent, FieldIssue[]> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return err([{ field: '(event)', reason: 'must be a JSON object' }]);
  }
  const reserved = reservedKeyPath(raw);
  if (reserved) return err([{ field: reserved, reason: 'is a reserved name (__proto__), not a field of any event' }]);
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string') {
    return err([{ field: 'type', reason: type === undefined ? 'is required' : 'must be a string' }]);
  }
  const schema = EVENT_SCHEMAS[type as EventType];
  if (!schema || !Object.hasOwn(EVENT_SCHEMAS, type)) {
    return err([{ field: 'type', reason: `unknown event type "${type.slice(0, 64)}"; expected one of ${EVENT_TYPES.join(', ')}` }]);
  }
  // The common shapes are checked by a precompiled test that only ever accepts (fast-event.ts);
  // everything else, and every rejection with its field and reason, is zod's.
  let event = fastEvent(raw as Record<string, unknown>, type);
  if (event === undefined) {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return err(zodIssues(parsed.error));
    event = parsed.data as WardenEvent;
  }
  const tsMs = Date.parse(event.ts);
  const issues: FieldIssue[] = [];
  if (tsMs < EARLIEST_EVENT_MS) issues.push({ field: 'ts', reason: `is before ${EARLIEST_EVENT}` });
  if (tsMs > opts.nowMs + opts.maxFutureSkewMs) {
    issues.push({
      field: 'ts',
      reason: `is ${Math.round((tsMs - opts.nowMs) / 1000)} s in the future, more than the allowed clock skew of ${Math.round(opts.maxFutureSkewMs / 1000)} s`,
    });
  }
  if (event.type === 'account.upserted') {
    const { birthDate, createdAt } = event.account;
    if (birthDate !== undefined) {
      const birth = packIsoDate(birthDate);
      if (birth > packedUtcDate(tsMs)) issues.push({ field: 'account.birthDate', reason: 'is after the event time' });
      else if (birth < EARLIEST_BIRTH) issues.push({ field: 'account.birthDate', reason: 'is before 1900-01-01' });
    }
    if (createdAt !== undefined && Date.parse(createdAt) > opts.nowMs + opts.maxFutureSkewMs) {
      issues.push({ field: 'account.createdAt', reason: 'is in the future' });
    }
    if (createdAt !== undefined && Date.parse(createdAt) < EARLIEST_EVENT_MS)
      issues.push({ field: 'account.createdAt', reason: `is before ${EARLIEST_EVENT}` });
    event.account.ipCaptureEvents?.forEach((c, i) => {
      if (c.at !== undefined && Date.parse(c.at) < EARLIEST_EVENT_MS)
        issues.push({ field: `account.ipCaptureEvents[${i}].at`, reason: `is before ${EARLIEST_EVENT}` });
    });
  }
  if (issues.length > 0) return err(issues);
  return ok({ event, tsMs });
}
