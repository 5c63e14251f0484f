import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateEvent } from './validate-event.js';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const check = (raw: unknown) => validateEvent(raw, { nowMs: NOW, maxFutureSkewMs: 300_000 });
const issues = (raw: unknown) => {
  const r = check(raw);
  assert.equal(r.ok, false, 'expected a rejection');
  return r.ok ? [] : r.error;
};
const base = { id: 'e1', ts: '2026-06-01T10:00:00Z' };

describe('event protocol v1 validation', () => {
  it('accepts one valid event of every type', () => {
    const valid = [
      {
        ...base,
        type: 'account.upserted',
        account: {
          id: 'u1',
          ageBand: 'adult',
          ageAssurance: 'verified',
          createdAt: '2026-01-01T00:00:00+02:00',
          handle: 'h',
          displayName: 'D',
          country: 'US',
          isPrivate: true,
        },
      },
      { ...base, type: 'connection.requested', from: 'u1', to: 'u2', kind: 'follow' },
      { ...base, type: 'connection.created', from: 'u1', to: 'u2', kind: 'friend' },
      { ...base, type: 'connection.removed', from: 'u1', to: 'u2', kind: 'contact', surface: 'profile' },
      { ...base, type: 'connection.created', from: 'u1', to: 'u2', kind: 'family' },
      { ...base, type: 'connection.created', from: 'u1', to: 'u2', kind: 'guardian' },
      { ...base, type: 'connection.requested', from: 'u1', to: 'u2', kind: 'household' },
      {
        ...base,
        type: 'message.sent',
        message: {
          id: 'm1',
          conversationId: 'c1',
          from: 'u1',
          to: ['u2'],
          text: 'hi',
          media: [{ id: 'x', kind: 'image', pdq: 'a'.repeat(64), md5: 'B'.repeat(32) }],
        },
      },
      { ...base, type: 'media.uploaded', media: { id: 'x', kind: 'video', owner: 'u1', visibility: 'followers', sha256: 'c'.repeat(64) } },
      {
        ...base,
        type: 'report.filed',
        report: {
          id: 'r1',
          reporter: 'u2',
          subject: { accountId: 'u1', messageId: 'm1' },
          reason: 'grooming',
          text: 'asked me to keep it secret',
        },
      },
      { ...base, type: 'block.created', from: 'u2', to: 'u1' },
      { ...base, type: 'search.performed', actor: 'u1', query: 'skate park' },
      { ...base, type: 'group.joined', group: { id: 'g1', kind: 'gaming' }, member: 'u1', role: 'moderator' },
      { ...base, type: 'group.left', group: { id: 'g1' }, member: 'u1' },
    ];
    for (const e of valid) {
      const r = check(e);
      assert.ok(r.ok, `${e.type}: ${JSON.stringify(!r.ok && r.error)}`);
    }
  });

  it('accepts linkedAccounts (an extension, issue 17) and names a bad entry by its field', () => {
    const ev = (linkedAccounts: unknown) => ({ ...base, type: 'account.upserted', account: { id: 'u1', linkedAccounts } });
    assert.equal(check(ev([{ id: 'u2', reason: 'same device' }, { id: 'u3' }])).ok, true);
    assert.ok(issues(ev([{ id: '' }])).some((i) => i.field === 'account.linkedAccounts[0].id'));
    assert.ok(issues(ev([{ id: 'u2', how: 'x' }])).some((i) => i.field.startsWith('account.linkedAccounts[0]')));
    assert.ok(issues(ev(Array.from({ length: 51 }, (_, i) => ({ id: `u${i}` })))).some((i) => i.field === 'account.linkedAccounts'));
  });

  it('accepts group memberships (an extension) and names a bad field', () => {
    const ev = (over: object) => ({ ...base, type: 'group.joined', group: { id: 'g1' }, member: 'u1', ...over });
    assert.equal(check(ev({})).ok, true, 'the kind and the role are optional');
    assert.ok(issues(ev({ group: { id: 'g1', kind: 'party' } })).some((i) => i.field === 'group.kind'));
    assert.ok(issues(ev({ member: '' })).some((i) => i.field === 'member'));
    assert.ok(issues(ev({ role: 'admin' })).some((i) => i.field === 'role'));
    assert.ok(issues({ ...base, type: 'group.left', member: 'u1' }).some((i) => i.field === 'group'));
  });

  it('lower-cases MD5 and SHA-256 digests', () => {
    const r = check({
      ...base,
      type: 'message.sent',
      message: { id: 'm', conversationId: 'c', from: 'a', to: ['b'], media: [{ id: 'x', kind: 'image', md5: 'AB'.repeat(16) }] },
    });
    assert.ok(r.ok);
    assert.equal(r.value.event.type === 'message.sent' && r.value.event.message.media?.[0]?.md5, 'ab'.repeat(16));
  });

  it('rejects an unknown type by name, listing the known ones', () => {
    const [i] = issues({ ...base, type: 'message.deleted' });
    assert.equal(i?.field, 'type');
    assert.match(i!.reason, /unknown event type "message.deleted"; expected one of account.upserted/);
  });

  it('rejects a missing or non-string type, and a non-object', () => {
    assert.equal(issues({ ...base })[0]?.reason, 'is required');
    assert.equal(issues({ ...base, type: 7 })[0]?.reason, 'must be a string');
    assert.equal(issues([1, 2])[0]?.reason, 'must be a JSON object');
    assert.equal(issues(null)[0]?.field, '(event)');
  });

  it('does not treat inherited property names as event types', () => {
    assert.match(issues({ ...base, type: 'constructor' })[0]!.reason, /unknown event type/);
    assert.match(issues({ ...base, type: '__proto__' })[0]!.reason, /unknown event type/);
  });

  it('rejects unknown fields at the top level and inside, naming each', () => {
    const top = issues({ ...base, type: 'block.created', from: 'a', to: 'b', extra: 1 });
    assert.deepEqual(top, [{ field: 'extra', reason: 'is not a field of this event type' }]);
    const nested = issues({ ...base, type: 'account.upserted', account: { id: 'u', age: 14 } });
    assert.deepEqual(nested, [{ field: 'account.age', reason: 'is not a field of this event type' }]);
  });

  it('bounds ids to 1–128 characters', () => {
    assert.equal(issues({ ...base, id: '', type: 'block.created', from: 'a', to: 'b' })[0]?.field, 'id');
    assert.match(issues({ ...base, id: 'x'.repeat(129), type: 'block.created', from: 'a', to: 'b' })[0]!.reason, /at most 128/);
    assert.ok(check({ ...base, id: 'x'.repeat(128), type: 'block.created', from: 'a', to: 'b' }).ok);
  });

  it('bounds text to 16 KiB of UTF-8, counting bytes, not characters', () => {
    const msg = (text: string) => ({
      ...base,
      type: 'message.sent',
      message: { id: 'm', conversationId: 'c', from: 'a', to: ['b'], text },
    });
    assert.ok(check(msg('a'.repeat(16384))).ok);
    const tooBig = issues(msg('a'.repeat(16385)));
    assert.deepEqual(tooBig, [{ field: 'message.text', reason: 'must be at most 16384 bytes of UTF-8' }]);
    // 5,462 three-byte characters is 16,386 bytes though only 5,462 UTF-16 units.
    assert.equal(issues(msg('€'.repeat(5462)))[0]?.field, 'message.text');
    assert.ok(check(msg('')).ok, 'an empty message is allowed');
  });

  it('rejects lone surrogates, which cannot be UTF-8', () => {
    const r = issues({ ...base, type: 'search.performed', actor: 'a', query: 'ok\ud800' });
    assert.deepEqual(r, [{ field: 'query', reason: 'is not valid Unicode (it contains a lone surrogate)' }]);
  });

  it('rejects NUL characters, which PostgreSQL cannot store', () => {
    const r = issues({ ...base, type: 'account.upserted', account: { id: 'u', handle: 'a\u0000b' } });
    assert.deepEqual(r, [{ field: 'account.handle', reason: 'contains a NUL character (U+0000)' }]);
    assert.equal(issues({ ...base, type: 'block.created', from: 'a\u0000', to: 'b' })[0]?.field, 'from');
  });

  it('requires RFC 3339 timestamps with an offset', () => {
    for (const ts of ['2026-06-01', '2026-06-01T10:00:00', 'yesterday', '2026-13-01T00:00:00Z']) {
      assert.equal(issues({ ...base, ts, type: 'block.created', from: 'a', to: 'b' })[0]?.field, 'ts', ts);
    }
    assert.ok(check({ ...base, ts: '2026-06-01T10:00:00.123+05:30', type: 'block.created', from: 'a', to: 'b' }).ok);
  });

  it('rejects events from the future beyond the allowed skew', () => {
    const soon = new Date(NOW + 200_000).toISOString();
    const late = new Date(NOW + 3_600_000).toISOString();
    assert.ok(check({ ...base, ts: soon, type: 'block.created', from: 'a', to: 'b' }).ok);
    const [i] = issues({ ...base, ts: late, type: 'block.created', from: 'a', to: 'b' });
    assert.equal(i?.field, 'ts');
    assert.match(i!.reason, /3600 s in the future, more than the allowed clock skew of 300 s/);
  });

  it('checks birth dates: a real calendar date, not after the event, not before 1900', () => {
    const acct = (birthDate: string) => ({ ...base, type: 'account.upserted', account: { id: 'u', birthDate } });
    assert.equal(issues(acct('2023-02-30'))[0]?.field, 'account.birthDate');
    assert.equal(issues(acct('2026-06-02'))[0]?.reason, 'is after the event time');
    assert.equal(issues(acct('1899-12-31'))[0]?.reason, 'is before 1900-01-01');
    assert.ok(check(acct('2026-06-01')).ok);
  });

  it('enforces enums, hex hashes and distinct ends of an edge', () => {
    assert.equal(issues({ ...base, type: 'account.upserted', account: { id: 'u', ageBand: '18+' } })[0]?.field, 'account.ageBand');
    assert.equal(issues({ ...base, type: 'connection.created', from: 'a', to: 'b', kind: 'likes' })[0]?.field, 'kind');
    assert.deepEqual(issues({ ...base, type: 'block.created', from: 'a', to: 'a' }), [{ field: 'to', reason: 'must differ from "from"' }]);
    const pdq = issues({ ...base, type: 'media.uploaded', media: { id: 'x', kind: 'image', owner: 'u', pdq: 'A'.repeat(64) } });
    assert.deepEqual(pdq, [{ field: 'media.pdq', reason: 'must be 64 lowercase hex characters (PDQ)' }]);
    assert.equal(
      issues({ ...base, type: 'media.uploaded', media: { id: 'x', kind: 'image', owner: 'u', md5: 'abc' } })[0]?.field,
      'media.md5',
    );
    assert.equal(
      issues({ ...base, type: 'message.sent', message: { id: 'm', conversationId: 'c', from: 'a', to: [] } })[0]?.reason,
      'must name at least one recipient',
    );
    assert.equal(
      issues({ ...base, type: 'message.sent', message: { id: 'm', conversationId: 'c', from: 'a', to: ['b', 5] } })[0]?.field,
      'message.to[1]',
    );
  });

  it('reports every problem of an event, not only the first', () => {
    const r = issues({ id: '', type: 'block.created', ts: 'nope', from: 'a' });
    assert.deepEqual(r.map((i) => i.field).sort(), ['id', 'to', 'ts']);
  });
});
