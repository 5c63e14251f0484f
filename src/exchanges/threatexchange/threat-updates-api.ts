import { z } from 'zod';
import { ExchangeError } from '../exchange.js';
import { createHttpCaller } from '../http-call.js';
import { MAX_FEATURE_CHARS } from '../fingerprint-types.js';

/** spec: ThreatExchange `threat_updates` (Graph API): indicators changed in [start_time, stop_time), cursor paging. */
const Update = z.object({
  id: z.string().min(1).max(64),
  indicator: z.string().min(1).max(MAX_FEATURE_CHARS),
  type: z.string().max(40),
  last_updated: z.number().int().min(0),
  should_delete: z.boolean().default(false),
});
const Page = z.object({
  data: z.array(z.unknown()),
  paging: z.object({ cursors: z.object({ after: z.string().max(4096).optional() }).optional(), next: z.string().optional() }).optional(),
});
export type ThreatUpdate = z.output<typeof Update>;

export interface ThreatUpdatesApi {
  updates(q: {
    startSeconds: number;
    stopSeconds: number;
    after?: string | undefined;
  }): Promise<{ updates: ThreatUpdate[]; invalid: number; after: string | undefined }>;
  /** Reactions: SAW_THIS_TOO when a reviewer confirmed a match, DISAGREE_WITH_ALL_TAGS when they rejected it. */
  react(indicatorId: string, reaction: 'SAW_THIS_TOO' | 'DISAGREE_WITH_ALL_TAGS'): Promise<void>;
  close(): Promise<void>;
}

/**
 * The raw wire client for a ThreatExchange privacy group's threat updates. SECURITY: the
 * access token is a query parameter, as the Graph API wants it, so only the `after` cursor of
 * a `next` link is ever kept, never the link itself, and errors never carry the URL.
 */
export function createThreatUpdatesApi(o: {
  baseUrl: string;
  privacyGroup: string;
  accessToken: string;
  timeoutMs: number;
  pageSize: number;
}): ThreatUpdatesApi {
  const http = createHttpCaller('ThreatExchange', o.timeoutMs);
  const base = o.baseUrl.replace(/\/+$/, '');
  return {
    async updates(q) {
      const params = new URLSearchParams({
        start_time: String(q.startSeconds),
        stop_time: String(q.stopSeconds),
        limit: String(o.pageSize),
        fields: 'id,indicator,type,last_updated,should_delete',
        access_token: o.accessToken,
      });
      if (q.after) params.set('after', q.after);
      const res = await http.call('GET', `${base}/${encodeURIComponent(o.privacyGroup)}/threat_updates/?${params}`);
      let json: unknown;
      try {
        json = JSON.parse(res.body);
      } catch {
        throw new ExchangeError('bad_answer', false, 'ThreatExchange answered with something other than JSON');
      }
      const page = Page.safeParse(json);
      if (!page.success)
        throw new ExchangeError('bad_answer', false, 'ThreatExchange answered with something other than a page of threat updates');
      const updates: ThreatUpdate[] = [];
      let invalid = 0;
      for (const u of page.data.data) {
        const p = Update.safeParse(u);
        if (p.success) updates.push(p.data);
        else invalid++;
      }
      return { updates, invalid, after: page.data.paging?.next ? page.data.paging.cursors?.after : undefined };
    },
    async react(indicatorId, reaction) {
      const params = new URLSearchParams({ reactions: reaction, access_token: o.accessToken });
      await http.call('POST', `${base}/${encodeURIComponent(indicatorId)}/?${params}`);
    },
    close: () => http.close(),
  };
}
