import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config/load-config.js';
import { createLogger } from '../core/create-logger.js';
import { validateEvent } from '../events/validate-event.js';
import type { IngestItem } from '../engine/ingest-item.js';
import { createApiKey } from '../server/api-key-store.js';
import { startServer } from '../server/start-server.js';
import { createWebhookDispatcher } from '../actions/webhook-dispatcher.js';
import { systemClock } from '../core/clock.js';
import type { SimTarget } from './sim-target.js';
import { startWebhookInbox } from './webhook-inbox.js';
import { markDecoyOverHttp } from './http-target.js';

/**
 * Warden in this process on a throw-away embedded database: events go through the same
 * validation and engine call the `POST /v1/events` route makes, decisions through the same
 * gate call as `POST /v1/decisions`, decoys over loopback HTTP, and webhooks signed as for
 * HTTP but handed to the platform's inbox in this process (verified there as over HTTP). The rule runner
 * and the outbox are driven here, one round at a time, instead of on their timers, so the
 * same seed gives the same run.
 */
/** Events folded and handed to the writer at a time (see send). */
const CHUNK = 500;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function createInProcessTarget(opts: { logLevel?: string } = {}): Promise<SimTarget> {
  const dir = mkdtempSync(join(tmpdir(), 'warden-sim-'));
  const secret = randomBytes(24).toString('base64url');
  const inbox = await startWebhookInbox({ secret });
  let server: Awaited<ReturnType<typeof startServer>>;
  let config: ReturnType<typeof loadConfig>;
  let logger: ReturnType<typeof createLogger>;
  try {
    config = loadConfig({
      env: {},
      overrides: {
        // A throw-away file: no fsync per commit (it is removed at the end anyway).
        store: { url: join(dir, 'warden.db'), sqliteSynchronous: 'off' },
        server: { host: '127.0.0.1', port: 0 },
        log: { level: opts.logLevel ?? 'error' },
        actions: { webhookUrl: inbox.url, webhookSecret: secret },
      },
    });
    logger = createLogger(config.log.level);
    server = await startServer(config, logger);
  } catch (e) {
    await inbox.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  // The rule runner and the outbox are stepped by settle() instead of their timers: their own
  // loops are stopped (a second round at once would read the same cursor or the same due rows),
  // and a dispatcher made as createServices makes it delivers, round by round, until none is due.
  await server.services.runner.stop();
  await server.services.dispatcher.stop();
  const outbox = createWebhookDispatcher({
    store: server.store,
    ledger: server.engine,
    config: config.actions,
    clock: systemClock,
    logger,
    // Signed as over HTTP and verified by the inbox as the platform would, without the loopback
    // round trip (undici, the HTTP parser on both sides): 3-4% of this thread's time before.
    transport: (req) => Promise.resolve(inbox.receive(req.headers, req.body)),
  });
  const { key } = await createApiKey(server.store.db, 'simulator', 'admin');
  const skew = 300_000;
  const committing: Promise<void>[] = [];
  return {
    name: 'in-process',
    async send(events) {
      const items: IngestItem[] = [];
      let rejected = 0;
      const nowMs = Date.now();
      for (const e of events) {
        const r = validateEvent(e, { nowMs, maxFutureSkewMs: skew });
        if (r.ok) items.push(r.value);
        else rejected++;
      }
      let accepted = 0;
      let alerts = 0;
      // Folded now (so the gate sees it at once), committed in the background while the next part
      // is folded or the simulator makes the next batch, as replay does; settle() waits for the
      // commits before the rules run. In parts of at most CHUNK events: a settle period's batch
      // (an hour in shadow, a few thousand events) folded whole and only then handed to the
      // writer left the main thread waiting, at each settle, for the commit of all of it; in
      // parts the writer commits each while the next is folded, and the wait is for the last.
      for (let i = 0; i < items.length; i += CHUNK) {
        const out = await server.engine.submit(items.length <= CHUNK ? items : items.slice(i, i + CHUNK));
        // Handled here too, so a failed commit is not an unhandled rejection before settle() awaits it.
        out.committed.catch(() => undefined);
        committing.push(out.committed);
        // At most two parts in flight, as replay keeps: the accounts at the start come faster than
        // they commit, and a backlog of twenty batches kept every row alive long enough to be
        // promoted, merged and cloned in bulk (the garbage collector's work doubled). Only the
        // timing changes: each part is still folded in order before the next is submitted.
        if (committing.length > 2) await committing.shift();
        // Let the ledger's group commit start this part's write now (it starts on the next turn
        // of the event loop, never within this one): nothing here yields to it otherwise, so each
        // part waited for the wait above, and then the writer took three parts at once while this
        // thread, blocked on the first of them, did nothing (replay yields at every read).
        else await nextTurn();
        for (const st of out.statuses) if (st === 'accepted') accepted++;
        alerts += out.alerts.length;
      }
      return { accepted, rejected, alerts };
    },
    decide: (req) => server.engine.decide(req),
    markDecoy: (accountId, label) => markDecoyOverHttp(server.url, key, accountId, label),
    async settle() {
      await Promise.all(committing.splice(0));
      let n = 0;
      while ((await server.services.runner.runOnce()) > 0) n++;
      // A delivery that fails is rescheduled for later, so this ends; the run goes on without it.
      if (n > 0) while ((await outbox.runOnce()) > 0);
      return inbox.drain();
    },
    async close() {
      await Promise.allSettled(committing.splice(0));
      await outbox.stop();
      await server.close();
      await inbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
