import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { z } from 'zod';
import type { ActionNotice } from './sim-target.js';

/** The fields of an action webhook the simulator acts on; the rest of the payload is not read. */
const PayloadSchema = z.looseObject({ type: z.string().min(1), subject: z.looseObject({ accountId: z.string().min(1) }) });
/** README "Webhooks": a signature older or newer than this is refused, so a captured request cannot be replayed later. */
const TOLERANCE_SEC = 300;

export interface WebhookInbox {
  url: string;
  /** Requests refused: unsigned, badly signed, or not an action (answered 401 or 400). */
  readonly refused: number;
  /**
   * One signed request taken in, as the HTTP endpoint takes it (verified, deduplicated, read):
   * the status it answers. The in-process simulator delivers through this, without a socket.
   */
  receive(headers: Readonly<Record<string, string | string[] | undefined>>, raw: string): number;
  drain(): ActionNotice[];
  close(): Promise<void>;
}

/** The README's reference check: `warden-signature: t=<sec>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. */
function verified(secret: string, headers: Readonly<Record<string, string | string[] | undefined>>, raw: string, nowSec: number): boolean {
  const header = headers['warden-signature'];
  if (typeof header !== 'string') return false;
  const fields = new Map(header.split(',').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
  const t = Number(fields.get('t'));
  const v1 = fields.get('v1') ?? '';
  if (!Number.isSafeInteger(t) || !/^[0-9a-f]{64}$/.test(v1) || Math.abs(nowSec - t) > TOLERANCE_SEC) return false;
  return timingSafeEqual(createHmac('sha256', secret).update(`${t}.${raw}`).digest(), Buffer.from(v1, 'hex'));
}

/**
 * The simulated platform's webhook endpoint, on 127.0.0.1: collects Warden's actions until the
 * simulator acts on them at its next tick. SECURITY: only actions signed with `secret` are
 * taken (without one, every request is refused: a platform that obeyed unsigned actions would
 * let anyone suspend its users); a redelivery (the same `warden-delivery`) is answered 204 and
 * not acted on twice.
 */
export async function startWebhookInbox(opts: { port?: number; secret?: string } = {}): Promise<WebhookInbox> {
  let inbox: ActionNotice[] = [];
  let refused = 0;
  const seen = new Set<string>();
  const refuse = (status: number) => {
    refused++;
    return status;
  };
  const receive = (headers: Readonly<Record<string, string | string[] | undefined>>, raw: string): number => {
    const delivery = headers['warden-delivery'];
    if (!opts.secret || typeof delivery !== 'string' || !verified(opts.secret, headers, raw, Math.floor(Date.now() / 1000))) {
      return refuse(401);
    }
    if (seen.has(delivery)) return 204;
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
    const r = PayloadSchema.safeParse(body);
    if (!r.success) return refuse(400);
    seen.add(delivery);
    inbox.push({ type: r.data.type, accountId: r.data.subject.accountId });
    return 204;
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(receive(req.headers, Buffer.concat(chunks).toString('utf8'))).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', resolve);
  });
  const addr = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${addr.port}/warden-actions`,
    receive,
    get refused() {
      return refused;
    },
    drain() {
      const out = inbox;
      inbox = [];
      return out;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
