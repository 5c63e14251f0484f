import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { loadConfig } from '../config/load-config.js';
import { createReviewer } from '../console/reviewer-store.js';
import { createLogger } from '../core/create-logger.js';
import { systemClock } from '../core/clock.js';
import { newId } from '../core/ids.js';
import { createEngine } from '../engine/create-engine.js';
import { createAuthenticator } from '../server/auth.js';
import { createApp } from '../server/create-app.js';
import { createServices } from '../server/create-services.js';
import { enginePorts } from '../server/engine-ports.js';
import { createStore } from '../store/store.js';

/**
 * Console page times with `n` open cases against the same pages on an empty database, in
 * one run. Pages are requested in-process (routing, session check, queries, rendering,
 * the audit entry a case view writes). Prints JSON. argv: cases requests
 */
const n = Number(process.argv[2] ?? 100_000);
const requests = Number(process.argv[3] ?? 200);
const QUEUES = ['csam_hash_match', 'sextortion', 'grooming', 'solicitation', 'suspicious_adult'];

async function world(cases: number) {
  const path = join(tmpdir(), `warden-console-bench-${process.pid}-${cases}.db`);
  const clean = () => {
    for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
  };
  clean();
  // Team routing (issue 17): `lead` works the grooming team's queue, so suspicious_adult, routed elsewhere, is left out.
  const teams = { grooming: { queues: ['grooming'], members: ['lead'] }, adults: { queues: ['suspicious_adult'], members: [] } };
  const config = loadConfig({ env: {}, overrides: { log: { level: 'silent' }, cases: { teams } } });
  const logger = createLogger('silent');
  // Seed directly: a case, its alert and the event the alert cites, per subject.
  await (await createStore(path)).close();
  const raw = new BetterSqlite3(path);
  const now = Date.now();
  const insCase = raw.prepare(
    `insert into cases (id, subject_account, status, priority, queue, restricted, escalated, categories, alert_count, opened_ms, updated_ms, due_ms) values (?, ?, 'open', ?, ?, ?, 0, ?, 1, ?, ?, ?)`,
  );
  const insAlert = raw.prepare(
    'insert into alerts (id, ts_ms, category, severity, score, subject_account, conversation_id, trigger_event_id, detector, dedupe_key, detected_ms, body) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insLink = raw.prepare('insert into case_alerts (alert_id, case_id, added_ms) values (?, ?, ?)');
  const insEvent = raw.prepare('insert into events (id, type, ts_ms, received_ms, body) values (?, ?, ?, ?, ?)');
  // Issue 17: the search index of cited words, a contact per subject, and handles, as intake and ingest keep them.
  const insTerm = raw.prepare('insert into case_terms (term, case_id) values (?, ?)');
  const insContact = raw.prepare(
    'insert into contacts (from_id, to_id, first_ms, last_ms, messages, first_event_id, last_event_id) values (?, ?, ?, ?, 1, ?, ?)',
  );
  const insAccount = raw.prepare('insert into accounts (id, age_band, handle, updated_ms) values (?, ?, ?, ?)');
  const WORDS = ['how', 'old', 'are', 'you', 'keep', 'this', 'between', 'us'];
  let sampleCase = '';
  raw.transaction(() => {
    for (let i = 0; i < cases; i++) {
      const queue = QUEUES[i % QUEUES.length]!;
      const priority = queue === 'csam_hash_match' || queue === 'sextortion' ? 0 : queue === 'suspicious_adult' ? 2 : 1 + (i % 2);
      const caseId = newId('case', now - (cases - i) * 1000);
      const subject = `u_${i}`;
      const ts = new Date(now - 3_600_000).toISOString();
      const eventId = `e_${i}`;
      const body = {
        id: eventId,
        type: 'message.sent',
        ts,
        message: { id: `m_${i}`, conversationId: `c_${i}`, from: subject, to: [`k_${i}`], text: 'how old are you? keep this between us' },
      };
      insEvent.run(eventId, 'message.sent', now - 3_600_000, now, JSON.stringify(body));
      const alertId = newId('alr', now - (cases - i) * 1000);
      const alert = {
        id: alertId,
        ts,
        category: queue,
        severity: 'high',
        score: 0.9,
        subject: { accountId: subject },
        conversationId: `c_${i}`,
        triggerEventId: eventId,
        evidence: [eventId],
        reasons: [{ code: 'age_question', detail: 'asked the minor their age' }],
        detector: 'bench',
        detectedAt: ts,
      };
      insAlert.run(alertId, now, queue, 'high', 0.9, subject, `c_${i}`, eventId, 'bench', `bench:${i}`, now, JSON.stringify(alert));
      insCase.run(
        caseId,
        subject,
        priority,
        queue,
        queue === 'csam_hash_match' ? 1 : 0,
        queue,
        now,
        now,
        now + (priority + 1) * 3_600_000 - (i % 7200) * 1000,
      );
      insLink.run(alertId, caseId, now);
      for (const w of WORDS) insTerm.run(w, caseId);
      insContact.run(subject, `k_${i}`, now, now, eventId, eventId);
      insAccount.run(subject, 'adult', `handle_${i}`, now);
      if (i === Math.floor(cases / 2)) sampleCase = caseId;
    }
  })();
  raw.close();
  const store = await createStore(path);
  const engine = await createEngine({ store, config, logger });
  const services = await createServices({ store, engine, config, clock: systemClock, logger });
  const { app } = createApp({
    ...enginePorts(engine),
    store,
    config,
    auth: createAuthenticator(store.db),
    logger,
    clock: systemClock,
    services,
  });
  await createReviewer(store.db, {
    username: 'bench',
    displayName: 'Bench',
    roles: ['reviewer', 'child_safety'],
    password: 'bench password 123',
  });
  await createReviewer(store.db, { username: 'lead', displayName: 'Lead', roles: ['reviewer'], password: 'bench password 123' });
  const signIn = async (username: string) => {
    const login = await app.inject({
      method: 'POST',
      url: '/console/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `username=${username}&password=bench+password+123`,
    });
    return String(login.headers['set-cookie']).split(';')[0]!;
  };
  const cookie = await signIn('bench');
  const teamCookie = await signIn('lead');
  // "My cases": 50 live claims of the bench reviewer among the open cases.
  const me = await store.db.selectFrom('reviewers').select('id').where('username', '=', 'bench').executeTakeFirstOrThrow();
  const claimed = await store.db.selectFrom('cases').select('id').where('queue', '=', 'grooming').limit(50).execute();
  if (claimed.length > 0)
    await store.db
      .updateTable('cases')
      .set({ claimed_by: `reviewer:${me.id}`, claim_expires_ms: now + 86_400_000 })
      .where(
        'id',
        'in',
        claimed.map((c) => c.id),
      )
      .execute();
  const first = await app.inject({ method: 'GET', url: '/console', headers: { cookie } });
  const cursor = /cursor=([A-Za-z0-9_-]+)/.exec(first.body)?.[1];
  return {
    app,
    cookie,
    pages: {
      queue: '/console',
      queueFiltered: '/console?queue=grooming',
      queueNextPage: cursor ? `/console?status=open&cursor=${cursor}` : '/console',
      case: sampleCase ? `/console/cases/${sampleCase}` : undefined,
      reports: '/console/reports',
      notices: '/console/notices',
      myCases: '/console/mine',
      searchWord: '/console/search?q=between',
      searchWords: '/console/search?q=keep+between+old',
      searchHandle: `/console/search?q=%40handle_${Math.floor(cases / 2)}`,
    } as Record<string, string | undefined>,
    // Pages as a team member sees them (the cookie of `lead`).
    teamCookie,
    teamPages: { queueTeam: '/console' } as Record<string, string>,
    async close() {
      await app.close();
      await store.close();
      clean();
    },
  };
}

async function timePages(w: Awaited<ReturnType<typeof world>>) {
  const out: Record<string, { medianMs: number; p95Ms: number; bytes: number }> = {};
  const all: [string, string | undefined, string][] = [
    ...Object.entries(w.pages).map(([k, v]) => [k, v, w.cookie] as [string, string | undefined, string]),
    ...Object.entries(w.teamPages).map(([k, v]) => [k, v, w.teamCookie] as [string, string, string]),
  ];
  for (const [name, url, cookie] of all) {
    if (!url) continue;
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < requests + 20; i++) {
      const t0 = performance.now();
      const r = await w.app.inject({ method: 'GET', url, headers: { cookie } });
      const ms = performance.now() - t0;
      if (r.statusCode !== 200) throw new Error(`${url}: HTTP ${r.statusCode}`);
      bytes = r.body.length;
      if (i >= 20) times.push(ms);
    }
    times.sort((a, b) => a - b);
    out[name] = { medianMs: times[Math.floor(times.length / 2)]!, p95Ms: times[Math.floor(times.length * 0.95)]!, bytes };
  }
  return out;
}

const empty = await world(1);
const emptyTimes = await timePages(empty);
await empty.close();
const full = await world(n);
const fullTimes = await timePages(full);
await full.close();
process.stdout.write(JSON.stringify({ cases: n, requests, empty: emptyTimes, full: fullTimes }));
