import { AGE_BANDS, ASSURANCE_LEVELS } from '../core/age-band.js';
import { IsoDate, REPORT_REASONS, Timestamp, type WardenEvent } from './event-schema.js';
import { LIMITS } from './limits.js';

/*
 * A precompiled check for the common shapes of the protocol's events, in front of zod: on the
 * ingest path zod's object parse was 4-5% of the CPU and a third of the allocations of a
 * simulated platform (docs/benchmarks.md). It only ever accepts: it returns the event exactly
 * as zod's parse would (fresh objects, the schema's key order) when it can prove every rule
 * holds, and `undefined` for anything else, valid or not (an unknown key, a field it does not
 * check such as media or IP sightings, any doubt), which then goes to zod: zod alone rejects,
 * so the field and reason of every error are zod's. `fast-event.test.ts` holds the two to the
 * same answers.
 */

type Obj = Record<string, unknown>;

/** zod's own patterns, read from the schemas so the two can never disagree; no pattern, no fast path. */
const patternOf = (schema: unknown): RegExp | undefined => {
  const p = (schema as { _zod?: { def?: { pattern?: unknown } } })._zod?.def?.pattern;
  return p instanceof RegExp ? p : undefined;
};
const TIMESTAMP = patternOf(Timestamp);
const ISO_DATE = patternOf(IsoDate);
const COUNTRY = /^[A-Z]{2}$/;
const AGE_BAND = new Set<unknown>(AGE_BANDS);
const ASSURANCE = new Set<unknown>(ASSURANCE_LEVELS);
const CONNECTION_KIND = new Set<unknown>(['follow', 'friend', 'contact', 'family', 'guardian', 'household']);
const REASON = new Set<unknown>(REPORT_REASONS);

/** Neither a lone surrogate nor U+0000: what every id and text field must hold to be stored. */
const storable = (s: string) => s.isWellFormed() && !s.includes('\u0000');
const isId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= LIMITS.idMaxChars && storable(v);
const isText = (v: unknown): v is string =>
  typeof v === 'string' && storable(v) && (v.length * 3 <= LIMITS.textMaxBytes || Buffer.byteLength(v, 'utf8') <= LIMITS.textMaxBytes);
const isTimestamp = (v: unknown): v is string => TIMESTAMP !== undefined && typeof v === 'string' && TIMESTAMP.test(v);
const isPlain = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether every own enumerable key of `o` is one of `allowed` and none holds `undefined` (an
 * explicit undefined is left to zod, whose output keeps the key).
 */
function onlyKeys(o: Obj, allowed: ReadonlySet<string>): boolean {
  for (const k in o) if (!allowed.has(k) || o[k] === undefined) return false;
  return true;
}
const keys = (...ks: string[]) => new Set(ks);

const ENVELOPE = ['id', 'ts', 'surface', 'type'];
const KEYS = {
  account: keys(...ENVELOPE, 'account'),
  accountFields: keys('id', 'ageBand', 'birthDate', 'ageAssurance', 'createdAt', 'handle', 'displayName', 'country', 'isPrivate'),
  connection: keys(...ENVELOPE, 'from', 'to', 'kind'),
  block: keys(...ENVELOPE, 'from', 'to'),
  message: keys(...ENVELOPE, 'message'),
  messageFields: keys('id', 'conversationId', 'from', 'to', 'text'),
  search: keys(...ENVELOPE, 'actor', 'query'),
  report: keys(...ENVELOPE, 'report'),
  reportFields: keys('id', 'reporter', 'subject', 'reason', 'text'),
  subject: keys('accountId', 'messageId', 'mediaId'),
};

/** The envelope as zod's output starts it (`id`, `ts`, `surface`, then `type`), or undefined when a rule fails. */
function envelope(raw: Obj, type: string): Obj | undefined {
  if (!isId(raw.id) || !isTimestamp(raw.ts)) return undefined;
  const out: Obj = { id: raw.id, ts: raw.ts };
  if (raw.surface !== undefined) {
    if (!isText(raw.surface)) return undefined;
    out.surface = raw.surface;
  }
  out.type = type;
  return out;
}

function account(a: unknown): Obj | undefined {
  if (!isPlain(a) || !onlyKeys(a, KEYS.accountFields) || !isId(a.id)) return undefined;
  const out: Obj = { id: a.id };
  if (a.ageBand !== undefined && !AGE_BAND.has(a.ageBand)) return undefined;
  if (a.birthDate !== undefined && (ISO_DATE === undefined || typeof a.birthDate !== 'string' || !ISO_DATE.test(a.birthDate)))
    return undefined;
  if (a.ageAssurance !== undefined && !ASSURANCE.has(a.ageAssurance)) return undefined;
  if (a.createdAt !== undefined && !isTimestamp(a.createdAt)) return undefined;
  if (a.handle !== undefined && !isText(a.handle)) return undefined;
  if (a.displayName !== undefined && !isText(a.displayName)) return undefined;
  if (a.country !== undefined && (typeof a.country !== 'string' || !COUNTRY.test(a.country))) return undefined;
  if (a.isPrivate !== undefined && typeof a.isPrivate !== 'boolean') return undefined;
  // In the schema's order, each only where it was given.
  for (const k of KEYS.accountFields) if (k !== 'id' && a[k] !== undefined) out[k] = a[k];
  return out;
}

function message(m: unknown): Obj | undefined {
  if (!isPlain(m) || !onlyKeys(m, KEYS.messageFields)) return undefined;
  if (!isId(m.id) || !isId(m.conversationId) || !isId(m.from)) return undefined;
  const to = m.to;
  if (!Array.isArray(to) || to.length < 1 || to.length > LIMITS.recipientsMax) return undefined;
  for (let i = 0; i < to.length; i++) if (!isId(to[i])) return undefined;
  if (m.text !== undefined && !isText(m.text)) return undefined;
  const out: Obj = { id: m.id, conversationId: m.conversationId, from: m.from, to: to.slice() };
  if (m.text !== undefined) out.text = m.text;
  return out;
}

function report(r: unknown): Obj | undefined {
  if (!isPlain(r) || !onlyKeys(r, KEYS.reportFields) || !isId(r.id) || !isId(r.reporter) || !REASON.has(r.reason)) return undefined;
  const s = r.subject;
  if (!isPlain(s) || !onlyKeys(s, KEYS.subject) || !isId(s.accountId)) return undefined;
  if ((s.messageId !== undefined && !isId(s.messageId)) || (s.mediaId !== undefined && !isId(s.mediaId))) return undefined;
  if (r.text !== undefined && !isText(r.text)) return undefined;
  const subject: Obj = { accountId: s.accountId };
  if (s.messageId !== undefined) subject.messageId = s.messageId;
  if (s.mediaId !== undefined) subject.mediaId = s.mediaId;
  const out: Obj = { id: r.id, reporter: r.reporter, subject, reason: r.reason };
  if (r.text !== undefined) out.text = r.text;
  return out;
}

/** Adds `from` and `to` (which must differ), or says no. */
function pair(raw: Obj, out: Obj): boolean {
  if (!isId(raw.from) || !isId(raw.to) || raw.from === raw.to) return false;
  out.from = raw.from;
  out.to = raw.to;
  return true;
}

/**
 * The event as zod's parse of `raw` with the schema of `type` would give it, when this check
 * can tell it is valid; undefined otherwise (the caller then asks zod, which has the last word).
 */
export function fastEvent(raw: Obj, type: string): WardenEvent | undefined {
  let out: Obj | undefined;
  switch (type) {
    case 'account.upserted': {
      if (!onlyKeys(raw, KEYS.account) || !(out = envelope(raw, type))) return undefined;
      const a = account(raw.account);
      if (!a) return undefined;
      out.account = a;
      break;
    }
    case 'message.sent': {
      if (!onlyKeys(raw, KEYS.message) || !(out = envelope(raw, type))) return undefined;
      const m = message(raw.message);
      if (!m) return undefined;
      out.message = m;
      break;
    }
    case 'connection.requested':
    case 'connection.created':
    case 'connection.removed':
      if (!onlyKeys(raw, KEYS.connection) || !(out = envelope(raw, type)) || !pair(raw, out) || !CONNECTION_KIND.has(raw.kind))
        return undefined;
      out.kind = raw.kind;
      break;
    case 'block.created':
      if (!onlyKeys(raw, KEYS.block) || !(out = envelope(raw, type)) || !pair(raw, out)) return undefined;
      break;
    case 'search.performed':
      if (!onlyKeys(raw, KEYS.search) || !(out = envelope(raw, type)) || !isId(raw.actor) || !isText(raw.query)) return undefined;
      out.actor = raw.actor;
      out.query = raw.query;
      break;
    case 'report.filed': {
      if (!onlyKeys(raw, KEYS.report) || !(out = envelope(raw, type))) return undefined;
      const r = report(raw.report);
      if (!r) return undefined;
      out.report = r;
      break;
    }
    default:
      // media.uploaded (hashes are lowered, URLs parsed): zod's.
      return undefined;
  }
  return out as unknown as WardenEvent;
}
