import { Agent, request } from 'undici';
import { ExchangeError } from './exchange.js';

export interface HttpAnswer {
  status: number;
  body: string;
}

export interface HttpCaller {
  call(method: 'GET' | 'POST' | 'PUT', url: string, opts?: { headers?: Record<string, string>; body?: string }): Promise<HttpAnswer>;
  close(): Promise<void>;
}

/**
 * HTTP for exchange clients: a timeout on every call, and every failure turned into an
 * ExchangeError whose message names the source and the status, never the URL (which may
 * carry an access token) or the credentials. 5xx, 429, timeouts and resets are retryable.
 */
export function createHttpCaller(source: string, timeoutMs: number, maxBodyBytes = 64 * 1024 * 1024): HttpCaller {
  const agent = new Agent({ connections: 2, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, keepAliveTimeout: 10_000 });
  return {
    async call(method, url, opts = {}) {
      let status: number;
      let body: string;
      try {
        const res = await request(url, {
          method,
          headers: opts.headers ?? {},
          ...(opts.body !== undefined ? { body: opts.body } : {}),
          dispatcher: agent,
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = res.statusCode;
        const chunks: Buffer[] = [];
        let n = 0;
        for await (const c of res.body as AsyncIterable<Buffer>) {
          n += c.length;
          if (n > maxBodyBytes) throw new ExchangeError('too_large', false, `${source} answered with more than ${maxBodyBytes} bytes`);
          chunks.push(c);
        }
        body = Buffer.concat(chunks).toString('utf8');
      } catch (e) {
        if (e instanceof ExchangeError) throw e;
        const err = e as Error & { code?: string };
        const code = err.name === 'TimeoutError' || err.name === 'AbortError' ? 'timeout' : (err.code ?? err.name);
        throw new ExchangeError(code, true, `${source} did not answer (${code})`);
      }
      if (status >= 500 || status === 429) throw new ExchangeError(`http_${status}`, true, `${source} answered HTTP ${status}`);
      if (status >= 400) throw new ExchangeError(`http_${status}`, false, `${source} refused the call: HTTP ${status}`);
      return { status, body };
    },
    close: () => agent.close(),
  };
}
