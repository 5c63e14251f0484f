import type { Exchange, ExchangeCheckpoint, SignalBatch } from '../exchange.js';
import { RESUME_MAX_AGE_MS } from '../exchange.js';
import { createStopNciiApi, type StopNciiApi } from './stopncii-api.js';

/** spec: a case Withdrawn or Deleted "should be deleted by client". */
const GONE = new Set(['Withdrawn', 'Deleted']);

/**
 * StopNCII as an Exchange: one entry per (signal type, hash), ids `ImagePDQ/<hash>`. The
 * checkpoint is the `nextSetTimestamp` StopNCII gives on the last page; while pages remain it
 * holds the page token, so a fetch that broke off resumes where it stopped.
 */
export function createStopNciiExchange(o: {
  name: string;
  baseUrl: string;
  subscriptionKey: string;
  functionKey: string;
  timeoutMs: number;
  pageSize?: number;
  api?: StopNciiApi;
}): Exchange {
  const api = o.api ?? createStopNciiApi(o);
  const pageSize = o.pageSize ?? 800;
  return {
    name: o.name,
    kind: 'stopncii',
    async *fetch(checkpoint: ExchangeCheckpoint | undefined, { nowMs }): AsyncIterable<SignalBatch> {
      const resume = checkpoint?.resume && nowMs - checkpoint.resume.savedMs <= RESUME_MAX_AGE_MS ? checkpoint.resume : undefined;
      const fromMs = resume?.fromMs ?? checkpoint?.progressMs ?? 0;
      let token = resume?.cursor;
      for (;;) {
        const page = await api.fetchHashes({ startSeconds: Math.floor(fromMs / 1000), pageToken: token, pageSize });
        const more = page.hasMoreRecords && page.nextPageToken !== undefined;
        yield {
          entries: page.records.map((r) => ({
            id: `${r.signalType}/${r.hashValue}`,
            contentKind: r.signalType.startsWith('Video') ? 'video' : r.signalType.startsWith('Image') ? 'image' : 'unknown',
            deleted: GONE.has(r.hashStatus),
            updatedMs: r.lastModtimestamp * 1000,
            fingerprints: [{ sourceType: r.signalType, value: r.hashValue }],
          })),
          checkpoint: more
            ? { progressMs: fromMs, resume: { cursor: page.nextPageToken!, fromMs, toMs: fromMs, savedMs: nowMs } }
            : { progressMs: Math.max(fromMs, page.nextSetTimestamp * 1000) },
        };
        if (!more) return;
        token = page.nextPageToken;
      }
    },
    async sendFeedback(fb) {
      await api.submitFeedback(fb.value, fb.verdict === 'confirm' ? 'Blocked' : 'NotBlocked');
    },
    close: () => api.close(),
  };
}
