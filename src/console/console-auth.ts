import type {} from '@fastify/cookie';
import { normalizeIP } from '@fastify/rate-limit';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from '../cases/case-model.js';
import { isAppError } from '../core/app-error.js';
import type { RouteContext } from '../server/route-context.js';
import { layout } from './layout.js';
import { loginPage } from './login-page.js';
import { decoyHash, verifyPassword } from './password.js';
import { createSignInBudget } from './sign-in-budget.js';
import { findReviewer, type Reviewer } from './reviewer-store.js';
import { createSession, endSession, findSession } from './session-store.js';

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

/**
 * Sign-in limits (@fastify/rate-limit's in-memory store, exponential backoff: each try while
 * limited doubles the wait). By address: every sign-in, so a flood is refused before any
 * scrypt runs. By account and address: failures only, so a guesser is slowed while the
 * owner elsewhere is not locked out (the old five-strikes lock held every address out for
 * 15 minutes). By account alone: failures from every address, a much higher bar that only
 * a distributed guess reaches.
 */
export const SIGN_IN_LIMITS = {
  address: { max: 20, timeWindow: 60_000 },
  accountAddress: { max: 5, timeWindow: 60_000 },
  account: { max: 50, timeWindow: 5 * 60_000 },
} as const;
/** Addresses and accounts tracked at once; past this the least recent is forgotten. */
const TRACKED = 100_000;

const usernameOf = (req: FastifyRequest) => {
  const body = (req.body ?? {}) as Record<string, unknown>;
  return typeof body.username === 'string' ? body.username.trim().toLowerCase().slice(0, 64) : '';
};

/**
 * Sign-in, sessions and CSRF for the console. SECURITY: the session cookie is HttpOnly,
 * SameSite=Strict and scoped to /console; every POST but sign-in must carry the session's
 * CSRF token (form field `_csrf` or header `x-csrf-token`) and, when the browser sends one,
 * an Origin of this host. Sign-in has no session yet, so it gets the Origin check alone: a
 * cross-site form must not sign a browser into an account the attacker controls (login CSRF).
 * Failed sign-ins are counted and logged, not audited: they say nothing about an account
 * Warden holds, and a flood of them must not grow the hash chain.
 */
export function consoleAuth(app: FastifyInstance, ctx: RouteContext): void {
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

  const crossOrigin = (req: FastifyRequest) => {
    const origin = req.headers.origin;
    // A browser sends Origin on every form POST (Fetch standard); `null` is a sandboxed or privacy-stripped origin: refuse it too.
    return origin !== undefined && origin !== `${req.protocol}://${req.headers.host}`;
  };

  app.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'POST' || !req.consoleUser) return;
    if (crossOrigin(req)) return reply.code(403).type('text/plain').send('cross-origin request refused');
    const sent = (req.headers['x-csrf-token'] as string | undefined) ?? (req.body as Record<string, unknown> | undefined)?._csrf;
    if (typeof sent !== 'string' || !sameToken(sent, req.consoleUser.csrf))
      return reply.code(403).type('text/plain').send('missing or wrong CSRF token; reload the page');
  });

  const page = (reply: FastifyReply, status: number, error?: string) =>
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(layout({ title: 'Sign in' }, loginPage(error)));

  const limiter = (key: (req: FastifyRequest) => string, limit: { max: number; timeWindow: number }) =>
    app.createRateLimit({ ...limit, keyGenerator: key, cache: TRACKED } as Parameters<FastifyInstance['createRateLimit']>[0]);
  const address = (req: FastifyRequest) => normalizeIP(req.ip, 64);
  const byAddress = limiter((req) => `a:${address(req)}`, SIGN_IN_LIMITS.address);
  const byAccountAddress = limiter((req) => `u:${usernameOf(req)}|${address(req)}`, SIGN_IN_LIMITS.accountAddress);
  const byAccount = limiter((req) => `u:${usernameOf(req)}`, SIGN_IN_LIMITS.account);
  type Outcome = Awaited<ReturnType<typeof byAddress>>;
  /** The wait in seconds, 0 when allowed: past the limit once this try is counted, or, for a read, already at it. */
  const waitOf = (o: Outcome, counted = true) =>
    !o.isAllowed && (counted ? o.isExceeded : o.remaining === 0) ? Math.max(1, o.ttlInSeconds) : 0;

  const counts = { failed: 0, refused: 0, sinceMs: ctx.clock.now() };
  const count = (kind: 'failed' | 'refused') => {
    counts[kind]++;
    const nowMs = ctx.clock.now();
    if (nowMs - counts.sinceMs < 60_000) return;
    // SECURITY: counts only; no username (often a mistyped password) and no address.
    ctx.logger.warn({ failed: counts.failed, refused: counts.refused, sinceMs: counts.sinceMs }, 'console sign-in failures');
    counts.failed = 0;
    counts.refused = 0;
    counts.sinceMs = nowMs;
  };
  const tooMany = (reply: FastifyReply, waitS: number) => {
    count('refused');
    reply.header('retry-after', String(waitS));
    return page(
      reply,
      429,
      `Too many sign-in attempts. Try again in ${waitS < 120 ? `${waitS} seconds` : `${Math.ceil(waitS / 60)} minutes`}.`,
    );
  };

  const budget = createSignInBudget(ctx.config.console.signInChecksPerSecond, ctx.config.console.signInCheckBurst);
  const busy = (reply: FastifyReply, waitS: number) => {
    count('refused');
    reply.header('retry-after', String(waitS));
    return page(reply, 503, 'Sign-in is busy. Try again in a few seconds.');
  };

  app.get('/console/login', async (_req, reply) => page(reply, 200));

  app.post('/console/login', async (req: FastifyRequest, reply) => {
    if (crossOrigin(req)) return reply.code(403).type('text/plain').send('cross-origin sign-in refused');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const username = usernameOf(req);
    const password = typeof body.password === 'string' ? body.password.slice(0, 1024) : '';
    const fromAddress = waitOf(await byAddress(req));
    if (fromAddress) return tooMany(reply, fromAddress);
    if (!username || !password) return page(reply, 400, 'Enter a username and a password.');
    // Failures are counted after the fact; here only read, and a try while limited counts again (the backoff grows).
    const limited = Math.max(
      waitOf(await byAccountAddress(req, { increment: false }), false),
      waitOf(await byAccount(req, { increment: false }), false),
    );
    if (limited) {
      // The store's read ignores the backoff; the counted try carries it (each try doubles).
      const counted = await Promise.all([byAccountAddress(req), byAccount(req)]);
      return tooMany(reply, Math.max(limited, ...counted.map((o) => waitOf(o))));
    }
    const busyS = budget.take(ctx.clock.now());
    if (busyS) return busy(reply, busyS);
    const reviewer = await findReviewer(ctx.store.db, { username });
    let good: boolean;
    try {
      // Verify against a decoy when the user is unknown: both answers take as long.
      good = await verifyPassword(password, reviewer?.passwordHash ?? (await decoyHash()));
    } catch (e) {
      if (isAppError(e) && e.code === 'not_ready') return busy(reply, 5);
      throw e;
    }
    if (!reviewer || !good || reviewer.disabled) {
      count('failed');
      await Promise.all([byAccountAddress(req), byAccount(req)]);
      return page(reply, 401, 'Wrong username or password.');
    }
    const { token } = await createSession(ctx.store.db, reviewer.id, ctx.clock.now(), ttlMs);
    await ctx.ledger.audit([{ actor: `reviewer:${reviewer.id}`, action: 'console.signed_in', detail: { username } }]);
    reply.setCookie(COOKIE, token, {
      path: '/console',
      httpOnly: true,
      sameSite: 'strict',
      secure: ctx.config.console.secureCookies,
      maxAge: Math.floor(ttlMs / 1000),
    });
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
