import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { createReviewer } from '../console/reviewer-store.js';
import { createLogger } from '../core/create-logger.js';
import { loadConfig } from '../config/load-config.js';
import { createApiKey } from '../server/api-key-store.js';
import { startServer } from '../server/start-server.js';
import { waitForSignal } from './serve-command.js';
import { NCMEC_XSD_UNSET } from '../reporting/ncmec/schema-file.js';
import { demoReporting } from './demo-report.js';
import { startDemoFeed, type DemoFeed } from './demo-feed.js';
import { startWebhookInbox } from '../simulator/webhook-inbox.js';

const SCENARIO = fileURLToPath(new URL('../../examples/demo-scenario.jsonl', import.meta.url));

const QUESTIONS = [
  { action: 'message', actor: 'u_coach_dana', target: 'u_mia', why: 'a coach the child follows' },
  { action: 'message', actor: 'u_aunt_rita', target: 'u_leo', why: 'an unconnected adult, to a 13-15' },
  { action: 'message', actor: 'u_coach_dana', target: 'u_noa', why: 'an unconnected adult, to a 16-17' },
  { action: 'message', actor: 'u_rex', target: 'u_mia', why: 'an adult blocked and reported by minors' },
  { action: 'view_profile', actor: 'u_vic', target: 'u_zoe', why: 'an adult flagged for fan-out' },
  { action: 'recommend', actor: 'u_kai', target: 'u_rex', why: 'recommend a flagged adult to a child' },
  { action: 'message', actor: 'u_mia', target: 'u_leo', why: 'two teens who are friends' },
] as const;

/**
 * `npm run demo`: Warden on its embedded defaults with data in it. Starts the server on a
 * fresh SQLite file, sends the shipped synthetic scenario through the real HTTP API,
 * shows the alerts and some gate decisions, and keeps serving until Ctrl-C.
 */
export function demoCommand(): Command {
  return new Command('demo')
    .description('start Warden on a fresh embedded database, replay a small synthetic scenario, and keep serving')
    .option('--port <port>', 'port to listen on', (v) => Number(v), 8080)
    .option('--exit', 'stop after showing the results instead of serving')
    .action(async (flags: { port: number; exit?: boolean }) => {
      const dir = mkdtempSync(join(tmpdir(), 'warden-demo-'));
      const cleanup = demoCleanup(dir);
      const closers: (() => Promise<unknown>)[] = [];
      try {
        const reporting = await demoReporting();
        if (reporting.sim) closers.push(reporting.sim.close);
        // The live feed's platform takes Warden's webhooks here (acting on them is part of the demo).
        const webhookSecret = randomBytes(24).toString('base64url');
        const inbox = flags.exit ? undefined : await startWebhookInbox({ secret: webhookSecret });
        if (inbox) closers.push(inbox.close);
        const config = loadConfig({
          overrides: {
            store: { url: join(dir, 'warden.db') },
            server: { port: flags.port },
            log: { level: 'warn' },
            ...reporting.overrides,
            ...(inbox ? { actions: { webhookUrl: inbox.url, webhookSecret } } : {}),
          },
        });
        const logger = createLogger(config.log.level);
        const server = await startServer(config, logger);
        // Closed before the simulator, and before the folder goes: the store's files are in it.
        closers.unshift(server.close);
        const { key } = await createApiKey(server.store.db, 'demo admin', 'admin');
        const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
        const say = (s = '') => process.stdout.write(s + '\n');

        const lines = readFileSync(SCENARIO, 'utf8')
          .split('\n')
          .filter((l) => l.trim() !== '');
        const events = lines.map((l) => JSON.parse(l) as unknown);
        const res = await fetch(`${server.url}/v1/events`, { method: 'POST', headers, body: JSON.stringify(events) });
        const ingest = (await res.json()) as { accepted: number; duplicates: number; rejected: unknown[]; alerts: number };
        say(`Warden ${server.url}  (database ${config.store.url})`);
        say(
          `POST /v1/events: ${events.length} synthetic events -> ${ingest.accepted} accepted, ${ingest.duplicates} duplicate, ${ingest.rejected.length} rejected, ${ingest.alerts} alerts`,
        );
        say();

        const alerts = (await (await fetch(`${server.url}/v1/alerts?limit=100`, { headers })).json()) as {
          alerts: {
            category: string;
            severity: string;
            subject: { accountId: string };
            relatedAccountIds?: string[];
            reasons: { code: string }[];
          }[];
        };
        say('GET /v1/alerts:');
        for (const a of [...alerts.alerts].reverse()) {
          say(
            `  ${a.category.padEnd(17)} ${a.severity.padEnd(7)} ${a.subject.accountId.padEnd(8)} -> ${(a.relatedAccountIds ?? []).join(',').padEnd(8)} ${a.reasons.map((r) => r.code).join(', ')}`,
          );
        }
        say();
        say('POST /v1/decisions:');
        for (const q of QUESTIONS) {
          const d = (await (
            await fetch(`${server.url}/v1/decisions`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ action: q.action, actor: q.actor, target: q.target }),
            })
          ).json()) as {
            decision: string;
            reasons: { code: string }[];
          };
          say(
            `  ${q.action.padEnd(12)} ${q.actor.padEnd(13)} -> ${q.target.padEnd(8)} ${d.decision.padEnd(5)} ${d.reasons.map((r) => r.code).join(', ') || '-'}   (${q.why})`,
          );
        }
        say();
        // The rule runner turns alerts into cases beside ingest; give it a moment.
        let cases: { id: string; priority: number; queue: string; subjectAccountId: string; alertCount: number }[] = [];
        for (let i = 0; i < 100 && cases.length === 0; i++) {
          await new Promise((r) => setTimeout(r, 50));
          cases = ((await (await fetch(`${server.url}/v1/cases`, { headers })).json()) as { cases: typeof cases }).cases;
        }
        say('GET /v1/cases (the default policy: alerts to review cases and actions):');
        for (const c of cases)
          say(`  P${c.priority} ${c.queue.padEnd(17)} ${c.subjectAccountId.padEnd(8)} ${c.alertCount} alert(s)  ${c.id}`);
        say();
        const vic = cases.find((c) => c.subjectAccountId === 'u_vic');
        if (vic && reporting.sim) {
          // A reviewer's work, done here by the demo's admin key: confirm, then approve the report Warden drafted.
          const post = (path: string, body: unknown = {}) =>
            fetch(`${server.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
          await post(`/v1/cases/${vic.id}/claim`);
          await post(`/v1/cases/${vic.id}/decision`, {
            decision: 'confirm',
            category: 'grooming',
            note: 'demo: fan-out to five unconnected minors',
          });
          let report: { id: string; status: string; ncmecReportId: string | null } | undefined;
          for (let i = 0; i < 100 && !report; i++) {
            await new Promise((r) => setTimeout(r, 50));
            report = ((await (await fetch(`${server.url}/v1/reports`, { headers })).json()) as { reports: (typeof report & object)[] })
              .reports[0];
          }
          if (report) {
            await post(`/v1/reports/${report.id}/approve`);
            for (let i = 0; i < 100 && report!.status !== 'submitted' && report!.status !== 'failed'; i++) {
              await new Promise((r) => setTimeout(r, 50));
              report = (await (await fetch(`${server.url}/v1/reports/${report!.id}`, { headers })).json()) as typeof report;
            }
            const evidence = (
              (await (await fetch(`${server.url}/v1/evidence?caseId=${vic.id}`, { headers })).json()) as {
                packages: { id: string; reason: string }[];
              }
            ).packages;
            say(
              `CyberTipline (local simulator, test environment): case ${vic.id} confirmed as grooming -> report ${report!.id} ${report!.status}, NCMEC report id ${report!.ncmecReportId ?? '-'}`,
            );
            say(`  simulator saw: ${reporting.sim.calls.join(' -> ')}`);
            for (const p of evidence) say(`  evidence package ${p.id} (${p.reason}), AES-256-GCM, kept 365 days`);
            say();
          }
        } else if (!reporting.sim) {
          say(`CyberTipline part skipped: ${NCMEC_XSD_UNSET}.`);
          say();
        }
        if (flags.exit) return;
        const password = randomBytes(12).toString('base64url');
        await createReviewer(server.store.db, {
          username: 'demo',
          displayName: 'Demo reviewer',
          roles: ['reviewer', 'child_safety'],
          password,
        });
        say(`Review console: ${server.url}/console  (username demo, password ${password}; this account lives only in the demo database)`);
        say();
        const feed: DemoFeed = await startDemoFeed({ url: server.url, key, inbox: inbox!, say });
        say('A simulated platform (3,000 synthetic accounts, two days in about a minute) now feeds Warden live:');
        say('its offenders reach for children, the gate and the webhooks stop them, and cases arrive in the console queue.');
        say();
        say('Try it (this admin key lives only in the demo database):');
        say(`  curl -s -H 'authorization: Bearer ${key}' '${server.url}/v1/alerts?category=suspicious_adult'`);
        say(
          `  curl -s -H 'authorization: Bearer ${key}' -H 'content-type: application/json' -d '{"action":"message","actor":"u_vic","target":"u_mia"}' ${server.url}/v1/decisions`,
        );
        say(`  curl -s ${server.url}/openapi.json`);
        // From here a signal closes the server gracefully (and a second one exits at once). The
        // new handlers go on before the old come off: with no SIGINT listener for an instant,
        // Node stops its signal watcher, and a Ctrl-C in that instant either killed the demo
        // outright or was swallowed, leaving it serving (about 1 run in 3 when the signal
        // followed this message at once). Only then is the user told Ctrl-C works.
        const stopped = waitForSignal(async () => {
          await feed.stop();
          await server.close();
        }, logger);
        cleanup.handOverSignals();
        say('Ctrl-C stops the demo.');
        await stopped;
      } finally {
        // server.close is idempotent: after waitForSignal it returns the same promise.
        for (const close of closers) await close().catch(() => undefined);
        cleanup.remove();
      }
    });
}

/**
 * The demo's database lives in a fresh temporary folder that no later run reuses, so every
 * way out removes it: the end of the action (normal or thrown), a signal before the server
 * is serving (nothing to close gracefully yet: exit at once), and process.exit, which
 * waitForSignal calls on a second Ctrl-C.
 */
export function demoCleanup(dir: string): { remove(): void; handOverSignals(): void } {
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const onSignal = (signal: NodeJS.Signals) => process.exit(signal === 'SIGINT' ? 130 : 143);
  const handOverSignals = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('exit', remove);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    remove() {
      handOverSignals();
      process.off('exit', remove);
      remove();
    },
    handOverSignals,
  };
}
