import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { busOptions } from './bus-options.js';
import { partitionKey, partitionOf, partitionOfKey } from './partition-of.js';
import { account, block, connect, message, report, valid } from '../testing/events.js';
import { isAppError } from '../core/app-error.js';
import { fairShare } from './partition-leases.js';

describe('partition key', () => {
  it('keeps a conversation, a pair and an account together', () => {
    const there = valid(message('a1', 'm1', undefined, 'conv-9')).event;
    const back = valid(message('m1', 'a1', undefined, 'conv-9')).event;
    assert.equal(partitionKey(there), partitionKey(back), 'both directions of a conversation');
    assert.equal(partitionKey(valid(connect('x', 'y')).event), partitionKey(valid(connect('y', 'x')).event), 'either side of a pair');
    assert.equal(partitionKey(valid(block('y', 'x')).event), partitionKey(valid(connect('x', 'y')).event), 'a block with the connection');
    assert.equal(partitionKey(valid(account('u7', { ageBand: 'adult' })).event), 'a:u7');
    assert.equal(partitionKey(valid(report('r1', 'u7')).event), 'a:u7', 'a report goes with the account it is about');
    const member = { id: 'gj1', ts: '2026-06-01T12:00:00Z', type: 'group.joined', group: { id: 'g1', kind: 'club' }, member: 'u7' };
    assert.equal(partitionKey(valid(member).event), 'a:u7', "a group membership goes with the member's own history");
  });

  it('maps every key into range, the same way every time (FNV-1a)', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 1024 }), (key, n) => {
        const p = partitionOfKey(key, n);
        return p >= 0 && p < n && Number.isInteger(p) && p === partitionOfKey(key, n);
      }),
    );
    // Pinned: a change of hash would move every key to another partition under a running stream.
    assert.equal(partitionOfKey('c:conv-1', 16), partitionOfKey('c:conv-1', 16));
    assert.equal(partitionOfKey('', 16), 0x811c9dc5 % 16);
  });

  it('spreads many conversations over the partitions', () => {
    const counts = new Array<number>(16).fill(0);
    for (let i = 0; i < 16_000; i++) counts[partitionOf(valid(message('a', 'b', undefined, `conv-${i}`)).event, 16)]!++;
    for (const c of counts) assert.ok(c > 700 && c < 1300, `${c} of 16,000 in one partition`);
  });

  it('gives every worker a fair share and leaves no partition without room for an owner', () => {
    for (let members = 1; members <= 20; members++) assert.ok(fairShare(16, members) * members >= 16);
    assert.equal(fairShare(16, 3), 6);
  });
});

describe('bus options', () => {
  it('names the field and the reason for a bad setting', () => {
    assert.throws(
      () => busOptions({ url: 'http://x', partitions: 0 }),
      (e: unknown) =>
        isAppError(e) && e.code === 'config_invalid' && /url: must be a nats:\/\/ URL/.test(e.message) && /partitions/.test(e.message),
    );
    assert.equal(busOptions({}).partitions, 16);
  });
});
