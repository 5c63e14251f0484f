import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect as tcpConnect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A nats-server of the test's own (issue 18: fault tests kill and restart it), on 127.0.0.1
 * and a free port, JetStream storing under a temporary folder that a restart keeps. The
 * binary is Debian's `nats-server` package (.ci/run installs it); without it the tests that
 * need one skip and say so.
 */
export const NATS_SERVER_BIN = process.env.WARDEN_TEST_NATS_SERVER ?? '/usr/sbin/nats-server';

export const natsSkip = existsSync(NATS_SERVER_BIN)
  ? false
  : `${NATS_SERVER_BIN} not found: install Debian's nats-server package (or set WARDEN_TEST_NATS_SERVER)`;

export interface TestNats {
  url: string;
  port: number;
  /** The running nats-server's process id (the bench reads its CPU from /proc). */
  readonly pid: number | undefined;
  stop(signal?: NodeJS.Signals): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its storage. */
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((r) => {
      const c = tcpConnect(port, '127.0.0.1');
      c.once('connect', () => {
        c.destroy();
        r(true);
      });
      c.once('error', () => r(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nats-server did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startTestNats(): Promise<TestNats> {
  const dir = mkdtempSync(join(tmpdir(), 'warden-nats-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(NATS_SERVER_BIN, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dir], { stdio: 'ignore' });
    await waitForPort(port, 15_000);
  };
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise<void>((r) => c.once('exit', () => r()));
    c.kill(signal);
    await exited;
  };
  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    get pid() {
      return child?.pid;
    },
    start,
    stop,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
