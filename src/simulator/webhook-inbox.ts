import { createServer, type Server } from 'node:http';
import { z } from 'zod';
import type { ActionNotice } from './sim-target.js';

/** The fields of an action webhook the simulated platform acts on; the rest of the payload is not read. */
const PayloadSchema = z.looseObject({ type: z.string().min(1), subject: z.looseObject({ accountId: z.string().min(1) }) });

export interface WebhookInbox {
  url: string;
  /** Payloads that did not parse, answered 400 (a platform would log them). */
  readonly refused: number;
  drain(): ActionNotice[];
  close(): Promise<void>;
}

/**
 * The platform's webhook endpoint: collects Warden's actions until the simulator acts on them
 * at its next tick. Bound to 127.0.0.1; every payload is parsed at the edge.
 */
export async function startWebhookInbox(port = 0): Promise<WebhookInbox> {
  let inbox: ActionNotice[] = [];
  let refused = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = undefined;
      }
      const r = PayloadSchema.safeParse(body);
      if (!r.success) {
        refused++;
        res.writeHead(400).end();
        return;
      }
      inbox.push({ type: r.data.type, accountId: r.data.subject.accountId });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const addr = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${addr.port}/warden-actions`,
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
