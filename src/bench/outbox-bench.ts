import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'undici';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionStatusCounts } from '../actions/action-store.js';
import { planActions } from '../actions/plan-actions.js';
import { createWebhookDispatcher } from '../actions/webhook-dispatcher.js';
import { signWebhook } from '../actions/webhook-signature.js';
import { loadConfig } from '../config/load-config.js';
import { createLogger } from '../core/create-logger.js';
import { systemClock } from '../core/clock.js';
import { createEngine } from '../engine/create-engine.js';
import type { RuleMatch } from '../rules/evaluate-policy.js';
import { createStore } from '../store/store.js';

/**
 * The webhook outbox draining `n` live actions to a receiver in another process: each
 * delivery signed, sent, and its outcome committed (durably, with its audit entry).
 * Baseline in the same run: the same number of signed POSTs at the same concurrency with
 * no outbox at all (the HTTP floor on this machine). Prints JSON. argv: actions
 */
const n = Number(process.argv[2] ?? 20_000);
const path = join(tmpdir(), `warden-outbox-bench-${process.pid}.db`);
const clean = () => {
  for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
};
clean();

const receiver = spawn(process.execPath, [fileURLToPath(new URL('./webhook-receiver.js', import.meta.url))], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const [portLine] = (await once(receiver.stdout, 'data')) as [Buffer];
const url = `http://127.0.0.1:${portLine.toString().trim()}/hook`;
const secret = 'bench-secret-0123456789';

const config = loadConfig({ env: {}, overrides: { log: { level: 'silent' }, actions: { webhookUrl: url, webhookSecret: secret } } });
const store = await createStore(path, { sqliteSynchronous: 'full' });
const engine = await createEngine({ store, config, logger: createLogger('silent') });
const rule: RuleMatch = {
  rule: { id: 'bench', mode: 'live', when: { on: 'alert', categories: ['sextortion'] }, then: [{ type: 'remove_content' }] },
  mode: 'live',
  actions: [{ type: 'remove_content' }],
};
for (let i = 0; i < n; i += 1000) {
  const statements = [];
  for (let j = i; j < Math.min(n, i + 1000); j++) {
    statements.push(
      ...planActions(
        store.db,
        [rule],
        {
          subjectAccountId: `u_${j}`,
          caseId: `case_${j}`,
          alertId: `alr_${j}`,
          policyVersion: 1,
          actor: 'bench',
          content: { eventIds: [`e_${j}`], conversationId: `c_${j}`, category: 'sextortion' },
        },
        Date.now(),
      ).statements,
    );
  }
  await engine.apply({ statements });
}

// Baseline: the same POSTs, signed, same concurrency, no outbox.
const body = JSON.stringify({ id: 'act_x', type: 'remove_content', subject: { accountId: 'u_1' }, content: { eventIds: ['e_1'] } });
const agent = new Agent({ connections: config.actions.concurrency, keepAliveTimeout: 30_000 });
let next = 0;
let t0 = performance.now();
await Promise.all(
  Array.from({ length: config.actions.concurrency }, async () => {
    while (next++ < n) {
      const res = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'warden-signature': signWebhook(secret, Math.floor(Date.now() / 1000), body) },
        body,
        dispatcher: agent,
      });
      await res.body.dump();
    }
  }),
);
const baselineSeconds = (performance.now() - t0) / 1000;

const dispatcher = createWebhookDispatcher({
  store,
  ledger: engine,
  config: config.actions,
  clock: systemClock,
  logger: createLogger('silent'),
});
t0 = performance.now();
let delivered = 0;
for (;;) {
  const k = await dispatcher.runOnce();
  if (k === 0) break;
  delivered += k;
}
const seconds = (performance.now() - t0) / 1000;
const status = await actionStatusCounts(store.db);
receiver.kill('SIGTERM');
await dispatcher.stop();
await agent.close();
await store.close();
clean();
process.stdout.write(
  JSON.stringify({
    actions: n,
    attempted: delivered,
    seconds,
    deliveriesPerSecond: delivered / seconds,
    baselinePostsPerSecond: n / baselineSeconds,
    ratioToBaseline: baselineSeconds / seconds,
    status: Object.fromEntries(status.map((s) => [s.status, Number(s.n)])),
  }),
);
