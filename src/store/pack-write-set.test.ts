import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MessageChannel } from 'node:worker_threads';
import { packWriteSet, unpackWriteSet, type PackedWriteSet } from './pack-write-set.js';
import { WriteSet, type AccountRow } from './write-set.js';

const account = (i: number): AccountRow => ({
  id: `u${i}`,
  ageBand: i % 2 ? '13-15' : 'adult',
  birthDate: null,
  ageAssurance: 'self_declared',
  createdAtMs: i % 3 ? null : 1_700_000_000_000 + i,
  handle: null,
  displayName: i % 5 ? null : `name ${i} ünïcode`,
  country: null,
  isPrivate: i % 7 ? null : 1,
  updatedMs: 1_764_892_800_000 + i,
});

/** What the writer thread receives: the packed set after a structured clone, as postMessage makes it. */
async function overTheWire(ws: WriteSet): Promise<WriteSet> {
  const { port1, port2 } = new MessageChannel();
  try {
    const got = new Promise<PackedWriteSet>((resolve) => port2.once('message', resolve));
    port1.postMessage(packWriteSet(ws));
    return unpackWriteSet(await got);
  } finally {
    port1.close();
    port2.close();
  }
}

/** The write set as a plain clone would carry it (own data only). */
const plain = (ws: WriteSet) => structuredClone({ ...ws }) as unknown;

describe('packWriteSet', () => {
  it('gives the writer thread rows equal to the ones packed, in order', async () => {
    const ws = new WriteSet();
    for (let i = 0; i < 500; i++) ws.accounts.push(account(i));
    for (let i = 0; i < 40; i++)
      ws.flags.push({ accountId: `u${i}`, flag: 'suspicious', source: 'detector:x', reason: `r${i}`, tsMs: 1_764_892_800_000 + i });
    ws.events.ids.push('e1');
    ws.events.types.push('message.sent');
    ws.events.tsMs.push(1);
    ws.events.receivedMs.push(2);
    ws.events.bodies.push('{}');
    ws.statements.push({ sql: 'select ?', parameters: [1] });
    const packed = packWriteSet(ws);
    assert.deepEqual(Object.keys(packed.packed ?? {}).sort(), ['accounts', 'flags']);
    assert.equal(packed.accounts.length, 0, 'the packed rows do not also cross as objects');
    assert.deepEqual(await overTheWire(ws), plain(ws));
  });

  it('leaves rows whose keys differ, and small arrays, as objects', async () => {
    const ws = new WriteSet();
    for (let i = 0; i < 100; i++) {
      const row = {
        seq: 0,
        tsMs: i,
        actor: 'a',
        action: 'x',
        subjectAccountId: null,
        targetType: null,
        targetId: null,
        detail: null,
        prevHash: '',
        hash: '',
      };
      // One row with its fields in another order: packing by the first row's keys would change it.
      const { seq, ...rest } = row;
      ws.audit.push(i === 50 ? { ...rest, seq } : row);
    }
    for (let i = 0; i < 5; i++) ws.accounts.push(account(i));
    const packed = packWriteSet(ws);
    assert.equal(packed.packed, undefined);
    assert.equal(packed.audit.length, 100);
    assert.deepEqual(await overTheWire(ws), plain(ws));
  });

  it('keeps undefined values where rows hold them', async () => {
    const ws = new WriteSet();
    for (let i = 0; i < 64; i++) ws.accounts.push({ ...account(i), handle: undefined as unknown as null });
    const back = await overTheWire(ws);
    assert.ok(Object.hasOwn(back.accounts[3]!, 'handle'));
    assert.deepEqual(back, plain(ws));
  });
});
