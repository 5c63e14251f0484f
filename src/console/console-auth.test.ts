import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { SIGN_IN_LIMITS } from './console-auth.js';
import { hashPassword, passwordThreadId, verifyPassword } from './password.js';
import { createReviewer, disableReviewer } from './reviewer-store.js';
import { statement } from '../store/write-set.js';

const PASSWORD = 'a long enough password';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('console sign-in and sessions', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await createReviewer(t.store.db, { username: 'ana', displayName: 'Ana', roles: ['reviewer'], password: PASSWORD });
    await createReviewer(t.store.db, { username: 'bo', displayName: 'Bo', roles: ['reviewer'], password: PASSWORD });
    await createReviewer(t.store.db, { username: 'cy', displayName: 'Cy', roles: ['reviewer'], password: PASSWORD });
  });
  after(() => t.close());

  const login = (username: string, password: string, from = '127.0.0.1', extra: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/console/login',
      remoteAddress: from,
      headers: { ...form, ...extra },
      payload: new URLSearchParams({ username, password }).toString(),
    });
  const session = async (username: string) => {
    const r = await login(username, PASSWORD);
    assert.equal(r.statusCode, 303);
    const cookie = String(r.headers['set-cookie']).split(';')[0]!;
    const page = await t.app.inject({ method: 'GET', url: '/console', headers: { cookie } });
    return { cookie, csrf: /csrf-token" content="([^"]+)"/.exec(page.body)![1]! };
  };

  it('stores scrypt hashes that verify only the right password', async () => {
    const h = await hashPassword('s3cret-but-long');
    assert.match(h, /^scrypt\$32768\$8\$1\$/);
    assert.equal(await verifyPassword('s3cret-but-long', h), true);
    assert.equal(await verifyPassword('s3cret-but-lonG', h), false);
    assert.notEqual(await hashPassword('s3cret-but-long'), h, 'salted');
  });

  it('sets an HttpOnly, SameSite=Strict cookie scoped to the console, and sends pages with a strict CSP', async () => {
    const r = await login('ana', PASSWORD);
    assert.match(String(r.headers['set-cookie']), /HttpOnly; SameSite=Strict/);
    assert.match(String(r.headers['set-cookie']), /Path=\/console/);
    const { cookie } = await session('ana');
    const page = await t.app.inject({ method: 'GET', url: '/console', headers: { cookie } });
    assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
    assert.equal(page.headers['x-frame-options'], 'DENY');
    assert.equal(page.headers['cache-control'], 'no-store');
  });

  it('redirects to sign-in without a session, and refuses posts', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/console' });
    assert.equal(r.statusCode, 303);
    assert.equal(r.headers.location, '/console/login');
    assert.equal((await t.app.inject({ method: 'POST', url: '/console/cases/x/claim', headers: form, payload: '' })).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'GET', url: '/console', headers: { cookie: 'warden_session=forged' } })).statusCode, 303);
  });

  it('refuses a cross-origin post and a wrong CSRF token', async () => {
    const { cookie, csrf } = await session('ana');
    const cross = await t.app.inject({
      method: 'POST',
      url: '/console/cases/x/claim',
      headers: { ...form, cookie, origin: 'https://evil.example' },
      payload: `_csrf=${csrf}`,
    });
    assert.equal(cross.statusCode, 403);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/console/cases/x/claim',
      headers: { ...form, cookie },
      payload: '_csrf=nope',
    });
    assert.equal(wrong.statusCode, 403);
    const right = await t.app.inject({
      method: 'POST',
      url: '/console/cases/x/claim',
      headers: { ...form, cookie },
      payload: `_csrf=${csrf}`,
    });
    assert.equal(right.statusCode, 404, 'past the CSRF check: no such case');
  });

  it('slows a guesser at one address without locking the owner out elsewhere, and keeps failures out of the audit chain', async () => {
    const before = await t.store.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    for (let i = 0; i < SIGN_IN_LIMITS.accountAddress.max; i++)
      assert.equal((await login('bo', 'wrong password!!', '198.51.100.9')).statusCode, 401);
    const limited = await login('bo', PASSWORD, '198.51.100.9');
    assert.equal(limited.statusCode, 429, 'the guessing address waits, even with the right password');
    assert.ok(Number(limited.headers['retry-after']) >= 1);
    const again = await login('bo', PASSWORD, '198.51.100.9');
    assert.ok(Number(again.headers['retry-after']) > Number(limited.headers['retry-after']), 'each try while limited doubles the wait');
    assert.equal((await login('bo', PASSWORD, '203.0.113.50')).statusCode, 303, 'the owner at another address signs in');
    const after = await t.store.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n) - Number(before.n), 1, 'only the successful sign-in is an audit entry');
    assert.equal(
      (await t.store.db.selectFrom('audit_log').select('seq').where('action', '=', 'console.sign_in_failed').execute()).length,
      0,
    );
  });

  it('refuses a sign-in flood from one address before checking any password', async () => {
    const codes: number[] = [];
    for (let i = 0; i < SIGN_IN_LIMITS.address.max + 5; i++)
      codes.push((await login(`nobody${i}`, 'whatever password', '192.0.2.77')).statusCode);
    assert.deepEqual(codes.slice(0, SIGN_IN_LIMITS.address.max), Array(SIGN_IN_LIMITS.address.max).fill(401));
    assert.deepEqual(codes.slice(SIGN_IN_LIMITS.address.max), Array(5).fill(429));
    assert.equal((await login('ana', PASSWORD, '192.0.2.78')).statusCode, 303, 'other addresses are unaffected');
  });

  it('refuses a cross-origin sign-in (login CSRF)', async () => {
    assert.equal((await login('ana', PASSWORD, '127.0.0.1', { origin: 'https://evil.example' })).statusCode, 403);
    assert.equal((await login('ana', PASSWORD, '127.0.0.1', { origin: 'null' })).statusCode, 403);
    assert.equal((await login('ana', PASSWORD, '127.0.0.1', { origin: 'http://localhost:80' })).statusCode, 303, 'same origin is fine');
  });

  it('hashes in a worker thread, not on the event loop', async () => {
    let ticks = 0;
    const tick = setInterval(() => ticks++, 1);
    await hashPassword('a long enough password');
    clearInterval(tick);
    assert.notEqual(passwordThreadId(), undefined);
    assert.ok(ticks > 0, 'timers ran while scrypt worked');
    if (process.platform === 'linux') {
      // Field 19 of /proc/<pid>/task/<tid>/stat is the nice value: one thread (the scrypt worker) runs at 19, the gate's at 0.
      const nices = readdirSync('/proc/self/task').map((tid) =>
        Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]),
      );
      assert.equal(nices.filter((n) => n === 19).length, 1, `nice values ${nices.join(',')}`);
    }
  });

  it('ends sessions on sign-out and when a reviewer is disabled', async () => {
    const a = await session('ana');
    const out = await t.app.inject({
      method: 'POST',
      url: '/console/logout',
      headers: { ...form, cookie: a.cookie },
      payload: `_csrf=${a.csrf}`,
    });
    assert.equal(out.statusCode, 303);
    assert.equal((await t.app.inject({ method: 'GET', url: '/console', headers: { cookie: a.cookie } })).statusCode, 303);
    const c = await session('cy');
    await disableReviewer(t.store.db, 'cy');
    assert.equal((await t.app.inject({ method: 'GET', url: '/console', headers: { cookie: c.cookie } })).statusCode, 303);
    assert.equal((await login('cy', PASSWORD)).statusCode, 401);
  });

  it('shows actions that failed for good, with a banner on the queue; only admins retry them', async () => {
    await t.engine.apply({
      statements: [
        statement(
          t.store.db.insertInto('actions').values({
            id: 'act_f1',
            dedupe_key: 'k1',
            type: 'remove_content',
            mode: 'live',
            status: 'failed',
            subject_account: 'u_x',
            params: '{}',
            attempts: 12,
            next_attempt_ms: 0,
            last_error: 'HTTP 500',
            created_ms: 1,
          }),
        ),
      ],
    });
    const { cookie, csrf } = await session('ana');
    const queue = await t.app.inject({ method: 'GET', url: '/console', headers: { cookie } });
    assert.match(queue.body, /1 actions failed to reach the platform/);
    const page = await t.app.inject({ method: 'GET', url: '/console/actions?status=failed', headers: { cookie } });
    assert.match(page.body, /act_f1/);
    assert.match(page.body, /HTTP 500/);
    assert.doesNotMatch(page.body, /Retry<\/button>/, 'no retry button for a reviewer');
    const retry = await t.app.inject({
      method: 'POST',
      url: '/console/actions/act_f1/retry',
      headers: { ...form, cookie },
      payload: `_csrf=${csrf}`,
    });
    assert.equal(retry.statusCode, 403);
  });

  it('expires sessions after console.sessionHours', async () => {
    const { cookie } = await session('ana');
    t.clock.advance(12 * 3_600_000 + 1);
    assert.equal((await t.app.inject({ method: 'GET', url: '/console', headers: { cookie } })).statusCode, 303);
  });
});

describe('console sign-in budget', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(':memory:', { console: { signInChecksPerSecond: 0.5, signInCheckBurst: 2 } });
    await createReviewer(t.store.db, { username: 'ana', displayName: 'Ana', roles: ['reviewer'], password: PASSWORD });
  });
  after(() => t.close());

  const login = (from: string) =>
    t.app.inject({
      method: 'POST',
      url: '/console/login',
      remoteAddress: from,
      headers: form,
      payload: new URLSearchParams({ username: 'ana', password: PASSWORD }).toString(),
    });

  it('caps password checks for the whole server, whatever the address, and refills with time', async () => {
    // Every try from a new address: the per-address and per-account limits never apply; the budget does.
    assert.equal((await login('198.51.100.1')).statusCode, 303);
    assert.equal((await login('198.51.100.2')).statusCode, 303);
    const busy = await login('198.51.100.3');
    assert.equal(busy.statusCode, 503);
    assert.equal(busy.headers['retry-after'], '2');
    assert.match(busy.body, /Sign-in is busy/);
    t.clock.advance(2000);
    assert.equal((await login('198.51.100.4')).statusCode, 303, 'one check is back after two seconds');
  });
});
