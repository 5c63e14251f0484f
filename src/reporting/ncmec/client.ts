import { Agent, FormData, request } from 'undici';
import { parseNcmecResponse, type NcmecResponse } from './ncmec-response.js';

export interface NcmecClientOptions {
  baseUrl: string;
  username: string;
  password: string;
  timeoutMs: number;
}

/** A call that got no answer: `sent` says whether the request may have reached NCMEC. */
export class NcmecTransportError extends Error {
  constructor(
    readonly code: string,
    readonly mayHaveArrived: boolean,
  ) {
    super(`the Reporting API did not answer (${code})`);
    this.name = 'NcmecTransportError';
  }
}

export interface NcmecClient {
  status(): Promise<NcmecResponse>;
  submit(reportXml: string): Promise<NcmecResponse>;
  upload(reportId: string, fileName: string, bytes: Uint8Array): Promise<NcmecResponse>;
  fileinfo(fileDetailsXml: string): Promise<NcmecResponse>;
  finish(reportId: string): Promise<NcmecResponse>;
  retract(reportId: string): Promise<NcmecResponse>;
  close(): Promise<void>;
}

/**
 * The raw wire client for NCMEC's CyberTipline Reporting API (ispws): HTTP Basic, XML in
 * and out, one method per endpoint. No retries and no state here: the submitter decides.
 * SECURITY: credentials go only in the Authorization header and are never logged.
 */
export function createNcmecClient(o: NcmecClientOptions): NcmecClient {
  const agent = new Agent({ connections: 4, headersTimeout: o.timeoutMs, bodyTimeout: o.timeoutMs, keepAliveTimeout: 10_000 });
  const auth = `Basic ${Buffer.from(`${o.username}:${o.password}`).toString('base64')}`;
  const base = o.baseUrl.replace(/\/+$/, '');

  async function call(method: 'GET' | 'POST', path: string, body?: string | FormData, contentType?: string): Promise<NcmecResponse> {
    try {
      const res = await request(`${base}${path}`, {
        method,
        headers: { authorization: auth, ...(contentType ? { 'content-type': contentType } : {}) },
        body: body as never,
        dispatcher: agent,
        signal: AbortSignal.timeout(o.timeoutMs),
      });
      const text = await res.body.text();
      return parseNcmecResponse(res.statusCode, text);
    } catch (e) {
      const err = e as Error & { code?: string };
      const code = err.code ?? err.name;
      // Refused or unresolvable: nothing left this machine. Anything else (timeout, reset)
      // may have reached NCMEC before the connection failed.
      const notSent = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
      throw new NcmecTransportError(code, !notSent);
    }
  }

  const form = (id: string) => new URLSearchParams({ id }).toString();
  return {
    status: () => call('GET', '/status'),
    submit: (xml) => call('POST', '/submit', xml, 'text/xml; charset=utf-8'),
    upload(reportId, fileName, bytes) {
      const fd = new FormData();
      fd.set('id', reportId);
      fd.set('file', new Blob([bytes]), fileName);
      return call('POST', '/upload', fd);
    },
    fileinfo: (xml) => call('POST', '/fileinfo', xml, 'text/xml; charset=utf-8'),
    finish: (reportId) => call('POST', '/finish', form(reportId), 'application/x-www-form-urlencoded'),
    retract: (reportId) => call('POST', '/retract', form(reportId), 'application/x-www-form-urlencoded'),
    close: () => agent.close(),
  };
}
