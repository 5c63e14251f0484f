import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SourceFingerprint, Verdict } from './exchange.js';

/** An entry as a simulator holds it, in the source's own vocabulary. */
export interface SimEntry {
  id: string;
  kind: 'image' | 'video';
  tsMs: number;
  deleted: boolean;
  fingerprints: SourceFingerprint[];
}

/** Each way a call can fail, on demand: an HTTP 500, no answer at all, a reset connection. */
export const SIM_FAILURES = ['http500', 'timeout', 'reset'] as const;
export type SimFailure = (typeof SIM_FAILURES)[number];

export interface ExchangeSim {
  readonly baseUrl: string;
  /** Adds an entry or replaces the one with its id (its deletion is `deleted: true`). Listed in the order put, not by time. */
  put(entry: SimEntry): void;
  /** The next `times` list calls fail with `mode`, after `after` more succeed. */
  failList(mode: SimFailure, opts?: { after?: number; times?: number }): void;
  failFeedback(mode: SimFailure, times?: number): void;
  readonly feedback: { entryId: string; sourceType: string; verdict: Verdict }[];
  /** List calls answered, failed or not. */
  readonly listCalls: number;
  close(): Promise<void>;
}

export interface SimCore {
  app: FastifyInstance;
  entries: Map<string, SimEntry>;
  feedback: ExchangeSim['feedback'];
  /** Answers the call with an injected failure when one is due; true when it did. */
  failed(route: 'list' | 'feedback', req: FastifyRequest, reply: FastifyReply): boolean;
  sim(baseUrl: string): ExchangeSim;
}

/** What the three simulators share: entries, recorded feedback, failures on demand (also over `/_sim/…`, which needs no credentials). */
export function createSimCore(): SimCore {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  const entries = new Map<string, SimEntry>();
  const feedback: ExchangeSim['feedback'] = [];
  const failures: { route: 'list' | 'feedback'; mode: SimFailure; skip: number; left: number }[] = [];
  let listCalls = 0;
  // Control routes for a simulator run as a process (`warden exchange-sim`): entries and failures over HTTP.
  const SimPut = z.strictObject({
    id: z.string().min(1).max(200),
    kind: z.enum(['image', 'video']),
    tsMs: z.number().int().min(0),
    deleted: z.boolean().default(false),
    fingerprints: z
      .array(
        z.strictObject({
          sourceType: z.string().min(1).max(40),
          value: z
            .string()
            .min(1)
            .max(512 * 1024),
        }),
      )
      .max(20),
  });
  const SimFail = z.strictObject({
    route: z.enum(['list', 'feedback']),
    mode: z.enum(SIM_FAILURES),
    after: z.number().int().min(0).default(0),
    times: z.number().int().min(1).default(1),
  });
  app.post('/_sim/entries', async (req, reply) => {
    const list = z.array(SimPut).max(100_000).safeParse(req.body);
    if (!list.success)
      return reply.code(400).send({ error: list.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`) });
    for (const e of list.data) {
      entries.delete(e.id);
      entries.set(e.id, e);
    }
    return { stored: list.data.length };
  });
  app.post('/_sim/failures', async (req, reply) => {
    const f = SimFail.safeParse(req.body);
    if (!f.success) return reply.code(400).send({ error: f.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    failures.push({ route: f.data.route, mode: f.data.mode, skip: f.data.after, left: f.data.times });
    return { queued: true };
  });
  app.get('/_sim/feedback', async () => ({ feedback }));
  return {
    app,
    entries,
    feedback,
    failed(route, req, reply) {
      if (route === 'list') listCalls++;
      const f = failures.find((x) => x.route === route && x.left > 0);
      if (!f) return false;
      if (f.skip > 0) {
        f.skip--;
        return false;
      }
      f.left--;
      if (f.mode === 'http500') void reply.code(500).type('text/plain').send('simulated failure');
      else if (f.mode === 'reset') req.raw.socket.destroy();
      // 'timeout': never answered; closing the simulator drops the connection.
      return true;
    },
    sim(baseUrl) {
      return {
        baseUrl,
        put(e) {
          entries.delete(e.id);
          entries.set(e.id, e);
        },
        failList(mode, o = {}) {
          failures.push({ route: 'list', mode, skip: o.after ?? 0, left: o.times ?? 1 });
        },
        failFeedback(mode, times = 1) {
          failures.push({ route: 'feedback', mode, skip: 0, left: times });
        },
        feedback,
        get listCalls() {
          return listCalls;
        },
        close: () => app.close(),
      };
    },
  };
}

/** Listens on a free local port and returns its base URL. */
export async function listenLocal(app: FastifyInstance, host = '127.0.0.1', port = 0): Promise<string> {
  return app.listen({ host, port });
}
