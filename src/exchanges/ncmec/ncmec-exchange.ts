import { ExchangeError, RESUME_MAX_AGE_MS, type Exchange, type ExchangeCheckpoint, type SignalBatch } from '../exchange.js';
import { createNcmecHashApi, type NcmecHashApi } from './hash-api.js';

/** Changes in the last seconds may still be arriving at NCMEC, out of order: a window ends this far back. */
const SETTLE_MS = 5_000;

/**
 * NCMEC's hash sharing API as an Exchange. The API does not return a window's entries in
 * time order, so the checkpoint moves to a window's end only once every page of it is stored;
 * until then it holds the window and the next page's link, and a fetch that broke off resumes
 * there (python-threatexchange does the same, and treats a link older than 12 hours as stale).
 */
export function createNcmecExchange(o: {
  name: string;
  baseUrl: string;
  username: string;
  password: string;
  timeoutMs: number;
  /** The GUID sent with a rejection; when absent, the type's only reason (NCMEC lists them per type). */
  negativeReasonGuid?: string | undefined;
  api?: NcmecHashApi;
}): Exchange {
  const api = o.api ?? createNcmecHashApi(o);
  const reasons = new Map<string, string>();
  return {
    name: o.name,
    kind: 'ncmec',
    async *fetch(checkpoint: ExchangeCheckpoint | undefined, { nowMs }): AsyncIterable<SignalBatch> {
      let progress = checkpoint?.progressMs ?? 0;
      const end = nowMs - SETTLE_MS;
      const resume = checkpoint?.resume && nowMs - checkpoint.resume.savedMs <= RESUME_MAX_AGE_MS ? checkpoint.resume : undefined;
      const windows: { fromMs: number; toMs: number; cursor?: string }[] = [];
      if (resume) {
        windows.push(resume);
        progress = resume.toMs;
      }
      if (end > progress) windows.push({ fromMs: progress, toMs: end });
      for (const w of windows) {
        let page = await api.entries(w.cursor ? { next: w.cursor } : w);
        for (;;) {
          const done = page.next === undefined;
          yield {
            entries: page.entries,
            checkpoint: done
              ? { progressMs: w.toMs }
              : { progressMs: w.fromMs, resume: { cursor: page.next!, fromMs: w.fromMs, toMs: w.toMs, savedMs: nowMs } },
          };
          if (done) break;
          page = await api.entries({ next: page.next! });
        }
      }
    },
    async sendFeedback(fb) {
      const slash = fb.entryId.indexOf('/');
      if (slash < 0) throw new ExchangeError('bad_entry', false, 'an NCMEC entry id is member/id');
      let guid: string | undefined;
      if (fb.verdict === 'reject') {
        guid = o.negativeReasonGuid ?? reasons.get(fb.sourceType);
        if (!guid) {
          const listed = await api.feedbackReasons(fb.sourceType);
          if (listed.length !== 1)
            throw new ExchangeError(
              'no_reason',
              false,
              `NCMEC lists ${listed.length} rejection reasons for ${fb.sourceType}: set negativeReasonGuid for this source`,
            );
          guid = listed[0]!.guid;
          reasons.set(fb.sourceType, guid);
        }
      }
      await api.feedback(fb.entryId.slice(0, slash), fb.entryId.slice(slash + 1), fb.sourceType, fb.verdict, guid);
    },
    close: () => api.close(),
  };
}
