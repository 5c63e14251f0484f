import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ExchangeError, type Exchange, type ExchangeCheckpoint, type ExchangeEntry } from './exchange.js';
import { HARNESSES } from './exchange-examples.js';
import type { ExchangeSim } from './exchange-sim.js';
import { isMatchable, mapFingerprint } from './fingerprint-types.js';

const T0 = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

/** Runs a fetch to its end (or its first error), keeping every batch and the last checkpoint, as the sync persists them. */
async function drain(ex: Exchange, cp: ExchangeCheckpoint | undefined, nowMs: number) {
  const entries: ExchangeEntry[] = [];
  let checkpoint = cp;
  let batches = 0;
  let error: unknown;
  try {
    for await (const b of ex.fetch(cp, { nowMs })) {
      entries.push(...b.entries);
      checkpoint = b.checkpoint;
      batches++;
    }
  } catch (e) {
    error = e;
  }
  return { entries, checkpoint, batches, error };
}

/** The shared contract every Exchange meets (docs/architecture.md, plug-in contracts), each against its simulator. */
for (const h of HARNESSES) {
  describe(`Exchange contract: ${h.kind}`, () => {
    let sim: ExchangeSim;
    let ex: Exchange;
    before(async () => {
      ({ sim, exchange: ex } = await h.start({ pageSize: 3 }));
    });
    after(async () => {
      await ex.close();
      await sim.close();
    });
    const put = (n: number, tsMs: number, deleted = false, kind: 'image' | 'video' = 'image') =>
      sim.put({ id: h.simId(n), kind, tsMs, deleted, fingerprints: kind === 'image' ? h.image(n) : h.video(n) });
    let checkpoint: ExchangeCheckpoint | undefined;

    it('fetches every entry from the start across pages, out of time order, and ends on a checkpoint without a resume link', async () => {
      // Put in an order that is not time order: the source lists them as it holds them.
      for (const n of [5, 1, 9, 3, 7, 2, 8, 4, 6, 10]) put(n, T0 + n * 1000);
      const r = await drain(ex, undefined, T0 + DAY);
      assert.equal(r.error, undefined);
      assert.ok(r.batches >= 4, `10 entries in pages of 3 take at least 4 pages, got ${r.batches}`);
      const values = new Set(r.entries.flatMap((e) => e.fingerprints.map((f) => f.value)));
      for (let n = 1; n <= 10; n++) for (const f of h.image(n)) assert.ok(values.has(f.value), `entry ${n} ${f.sourceType}`);
      assert.ok(r.entries.every((e) => !e.deleted && e.contentKind === 'image'));
      assert.equal(r.checkpoint?.resume, undefined);
      assert.ok(r.checkpoint!.progressMs >= T0 + 10_000);
      checkpoint = r.checkpoint;
    });

    it('fetches only what changed after the checkpoint, deletions included', async () => {
      const now = T0 + DAY + 60_000;
      put(11, T0 + DAY + 10_000);
      put(3, T0 + DAY + 11_000, true);
      const r = await drain(ex, checkpoint, now);
      assert.equal(r.error, undefined);
      const ids = r.entries.map((e) => `${e.deleted ? 'deleted ' : ''}${e.fingerprints.map((f) => f.value).join(',') || e.id}`);
      assert.ok(r.entries.length >= 2 && r.entries.length <= 2 * h.image(3).length, ids.join('; '));
      const gone = r.entries.filter((e) => e.deleted);
      assert.ok(gone.length >= 1);
      assert.ok(
        gone.every(
          (e) => e.id === h.entryId(h.simId(3), h.image(3)[0]!) || e.fingerprints.some((f) => h.image(3).some((g) => g.value === f.value)),
        ),
      );
      assert.ok(r.entries.some((e) => !e.deleted && e.fingerprints.some((f) => f.value === h.image(11)[0]!.value)));
      checkpoint = r.checkpoint;
    });

    it('resumes a fetch that broke off (HTTP 500 on its second page) from its checkpoint, skipping and repeating nothing', async () => {
      const base = T0 + 2 * DAY;
      for (let n = 20; n < 30; n++) put(n, base + (30 - n) * 1000);
      sim.failList('http500', { after: 1 });
      const now = base + DAY;
      const first = await drain(ex, checkpoint, now);
      assert.ok(first.error instanceof ExchangeError && first.error.retryable, String(first.error));
      assert.equal(first.batches, 1);
      assert.ok(first.checkpoint?.resume, 'the checkpoint after the first page holds the next page');
      const second = await drain(ex, first.checkpoint, now + 1000);
      assert.equal(second.error, undefined);
      const seen = [...first.entries, ...second.entries].map((e) => e.fingerprints[0]!.value);
      const want = Array.from({ length: 10 }, (_, i) => h.image(20 + i)[0]!.value).sort();
      assert.deepEqual([...new Set(seen)].sort(), want);
      assert.equal(seen.length, new Set(seen).size, 'nothing fetched twice');
      checkpoint = second.checkpoint;
    });

    it('maps fingerprint types: images and video stored with their type, the others reported unsupported', async () => {
      put(40, T0 + 3 * DAY + 10_000, false, 'video');
      sim.put({ id: h.simId(41), kind: 'image', tsMs: T0 + 3 * DAY + 11_000, deleted: false, fingerprints: [h.unsupported(41)] });
      const r = await drain(ex, checkpoint, T0 + 4 * DAY);
      assert.equal(r.error, undefined);
      for (const f of h.image(1)) {
        const m = mapFingerprint(h.kind, f.sourceType, f.value);
        assert.equal(m.kind, 'stored', f.sourceType);
      }
      assert.ok(h.image(1).some((f) => isMatchable((mapFingerprint(h.kind, f.sourceType, f.value) as { type: string }).type)));
      const video = r.entries.find((e) => e.fingerprints.some((f) => h.video(40).some((g) => g.value === f.value)))!;
      assert.equal(video.contentKind, 'video');
      for (const f of video.fingerprints) assert.equal(mapFingerprint(h.kind, f.sourceType, f.value).kind, 'stored');
      const odd = r.entries.flatMap((e) => e.fingerprints).find((f) => f.value === h.unsupported(41).value)!;
      assert.equal(mapFingerprint(h.kind, odd.sourceType, odd.value).kind, 'unsupported');
      assert.equal(mapFingerprint(h.kind, h.image(1)[0]!.sourceType, 'not-hex').kind, 'invalid');
      checkpoint = r.checkpoint;
    });

    it('sends confirm and reject feedback to the source, naming the entry and fingerprint type', async () => {
      assert.ok(ex.sendFeedback, `${h.kind} accepts feedback`);
      const fp = h.image(5)[h.image(5).length - 1]!;
      const entryId = h.entryId(h.simId(5), fp);
      await ex.sendFeedback({ entryId, sourceType: fp.sourceType, value: fp.value, verdict: 'confirm' });
      await ex.sendFeedback({ entryId, sourceType: fp.sourceType, value: fp.value, verdict: 'reject' });
      assert.deepEqual(sim.feedback.slice(-2), [
        { entryId, sourceType: fp.sourceType, verdict: 'confirm' },
        { entryId, sourceType: fp.sourceType, verdict: 'reject' },
      ]);
      sim.failFeedback('http500');
      await assert.rejects(
        ex.sendFeedback({ entryId, sourceType: fp.sourceType, value: fp.value, verdict: 'confirm' }),
        (e) => e instanceof ExchangeError && e.retryable,
      );
    });

    it('turns a reset connection into a retryable error and keeps the checkpoint it had', async () => {
      sim.failList('reset');
      const r = await drain(ex, checkpoint, T0 + 5 * DAY);
      assert.ok(r.error instanceof ExchangeError && r.error.retryable, String(r.error));
      assert.equal(r.batches, 0);
      assert.deepEqual(r.checkpoint, checkpoint);
    });
  });

  describe(`Exchange contract: ${h.kind}, timeouts and credentials`, () => {
    it('gives up on a source that does not answer within its timeout, as a retryable error', async () => {
      const { sim, exchange } = await h.start({ pageSize: 3, timeoutMs: 300 });
      try {
        sim.failList('timeout');
        const r = await drain(exchange, undefined, T0 + DAY);
        assert.ok(r.error instanceof ExchangeError, String(r.error));
        assert.equal(r.error.code, 'timeout');
        assert.equal(r.error.retryable, true);
      } finally {
        await exchange.close();
        await sim.close();
      }
    });
  });
}
