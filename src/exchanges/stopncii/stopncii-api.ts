import { z } from 'zod';
import { ExchangeError } from '../exchange.js';
import { createHttpCaller } from '../http-call.js';
import { MAX_FEATURE_CHARS } from '../fingerprint-types.js';

/** spec: StopNCII FetchHashes response (as python-threatexchange's stopncii client reads it). */
const HashRecord = z.object({
  lastModtimestamp: z.number().int().min(0),
  signalType: z.string().max(40),
  hashValue: z.string().min(1).max(MAX_FEATURE_CHARS),
  hashStatus: z.string().max(40),
});
export const FetchHashesResponse = z.object({
  count: z.number().int().min(0),
  nextPageToken: z.string().max(4096).nullish(),
  nextSetTimestamp: z.number().int().min(0),
  hasMoreRecords: z.boolean(),
  hashRecords: z.array(z.unknown()),
});
export type StopNciiRecord = z.output<typeof HashRecord>;

export interface StopNciiApi {
  /** Records changed at or after `startSeconds`, a page at a time; bad records are counted, not thrown. */
  fetchHashes(q: { startSeconds: number; pageToken?: string | undefined; pageSize: number }): Promise<{
    records: StopNciiRecord[];
    invalid: number;
    nextPageToken: string | undefined;
    nextSetTimestamp: number;
    hasMoreRecords: boolean;
  }>;
  /** SubmitFeedback: `Blocked` (the match was confirmed) or `NotBlocked`. */
  submitFeedback(hashValue: string, value: 'Blocked' | 'NotBlocked'): Promise<void>;
  close(): Promise<void>;
}

/**
 * The raw wire client for StopNCII's API: JSON, keyed by a subscription key and a function
 * key per endpoint. SECURITY: the keys go only in their headers.
 */
export function createStopNciiApi(o: { baseUrl: string; subscriptionKey: string; functionKey: string; timeoutMs: number }): StopNciiApi {
  const http = createHttpCaller('StopNCII', o.timeoutMs);
  const base = o.baseUrl.replace(/\/+$/, '');
  const headers = { 'Ocp-Apim-Subscription-Key': o.subscriptionKey, 'x-functions-key': o.functionKey };
  return {
    async fetchHashes(q) {
      const params = new URLSearchParams({ startTimestamp: String(q.startSeconds), pageSize: String(q.pageSize) });
      if (q.pageToken) params.set('nextPageToken', q.pageToken);
      const res = await http.call('GET', `${base}/FetchHashes?${params}`, { headers });
      let json: unknown;
      try {
        json = JSON.parse(res.body);
      } catch {
        throw new ExchangeError('bad_answer', false, 'StopNCII answered with something other than JSON');
      }
      const parsed = FetchHashesResponse.safeParse(json);
      if (!parsed.success)
        throw new ExchangeError(
          'bad_answer',
          false,
          `StopNCII's answer is not a FetchHashes response: ${parsed.error.issues[0]?.path.join('.')}`,
        );
      const records: StopNciiRecord[] = [];
      let invalid = 0;
      for (const r of parsed.data.hashRecords) {
        const rec = HashRecord.safeParse(r);
        if (rec.success) records.push(rec.data);
        else invalid++;
      }
      return {
        records,
        invalid,
        nextPageToken: parsed.data.nextPageToken ?? undefined,
        nextSetTimestamp: parsed.data.nextSetTimestamp,
        hasMoreRecords: parsed.data.hasMoreRecords,
      };
    },
    async submitFeedback(hashValue, value) {
      await http.call('POST', `${base}/SubmitFeedback`, {
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ count: 1, hashFeedbacks: [{ hashValue, feedbackValue: value, tags: [] }] }),
      });
    },
    close: () => http.close(),
  };
}
