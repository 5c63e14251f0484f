import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
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

/** What the three simulators share: entries, recorded feedback, failures on demand. */
export function createSimCore(): SimCore {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  const entries = new Map<string, SimEntry>();
  const feedback: ExchangeSim['feedback'] = [];
  const failures: { route: 'list' | 'feedback'; mode: SimFailure; skip: number; left: number }[] = [];
  let listCalls = 0;
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
