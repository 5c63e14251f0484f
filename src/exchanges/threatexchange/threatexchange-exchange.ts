import { RESUME_MAX_AGE_MS, type Exchange, type ExchangeCheckpoint, type SignalBatch } from '../exchange.js';
import { createThreatUpdatesApi, type ThreatUpdatesApi } from './threat-updates-api.js';

const VIDEO = new Set(['HASH_TMK', 'HASH_VIDEO_MD5']);

/**
 * A ThreatExchange privacy group as an Exchange: updates in a time window, cursor paging,
 * `should_delete` for withdrawn indicators, reactions as feedback. As with NCMEC, the
 * checkpoint moves to a window's end only when all its pages are stored.
 */
export function createThreatExchangeExchange(o: {
  name: string;
  baseUrl: string;
  privacyGroup: string;
  accessToken: string;
  timeoutMs: number;
  pageSize?: number;
  api?: ThreatUpdatesApi;
}): Exchange {
  const api = o.api ?? createThreatUpdatesApi({ ...o, pageSize: o.pageSize ?? 500 });
  return {
    name: o.name,
    kind: 'threatexchange',
    async *fetch(checkpoint: ExchangeCheckpoint | undefined, { nowMs }): AsyncIterable<SignalBatch> {
      const resume = checkpoint?.resume && nowMs - checkpoint.resume.savedMs <= RESUME_MAX_AGE_MS ? checkpoint.resume : undefined;
      let progress = checkpoint?.progressMs ?? 0;
      const windows: { fromMs: number; toMs: number; cursor?: string }[] = [];
      if (resume) {
        windows.push(resume);
        progress = resume.toMs;
      }
      const end = Math.floor(nowMs / 1000) * 1000;
      if (end > progress) windows.push({ fromMs: progress, toMs: end });
      for (const w of windows) {
        let after = w.cursor;
        for (;;) {
          const page = await api.updates({ startSeconds: Math.floor(w.fromMs / 1000), stopSeconds: Math.floor(w.toMs / 1000), after });
          yield {
            entries: page.updates.map((u) => ({
              id: u.id,
              contentKind: VIDEO.has(u.type) ? 'video' : u.type.startsWith('HASH_') ? 'image' : 'unknown',
              deleted: u.should_delete,
              updatedMs: u.last_updated * 1000,
              fingerprints: [{ sourceType: u.type, value: u.indicator }],
            })),
            checkpoint: page.after
              ? { progressMs: w.fromMs, resume: { cursor: page.after, fromMs: w.fromMs, toMs: w.toMs, savedMs: nowMs } }
              : { progressMs: w.toMs },
          };
          if (!page.after) break;
          after = page.after;
        }
      }
    },
    async sendFeedback(fb) {
      await api.react(fb.entryId, fb.verdict === 'confirm' ? 'SAW_THIS_TOO' : 'DISAGREE_WITH_ALL_TAGS');
    },
    close: () => api.close(),
  };
}
