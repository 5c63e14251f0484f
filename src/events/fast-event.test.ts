import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_SCHEMAS, type EventType } from './event-schema.js';
import { fastEvent } from './fast-event.js';

type Obj = Record<string, unknown>;
const ts = '2026-06-01T10:00:00Z';

/** One event of each shape the fast path takes, every optional field given. */
const FULL: Obj[] = [
  {
    id: 'e1',
    ts,
    surface: 'profile',
    type: 'account.upserted',
    account: {
      id: 'u1',
      ageBand: 'adult',
      birthDate: '1990-02-28',
      ageAssurance: 'verified',
      createdAt: '2026-01-01T00:00:00+02:00',
      handle: 'h',
      displayName: 'D',
      country: 'US',
      isPrivate: true,
    },
  },
  { id: 'e2', ts, type: 'account.upserted', account: { id: 'u2', ageBand: 'under13', ageAssurance: 'self_declared' } },
  { id: 'e3', ts: '2026-06-01T10:00:00.123+05:30', type: 'connection.requested', from: 'u1', to: 'u2', kind: 'follow' },
  { id: 'e4', ts, type: 'connection.created', from: 'u1', to: 'u2', kind: 'household', surface: 'dm' },
  { id: 'e5', ts, type: 'connection.removed', from: 'u1', to: 'u2', kind: 'guardian' },
  { id: 'e6', ts, type: 'message.sent', message: { id: 'm1', conversationId: 'c1', from: 'u1', to: ['u2', 'u3'], text: 'hello there' } },
  { id: 'e7', ts, type: 'message.sent', message: { id: 'm2', conversationId: 'c1', from: 'u1', to: ['u2'] } },
  { id: 'e8', ts, type: 'block.created', from: 'u2', to: 'u1' },
  { id: 'e9', ts, type: 'search.performed', actor: 'u1', query: 'chess club' },
  {
    id: 'e10',
    ts,
    type: 'report.filed',
    report: { id: 'r1', reporter: 'u2', subject: { accountId: 'u1', messageId: 'm1', mediaId: 'x1' }, reason: 'harassment', text: 'rude' },
  },
  { id: 'e11', ts, type: 'report.filed', report: { id: 'r2', reporter: 'u2', subject: { accountId: 'u1' }, reason: 'sextortion' } },
];

/** Values that break one rule or another (and a few that are fine elsewhere). */
const BAD: unknown[] = [
  undefined,
  null,
  '',
  0,
  1.5,
  true,
  [],
  {},
  ['u2', 'u2'],
  [''],
  'x'.repeat(129),
  'a\u0000b',
  'a\ud800b',
  'y'.repeat(6000) + '\u20ac'.repeat(1),
  '\u20ac'.repeat(5462),
  'adult',
  'unknown',
  'ZZ',
  'us',
  '2026-02-30',
  '2024-02-29',
  '2026-06-01',
  '2026-06-01T10:00:00',
  '2026-06-01 10:00:00Z',
  '2026-06-01T25:00:00Z',
  '2026-06-01T10:00:00.5-01:00',
  'u1',
  'u2',
  'friend',
  'spam',
  'private',
];

function* leaves(o: unknown, path: (string | number)[] = []): Generator<(string | number)[]> {
  if (typeof o !== 'object' || o === null) return;
  for (const k of Object.keys(o)) {
    const p = [...path, Array.isArray(o) ? Number(k) : k];
    yield p;
    yield* leaves((o as Obj)[k], p);
  }
}
const objects = (o: unknown, path: (string | number)[] = []): (string | number)[][] =>
  typeof o !== 'object' || o === null ? [] : [path, ...Object.keys(o).flatMap((k) => objects((o as Obj)[k], [...path, k]))];

/** A deep copy with one change at `path`: a new value, or the key removed. */
function edit(o: Obj, path: (string | number)[], change: { value: unknown } | 'delete'): Obj {
  const copy = structuredClone(o);
  let at: Obj = copy;
  for (const p of path.slice(0, -1)) at = at[p] as Obj;
  const last = path[path.length - 1]!;
  if (change === 'delete') {
    if (Array.isArray(at)) at.splice(Number(last), 1);
    else delete at[last];
  } else at[last] = change.value;
  return copy;
}

/** The fast path either declines, or gives exactly what zod gives: same value, same key order. */
function agrees(raw: Obj): 'fast' | 'declined' {
  const fast = fastEvent(raw, raw.type as string);
  if (fast === undefined) return 'declined';
  const z = EVENT_SCHEMAS[raw.type as EventType].safeParse(raw);
  assert.ok(z.success, `the fast path accepted what zod rejects: ${JSON.stringify(raw).slice(0, 300)}`);
  assert.deepEqual(fast, z.data);
  assert.equal(JSON.stringify(fast), JSON.stringify(z.data));
  assert.notEqual(fast, raw, 'a fresh object, as zod returns');
  return 'fast';
}

describe('the precompiled event check', () => {
  it('takes every common shape and gives what zod gives', () => {
    for (const e of FULL) assert.equal(agrees(e), 'fast', JSON.stringify(e));
  });

  it('never accepts what zod rejects, under every one-field change', () => {
    let fast = 0;
    let declined = 0;
    for (const e of FULL) {
      const variants: Obj[] = [];
      for (const path of leaves(e)) {
        variants.push(edit(e, path, 'delete'));
        for (const value of BAD) variants.push(edit(e, path, { value }));
      }
      // An unknown key at every level, and keys given in another order.
      for (const path of objects(e)) variants.push(edit(e, [...path, 'extra'], { value: 'x' }));
      variants.push(Object.fromEntries(Object.entries(e).reverse()));
      for (const v of variants) {
        if (agrees(v) === 'fast') fast++;
        else declined++;
      }
    }
    // Both sides are exercised: valid variants take the fast path, invalid ones go to zod.
    assert.ok(fast > 100 && declined > 1000, `fast ${fast}, declined ${declined}`);
  });

  it('leaves media, IP sightings and linked accounts to zod', () => {
    const media = { id: 'e', ts, type: 'media.uploaded', media: { id: 'x', kind: 'image', owner: 'u1' } };
    assert.equal(fastEvent(media, media.type), undefined);
    const withMedia = edit(FULL[5]!, ['message', 'media'], { value: [{ id: 'x', kind: 'image' }] });
    assert.equal(fastEvent(withMedia, 'message.sent'), undefined);
    const ips = edit(FULL[1]!, ['account', 'ipCaptureEvents'], { value: [{ ipAddress: '10.0.0.1' }] });
    assert.equal(fastEvent(ips, 'account.upserted'), undefined);
    const explicitUndefined = edit(FULL[1]!, ['account', 'handle'], { value: undefined });
    assert.equal(fastEvent(explicitUndefined, 'account.upserted'), undefined);
  });
});
