import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { postJson, startSim, type RunningSim } from './helpers.ts';

function cookieFrom(response: Response): string {
  return response.headers.getSetCookie()[0] ?? '';
}

describe('auth', () => {
  let env: RunningSim;
  before(async () => {
    env = await startSim({ workers: 0 });
  });
  after(() => env.dispose());

  it('registers without setting a cookie and validates input', async () => {
    const response = await postJson(`${env.url}/api/auth/register`, { name: 'Alice', email: 'alice@example.com', password: 'secret1' });
    assert.equal(response.status, 200);
    assert.deepEqual(response.headers.getSetCookie(), []);
    const body = (await response.json()) as any;
    assert.equal(body.success, true);
    assert.equal(body.message, 'Registration successful');
    assert.equal(body.user.visit_count, 0);
    assert.match(body.user.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(body.visit_count, undefined);
    assert.equal(body.user.password_hash, undefined);

    const failures: Array<[unknown, string]> = [
      [{ name: 'Alice', email: 'alice@example.com', password: 'secret1' }, 'user with this email already exists'],
      [{ name: 'Bob', email: 'bob@example.com', password: '123' }, 'Password must be at least 6 characters'],
      [{ email: 'bob@example.com', password: '123456' }, 'Name, email, and password are required'],
      ['nope', 'Invalid request body'],
    ];
    for (const [input, message] of failures) {
      const failed = await postJson(`${env.url}/api/auth/register`, input);
      assert.equal(failed.status, 200);
      assert.equal(failed.headers.get('content-type'), 'text/plain; charset=utf-8');
      assert.deepEqual(await failed.json(), { success: false, message });
    }
  });

  it('logs in with an HttpOnly cookie, counts visits and serves /me', async () => {
    const wrong = await postJson(`${env.url}/api/auth/login`, { email: 'alice@example.com', password: 'wrong!!' });
    assert.deepEqual(await wrong.json(), { success: false, message: 'Invalid email or password' });

    const login = await postJson(`${env.url}/api/auth/login`, { email: 'alice@example.com', password: 'secret1' });
    const body = (await login.json()) as any;
    assert.equal(body.message, 'Login successful');
    assert.equal(body.visit_count, 1);
    assert.equal(body.user.visit_count, 1);
    const cookie = cookieFrom(login);
    assert.match(cookie, /^auth_token=[\w-]+\.[\w-]+\.[\w-]+;/);
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Lax/);
    assert.match(cookie, /; Path=\//);
    assert.match(cookie, /; Expires=/);
    assert.doesNotMatch(cookie, /Secure|Max-Age/);

    const token = cookie.split(';')[0];
    const me = await fetch(`${env.url}/api/auth/me`, { headers: { Cookie: token } });
    assert.equal(me.status, 200);
    const meBody = (await me.json()) as any;
    assert.equal(meBody.message, 'User retrieved successfully');
    assert.equal(meBody.user.email, 'alice@example.com');

    const again = (await (await postJson(`${env.url}/api/auth/login`, { email: 'alice@example.com', password: 'secret1' })).json()) as any;
    assert.equal(again.visit_count, 2);
  });

  it('rejects a missing, forged or expired token with 401 JSON', async () => {
    const none = await fetch(`${env.url}/api/auth/me`);
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('content-type'), 'application/json');
    assert.deepEqual(await none.json(), { error: 'Unauthorized: No authentication token' });
    // Signed with the real master's default secret, which the simulator never uses.
    const forged = await new SignJWT({ email: 'alice@example.com', name: 'Alice' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('vishvboda'));
    const response = await fetch(`${env.url}/api/auth/me`, { headers: { Cookie: `auth_token=${forged}` } });
    assert.equal(response.status, 401);
    assert.deepEqual(await response.json(), { error: 'Unauthorized: Invalid token' });
    const expired = await new SignJWT({ email: 'alice@example.com', name: 'Alice' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(env.sim.context.store.jwtSecret);
    const stale = await fetch(`${env.url}/api/auth/me`, { headers: { Cookie: `auth_token=${expired}` } });
    assert.deepEqual(await stale.json(), { error: 'Unauthorized: Invalid token' });
    const garbage = await fetch(`${env.url}/api/auth/me`, { headers: { Cookie: 'auth_token=abc' } });
    assert.deepEqual(await garbage.json(), { error: 'Unauthorized: Invalid token' });
  });

  it('clears the cookie on logout', async () => {
    const response = await fetch(`${env.url}/api/auth/logout`, { method: 'POST' });
    assert.deepEqual(await response.json(), { success: true, message: 'Logout successful' });
    const cookie = cookieFrom(response);
    assert.match(cookie, /^auth_token=;/);
    assert.match(cookie, /Expires=Thu, 01 Jan 1970 00:00:00 GMT/);
    assert.match(cookie, /Max-Age=0/);
    assert.match(cookie, /HttpOnly/);
    assert.equal((await fetch(`${env.url}/api/auth/logout`)).status, 405);
  });
});

describe('auth switched off (--well-behaved --no-auth)', () => {
  it('answers every /api/auth route with 404 page not found', async () => {
    const env = await startSim({ workers: 0, auth: false, wellBehaved: true });
    try {
      for (const path of ['register', 'login', 'logout', 'me']) {
        const response = await postJson(`${env.url}/api/auth/${path}`, {});
        assert.equal(response.status, 404);
        assert.equal(await response.text(), '404 page not found\n');
      }
    } finally {
      await env.dispose();
    }
  });
});
