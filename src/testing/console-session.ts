import type { FastifyInstance } from 'fastify';

export const FORM_HEADERS = { 'content-type': 'application/x-www-form-urlencoded' };

/** Signs in to the console as a reviewer would, returning the session cookie and the page's CSRF token. */
export async function consoleSession(app: FastifyInstance, username: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const r = await app.inject({
    method: 'POST',
    url: '/console/login',
    headers: FORM_HEADERS,
    payload: new URLSearchParams({ username, password }).toString(),
  });
  const cookie = String(r.headers['set-cookie']).split(';')[0]!;
  const page = await app.inject({ method: 'GET', url: '/console', headers: { cookie } });
  return { cookie, csrf: /csrf-token" content="([^"]+)"/.exec(page.body)![1]! };
}
