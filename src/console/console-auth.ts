import type {} from '@fastify/cookie';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from '../cases/case-model.js';
import type { RouteContext } from '../server/route-context.js';
import { layout } from './layout.js';
import { loginPage } from './login-page.js';
import { decoyHash, verifyPassword } from './password.js';
import { findReviewer, type Reviewer } from './reviewer-store.js';
import { createSession, endSession, findSession } from './sessions.js';

export const COOKIE = 'warden_session';

export interface ConsoleUser {
  reviewer: Reviewer;
  csrf: string;
  viewer: Viewer;
}

declare module 'fastify' {
  interface FastifyRequest {
    consoleUser?: ConsoleUser;
  }
}

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Failed sign-ins per username: five in 15 minutes lock it for the rest of the window. */
function createLockout(nowMs: () => number) {
  const fails = new Map<string, { n: number; since: number }>();
  const WINDOW = 15 * 60_000;
  return {
    locked(user: string) {
      const f = fails.get(user);
      return f !== undefined && f.n >= 5 && nowMs() - f.since < WINDOW;
    },
    fail(user: string) {
      const f = fails.get(user);
      if (!f || nowMs() - f.since >= WINDOW) fails.set(user, { n: 1, since: nowMs() });
      else f.n++;
      if (fails.size > 100_000) fails.clear();
    },
    clear(user: string) {
      fails.delete(user);
    },
  };
}

/**
 * Sign-in, sessions and CSRF for the console. SECURITY: the session cookie is HttpOnly,
 * SameSite=Strict and scoped to /console; every POST but sign-in must carry the session's
 * CSRF token (form field `_csrf` or header `x-csrf-token`) and, when the browser sends one,
 * an Origin of this host.
 */
export function consoleAuth(app: FastifyInstance, ctx: RouteContext): void {
  const lockout = createLockout(() => ctx.clock.now());
  const ttlMs = ctx.config.console.sessionHours * 3_600_000;

  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0]!;
    if (path.startsWith('/console/assets/') || path === '/console/login') return;
    const token = req.cookies[COOKIE];
    const session = token ? await findSession(ctx.store.db, token, ctx.clock.now()) : undefined;
    const reviewer = session ? await findReviewer(ctx.store.db, { id: session.reviewerId }) : undefined;
    if (!session || !reviewer || reviewer.disabled) {
      if (req.method === 'GET') return reply.redirect('/console/login', 303);
      return reply.code(401).type('text/plain').send('sign in again');
    }
    req.consoleUser = { reviewer, csrf: session.csrf, viewer: { actor: `reviewer:${reviewer.id}`, roles: reviewer.roles } };
  });

  app.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'POST' || !req.consoleUser) return;
    const origin = req.headers.origin;
    if (origin && origin !== `${req.protocol}://${req.headers.host}`) return reply.code(403).type('text/plain').send('cross-origin request refused');
    const sent = (req.headers['x-csrf-token'] as string | undefined) ?? (req.body as Record<string, unknown> | undefined)?._csrf;
    if (typeof sent !== 'string' || !sameToken(sent, req.consoleUser.csrf)) return reply.code(403).type('text/plain').send('missing or wrong CSRF token; reload the page');
  });

  const page = (reply: FastifyReply, status: number, error?: string) => reply.code(status).type('text/html; charset=utf-8').send(layout({ title: 'Sign in' }, loginPage(error)));

  app.get('/console/login', async (_req, reply) => page(reply, 200));

  app.post('/console/login', async (req: FastifyRequest, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const username = typeof body.username === 'string' ? body.username.trim().toLowerCase().slice(0, 64) : '';
    const password = typeof body.password === 'string' ? body.password.slice(0, 1024) : '';
    if (!username || !password) return page(reply, 400, 'Enter a username and a password.');
    if (lockout.locked(username)) return page(reply, 429, 'Too many failed attempts. Wait 15 minutes or ask an admin.');
    const reviewer = await findReviewer(ctx.store.db, { username });
    // Verify against a decoy when the user is unknown: both answers take as long.
    const good = await verifyPassword(password, reviewer?.passwordHash ?? (await decoyHash()));
    if (!reviewer || !good || reviewer.disabled) {
      lockout.fail(username);
      await ctx.ledger.audit([{ actor: 'console', action: 'console.sign_in_failed', detail: { username } }]);
      return page(reply, 401, 'Wrong username or password.');
    }
    lockout.clear(username);
    const { token } = await createSession(ctx.store.db, reviewer.id, ctx.clock.now(), ttlMs);
    await ctx.ledger.audit([{ actor: `reviewer:${reviewer.id}`, action: 'console.signed_in', detail: { username } }]);
    reply.setCookie(COOKIE, token, { path: '/console', httpOnly: true, sameSite: 'strict', secure: ctx.config.console.secureCookies, maxAge: Math.floor(ttlMs / 1000) });
    return reply.redirect('/console', 303);
  });

  app.post('/console/logout', async (req, reply) => {
    const token = req.cookies[COOKIE];
    if (token) await endSession(ctx.store.db, token);
    await ctx.ledger.audit([{ actor: req.consoleUser!.viewer.actor, action: 'console.signed_out' }]);
    reply.clearCookie(COOKIE, { path: '/console' });
    return reply.redirect('/console/login', 303);
  });
}
