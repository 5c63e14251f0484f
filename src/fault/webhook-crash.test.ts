/*
 * Fault suite (issue 15, item 10): kill -9 and SIGTERM during webhook delivery. A real
 * `warden serve` child process delivers its outbox to a real receiver on 127.0.0.1 that counts
 * every delivery id it is sent. Bounded: every wait has a deadline.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { planActions } from '../actions/plan-actions.js';
import { createEngine } from '../engine/create-engine.js';
import type { RuleMatch } from '../rules/evaluate-policy.js';
import { createStore } from '../store/store.js';
import { silentLogger, testConfig } from '../testing/events.js';

const CLI = fileURLToPath(new URL('../cli/main.js', import.meta.url));
const SECRET = 'fault-secret-0123456789abcdef';
const CONCURRENCY = 4;

/** An outbox of `n` live actions in a fresh SQLite file, as the rule runner would have planned them. */
async function seedOutbox(dir: string, n: number): Promise<string> {
  const db = join(dir, 'outbox.db');
  const store = await createStore(db);
  const engine = await createEngine({ store, config: testConfig(), logger: silentLogger() });
  const rule: RuleMatch = {
    rule: { id: 'fault', mode: 'live', when: { on: 'alert', categories: ['sextortion'] }, then: [{ type: 'remove_content' }] },
    mode: 'live',
    actions: [{ type: 'remove_content' }],
  };
  const statements = [];
  for (let i = 0; i < n; i++) {
    statements.push(
      ...planActions(
        store.db,
        [rule],
        {
          subjectAccountId: `u_${i}`,
          caseId: null,
          alertId: `alr_${i}`,
          policyVersion: 1,
          actor: 'test',
          content: { eventIds: [`e_${i}`] },
        },
        Date.now(),
      ).statements,
    );
  }
  await engine.apply({ statements });
  await store.close();
  return db;
}

/** The receiver: counts each delivery id and attempt header; `answer` decides, per request, to answer now or hold it. */
class Receiver {
  readonly seen = new Map<string, string[]>(); // delivery id -> warden-attempt of each request
  readonly acknowledged = new Set<string>();
  readonly held: { id: string; res: ServerResponse }[] = [];
  answer: (id: string) => boolean = () => true;
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const id = String(req.headers['warden-delivery']);
        const attempts = this.seen.get(id) ?? [];
        attempts.push(String(req.headers['warden-attempt']));
        this.seen.set(id, attempts);
        if (this.answer(id)) this.ack(id, res);
        else this.held.push({ id, res });
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  ack(id: string, res: ServerResponse): void {
    res.statusCode = 204;
    res.end();
    this.acknowledged.add(id);
  }

  releaseHeld(): void {
    for (const { id, res } of this.held.splice(0)) if (!res.destroyed) this.ack(id, res);
  }

  get requests(): number {
    let n = 0;
    for (const a of this.seen.values()) n += a.length;
    return n;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }
}

function serve(
  db: string,
  configFile: string,
  receiverUrl: string,
): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0', '--config', configFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WARDEN_WEBHOOK_URL: receiverUrl, WARDEN_WEBHOOK_SECRET: SECRET },
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, exited, output: () => out };
}

async function until(what: string, cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}

/** What the outbox holds, read beside the live server (WAL: a reader never blocks its writer). */
function outbox(db: string): { id: string; status: string; attempts: number }[] {
  const raw = new BetterSqlite3(db, { readonly: true, fileMustExist: true });
  try {
    return raw.prepare('select id, status, attempts from actions order by id').all() as { id: string; status: string; attempts: number }[];
  } finally {
    raw.close();
  }
}

describe('fault: webhook delivery interrupted', () => {
  const children: ChildProcess[] = [];
  const receivers: Receiver[] = [];
  after(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const r of receivers) await r.close();
  });

  const setup = async (n: number) => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-fault-webhook-'));
    const db = await seedOutbox(dir, n);
    const configFile = join(dir, 'config.json');
    // A long delivery timeout: a held request is "in flight" for the whole test, not a timeout.
    writeFileSync(configFile, JSON.stringify({ actions: { concurrency: CONCURRENCY, timeoutMs: 60_000 }, log: { level: 'info' } }));
    const receiver = new Receiver();
    receivers.push(receiver);
    await receiver.start();
    return { db, configFile, receiver, ids: outbox(db).map((r) => r.id) };
  };

  it('kill -9 after 28 acknowledged deliveries: after the restart none of the 28 is sent again, and the rest are delivered', async () => {
    const { db, configFile, receiver, ids } = await setup(60);
    const ACKED = 28;
    receiver.answer = () => receiver.acknowledged.size < ACKED;
    const first = serve(db, configFile, receiver.url);
    children.push(first.child);
    assert.ok(
      await until(
        '28 acknowledged, the next in flight',
        () => receiver.acknowledged.size === ACKED && receiver.held.length === CONCURRENCY,
        30_000,
      ),
      first.output(),
    );
    // Outcomes are committed as they land: give them a moment to, bounded. (Before the fix they
    // waited for the whole batch, which the held deliveries never let finish.)
    await until('the 28 outcomes committed', () => outbox(db).filter((r) => r.status === 'delivered').length === ACKED, 10_000);
    const acked = new Set(receiver.acknowledged);
    first.child.kill('SIGKILL');
    assert.equal(await first.exited, null, 'killed, not exited');
    for (const { res } of receiver.held.splice(0)) res.destroy();

    receiver.answer = () => true;
    const second = serve(db, configFile, receiver.url);
    children.push(second.child);
    assert.ok(await until('every action delivered', () => ids.every((id) => receiver.acknowledged.has(id)), 30_000), second.output());
    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0, second.output());

    const repeated = [...acked].filter((id) => receiver.seen.get(id)!.length > 1);
    assert.deepEqual(repeated, [], 'no delivery the receiver had acknowledged was sent again');
    assert.ok(ids.every((id) => outbox(db).find((r) => r.id === id)?.status === 'delivered'));
    // The four in flight at the kill had no answer: they are sent again, as the same attempt.
    const resent = ids.filter((id) => (receiver.seen.get(id)?.length ?? 0) > 1);
    assert.equal(resent.length, CONCURRENCY);
    assert.ok(resent.every((id) => receiver.seen.get(id)!.every((a) => a === '1')));
  });

  it('SIGTERM during a slow batch starts no further delivery: those in flight finish and are committed, the rest wait', async () => {
    const { db, configFile, receiver, ids } = await setup(40);
    receiver.answer = () => false; // a slow receiver: nothing answered until the test says so
    const server = serve(db, configFile, receiver.url);
    children.push(server.child);
    assert.ok(await until('a full set of deliveries in flight', () => receiver.held.length === CONCURRENCY, 30_000), server.output());
    server.child.kill('SIGTERM');
    assert.ok(
      await until('the server to begin its shutdown', () => server.output().includes('"msg":"shutting down"'), 10_000),
      server.output(),
    );
    // From here the receiver answers at once: a server that went on with its batch would show
    // every further delivery in the receiver's count instead of hanging.
    receiver.answer = () => true;
    receiver.releaseHeld();
    assert.equal(await server.exited, 0, server.output());
    assert.equal(receiver.requests, CONCURRENCY, 'no delivery was started after SIGTERM');
    const rows = outbox(db);
    assert.equal(
      rows.filter((r) => r.status === 'delivered' && r.attempts === 1).length,
      CONCURRENCY,
      'the four in flight finished and were committed',
    );
    assert.equal(
      rows.filter((r) => r.status === 'pending' && r.attempts === 0).length,
      ids.length - CONCURRENCY,
      'the rest wait, untouched, for the next start',
    );
  });
});
