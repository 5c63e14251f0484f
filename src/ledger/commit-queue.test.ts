import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WriteSet } from '../store/write-set.js';
import { createCommitQueue } from './commit-queue.js';

describe('commit queue', () => {
  it('commits a write set enqueued the moment the previous caller resumes', async () => {
    const written: number[] = [];
    const q = createCommitQueue(
      async (ws) => {
        written.push(ws.statements.length);
      },
      () => assert.fail('no failure expected'),
    );
    // Each enqueue follows directly on the previous one's resolution, with nothing else
    // awaited between: the continuation runs before the queue's own bookkeeping does.
    for (let i = 1; i <= 5; i++) {
      const ws = new WriteSet();
      for (let j = 0; j < i; j++) ws.statements.push({ sql: 'select 1', parameters: [] });
      await q.enqueue(ws);
    }
    assert.deepEqual(written, [1, 2, 3, 4, 5]);
  });

  it('merges write sets queued while a commit is in flight into one commit', async () => {
    let commits = 0;
    const q = createCommitQueue(
      async () => {
        commits++;
        await new Promise((r) => setTimeout(r, 5));
      },
      () => undefined,
    );
    await Promise.all(Array.from({ length: 10 }, () => q.enqueue(new WriteSet())));
    assert.ok(commits <= 2, `${commits} commits for 10 concurrent write sets`);
  });
});
