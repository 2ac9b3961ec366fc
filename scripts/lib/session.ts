/**
 * Signs a test or benchmark browser in to a master with sign-in, as the dashboard's own sign-in
 * page would: register (an existing account is fine), then log in and take the session cookie.
 * A real master with a database always has sign-in, so the end-to-end tests and the benchmark
 * run signed in rather than against a master without it.
 */
export interface TestAccount {
  readonly name: string;
  readonly email: string;
  readonly password: string;
}

export const TEST_ACCOUNT: TestAccount = { name: 'Test Operator', email: 'operator@example.com', password: 'secret-1' };

/** A cookie in the shape Playwright's `addCookies` and `storageState` take. */
export interface SessionCookie {
  readonly name: string;
  readonly value: string;
  readonly domain: string;
  readonly path: string;
  readonly expires: number;
  readonly httpOnly: boolean;
  readonly secure: boolean;
  readonly sameSite: 'Lax';
}

/** Registers the account if it is new, logs in through `baseUrl` and returns the session cookie for its host. */
export async function signInCookie(baseUrl: string, account: TestAccount = TEST_ACCOUNT): Promise<SessionCookie> {
  const post = (path: string, body: object) =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const registered = (await (await post('/api/auth/register', account)).json()) as {
    success: boolean;
    message: string;
  };
  if (!registered.success && !/already exists/.test(registered.message)) {
    throw new Error(`Could not register ${account.email}: ${registered.message}`);
  }
  const login = await post('/api/auth/login', { email: account.email, password: account.password });
  const answer = (await login.json()) as { success: boolean; message: string };
  const token = /auth_token=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
  if (!answer.success || !token) {
    throw new Error(`Could not sign in as ${account.email}: ${answer.message}`);
  }
  return {
    name: 'auth_token',
    value: token,
    domain: new URL(baseUrl).hostname,
    path: '/',
    expires: Math.floor(Date.now() / 1000) + 24 * 3600,
    httpOnly: true,
    secure: false,
    sameSite: 'Lax',
  };
}
