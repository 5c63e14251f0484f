import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuditChain } from '../audit/audit-chain.js';
import { auditHead, verifyAudit } from '../audit/audit-store.js';
import { loadConfig } from '../config/load-config.js';
import { createLogger } from '../core/create-logger.js';
import { createEngine } from '../engine/create-engine.js';
import { createStore } from '../store/store.js';
import { WriteSet } from '../store/write-set.js';

/**
 * The audit log's two figures, in a fresh process on a SQLite file: appends a second
 * through the engine (concurrent callers, group-committed, durable), and verification of a
 * chain of `n` entries. Baselines in the same run: the same rows inserted without hashing,
 * and the same rows read without hashing. Prints JSON. argv: appends chainEntries
 */
const appends = Number(process.argv[2] ?? 100_000);
const n = Number(process.argv[3] ?? 1_000_000);
const path = join(tmpdir(), `warden-audit-bench-${process.pid}.db`);
const clean = () => {
  for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
};
clean();
const config = loadConfig({ env: {} });
const store = await createStore(path, { sqliteSynchronous: 'full' });
const engine = await createEngine({ store, config, logger: createLogger('silent') });

// Appends: 1,000 concurrent callers at a time, each appending one entry (as API views do).
let t0 = performance.now();
for (let done = 0; done < appends; done += 1000) {
  await Promise.all(
    Array.from({ length: 1000 }, (_, i) =>
      engine.audit([
        {
          actor: 'key:bench',
          action: 'alert.viewed',
          subjectAccountId: `u${(done + i) % 5000}`,
          target: { type: 'alert', id: `alr_${done + i}` },
        },
      ]),
    ),
  );
}
const appendSeconds = (performance.now() - t0) / 1000;

// Baseline: the same number of rows through the same writer, with constant (unhashed) hashes.
const baselineStore = await createStore(path + '.base', { sqliteSynchronous: 'full' });
t0 = performance.now();
for (let done = 0; done < appends; done += 1000) {
  const ws = new WriteSet();
  for (let i = 0; i < 1000; i++)
    ws.audit.push({
      seq: done + i + 1,
      tsMs: Date.now(),
      actor: 'key:bench',
      action: 'alert.viewed',
      subjectAccountId: `u${i}`,
      targetType: 'alert',
      targetId: `alr_${done + i}`,
      detail: null,
      prevHash: '0'.repeat(64),
      hash: '0'.repeat(64),
    });
  await baselineStore.write(ws);
}
const baselineSeconds = (performance.now() - t0) / 1000;
await baselineStore.close();
for (const s of ['', '-wal', '-shm']) rmSync(path + '.base' + s, { force: true });

// A chain of n entries (continuing the one above), written in large batches, then verified.
await engine.drain();
const chain = createAuditChain(await auditHead(store.db));
for (let done = engine.state.audit.head.seq; done < n;) {
  const ws = new WriteSet();
  for (let i = 0; i < 20_000 && done < n; i++, done++)
    ws.audit.push(
      chain.next(
        { actor: 'detector:bench', action: 'alert.raised', subjectAccountId: `u${done % 5000}`, detail: { category: 'unwanted_contact' } },
        1_780_000_000_000 + done,
      ),
    );
  await store.write(ws);
}
t0 = performance.now();
const v = await verifyAudit(store.db);
const verifySeconds = (performance.now() - t0) / 1000;
t0 = performance.now();
let read = 0;
for (let after = 0; ;) {
  const rows = await store.db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(20_000).execute();
  read += rows.length;
  if (rows.length < 20_000) break;
  after = rows[rows.length - 1]!.seq;
}
const readSeconds = (performance.now() - t0) / 1000;
await store.close();
clean();
process.stdout.write(
  JSON.stringify({
    appends,
    appendsPerSecond: appends / appendSeconds,
    baselineInsertsPerSecond: appends / baselineSeconds,
    chainEntries: v.entries,
    verifyOk: v.ok,
    verifySeconds,
    verifyEntriesPerSecond: v.entries / verifySeconds,
    readOnlySeconds: readSeconds,
    read,
  }) + '\n',
);
