import { ExchangeError, type ExchangeEntry, type Verdict } from '../exchange.js';
import { createHttpCaller } from '../http-call.js';
import { child, parseXml, xmlEscape, type XmlNode } from '../xml-tree.js';

/** One page of `GET /v2/entries` (spec: NCMEC hash sharing API v2, queryResult). */
export interface EntriesPage {
  entries: ExchangeEntry[];
  /** The next page's path (`/v2/entries?from=…&start=…`), relative to the base URL; absent on the last page. */
  next: string | undefined;
}

export interface NcmecHashApi {
  entries(q: { fromMs: number; toMs: number } | { next: string }): Promise<EntriesPage>;
  /** PUT /v2/entries/{member}/{entry}/{type}/feedback; a rejection needs one of the type's reason GUIDs. */
  feedback(memberId: string, entryId: string, fingerprintType: string, verdict: Verdict, reasonGuid?: string): Promise<void>;
  feedbackReasons(fingerprintType: string): Promise<{ guid: string; name: string }[]>;
  close(): Promise<void>;
}

const NS = 'https://hashsharing.ncmec.org/hashsharing/v2';
/** spec: timestamps are yyyy-MM-ddTHH:mm:ssZ, to the second. */
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/**
 * The raw wire client for NCMEC's hash sharing API (v2, XML over HTTP Basic), as
 * python-threatexchange's `ncmec` exchange reads it: `images` and `videos` of entries with
 * `fingerprints`, `deletedImage`/`deletedVideo` for withdrawn ones, and `paging/next`.
 * SECURITY: the credentials go only in the Authorization header.
 */
export function createNcmecHashApi(o: { baseUrl: string; username: string; password: string; timeoutMs: number }): NcmecHashApi {
  const http = createHttpCaller('the NCMEC hash sharing API', o.timeoutMs);
  const base = o.baseUrl.replace(/\/+$/, '');
  const headers = { authorization: `Basic ${Buffer.from(`${o.username}:${o.password}`).toString('base64')}` };
  const xml = (body: string) => {
    try {
      return parseXml(body);
    } catch (e) {
      throw new ExchangeError('bad_answer', false, `the NCMEC hash sharing API answered with malformed XML: ${(e as Error).message}`);
    }
  };
  return {
    async entries(q) {
      const url =
        'next' in q
          ? base + (q.next.startsWith('/') ? q.next : `/${q.next}`)
          : `${base}/v2/entries?from=${encodeURIComponent(iso(q.fromMs))}&to=${encodeURIComponent(iso(q.toMs))}`;
      const root = xml((await http.call('GET', url, { headers })).body);
      if (root.tag !== 'queryResult') throw new ExchangeError('bad_answer', false, `expected queryResult, got ${root.tag.slice(0, 40)}`);
      const entries: ExchangeEntry[] = [];
      for (const group of ['images', 'videos'])
        for (const e of child(root, group)?.children ?? []) {
          const parsed = entryOf(e);
          if (parsed) entries.push(parsed);
        }
      const next = child(child(root, 'paging'), 'next')?.text.trim();
      return { entries, next: next || undefined };
    },
    async feedback(memberId, entryId, fingerprintType, verdict, reasonGuid) {
      const vote =
        verdict === 'confirm'
          ? '<affirmative/>'
          : `<negative><reasonIds><guid>${xmlEscape(reasonGuid ?? '')}</guid></reasonIds></negative>`;
      const path = [memberId, entryId, fingerprintType].map(encodeURIComponent).join('/');
      await http.call('PUT', `${base}/v2/entries/${path}/feedback`, {
        headers: { ...headers, 'content-type': 'application/xml; charset=utf-8' },
        body: `<feedbackSubmission xmlns="${NS}">${vote}</feedbackSubmission>`,
      });
    },
    async feedbackReasons(fingerprintType) {
      const root = xml((await http.call('GET', `${base}/v2/feedback/${encodeURIComponent(fingerprintType)}/reasons`, { headers })).body);
      return (child(root, 'availableFeedbackReasons')?.children ?? []).map((r) => ({ guid: r.attrs.guid ?? '', name: r.attrs.name ?? '' }));
    },
    close: () => http.close(),
  };
}

/** An `image`, `video`, `deletedImage` or `deletedVideo` element; the entry id is `member/id`, as feedback paths need both. */
function entryOf(e: XmlNode): ExchangeEntry | undefined {
  const tag = e.tag.toLowerCase();
  const deleted = tag.startsWith('deleted');
  const kind = deleted ? tag.slice('deleted'.length) : tag;
  if (kind !== 'image' && kind !== 'video') return undefined;
  const id = child(e, 'id')?.text.trim();
  const member = child(e, 'member')?.attrs.id;
  const ts = Date.parse(child(e, 'timestamp')?.text.trim() ?? '');
  if (!id || !member || Number.isNaN(ts))
    throw new ExchangeError('bad_answer', false, `an NCMEC ${kind} entry lacks its id, member or timestamp`);
  const fingerprints = (child(e, 'fingerprints')?.children ?? [])
    .filter((f) => f.text.trim() !== '')
    .map((f) => ({ sourceType: f.tag.toUpperCase(), value: f.text.trim() }));
  return { id: `${member}/${id}`, contentKind: kind, deleted, updatedMs: ts, fingerprints };
}
