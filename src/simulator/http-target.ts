import { AppError } from '../core/app-error.js';
import type { SimDecision, SimTarget } from './sim-target.js';
import { startWebhookInbox, type WebhookInbox } from './webhook-inbox.js';

/** PUT /v1/admin/decoys/{id}; a 404 means this Warden has no decoy API yet. */
export async function markDecoyOverHttp(base: string, key: string, accountId: string, label: string): Promise<boolean> {
  const res = await fetch(`${base}/v1/admin/decoys/${encodeURIComponent(accountId)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ label }),
  });
  await res.arrayBuffer();
  if (res.status === 404) return false;
  if (!res.ok) throw new AppError('internal', `PUT /v1/admin/decoys answered ${res.status}`);
  return true;
}

/**
 * Warden over HTTP with an API key (ingest and decide, or admin for decoys). Webhooks reach
 * the simulator only if that Warden's `actions.webhookUrl` points at `webhookPort` on this
 * host; they are acted on at the next tick, whenever they arrive.
 */
export async function createHttpTarget(opts: {
  url: string;
  key: string;
  webhookPort?: number;
  /** actions.webhookSecret of that Warden: only actions signed with it are acted on. */
  webhookSecret?: string;
  inbox?: WebhookInbox;
}): Promise<SimTarget & { webhookUrl: string }> {
  const base = opts.url.replace(/\/+$/, '');
  const headers = { authorization: `Bearer ${opts.key}`, 'content-type': 'application/json' };
  // An inbox passed in is the caller's (the demo starts it first, to put its URL in Warden's config).
  const inbox = opts.inbox ?? (await startWebhookInbox({ port: opts.webhookPort, secret: opts.webhookSecret }));
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    const json = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    if (!res.ok && !(res.status === 400 && path === '/v1/events')) {
      throw new AppError(
        res.status === 401 ? 'unauthenticated' : res.status === 403 ? 'forbidden' : 'internal',
        `${path} answered ${res.status}: ${String(json?.detail ?? '')}`,
      );
    }
    return json ?? {};
  };
  return {
    name: base,
    webhookUrl: inbox.url,
    async send(events) {
      let accepted = 0;
      let rejected = 0;
      let alerts = 0;
      // spec: a batch holds at most 1,000 events.
      for (let i = 0; i < events.length; i += 1000) {
        const r = (await post('/v1/events', events.slice(i, i + 1000))) as {
          accepted?: number;
          rejected?: unknown[];
          alerts?: number;
          errors?: unknown[];
        };
        accepted += r.accepted ?? 0;
        rejected += r.rejected?.length ?? (Array.isArray(r.errors) ? Math.min(1000, events.length - i) : 0);
        alerts += r.alerts ?? 0;
      }
      return { accepted, rejected, alerts };
    },
    decide: async (req) => (await post('/v1/decisions', req)) as unknown as SimDecision,
    markDecoy: (accountId, label) => markDecoyOverHttp(base, opts.key, accountId, label),
    settle: async () => inbox.drain(),
    close: async () => {
      if (!opts.inbox) await inbox.close();
    },
  };
}
