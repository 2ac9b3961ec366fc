import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * The real master checks the session on `GET /api/auth/me` only: every other route, cancelling
 * tasks and the sockets included, answers anyone who can reach it. The dashboard's server is
 * the door in front of it: a request for a master path goes through only with a session the
 * master itself accepts, asked on `/api/auth/me` with the request's cookie and remembered for a
 * few seconds per session. Signing in, registering, signing out and the session check stay open.
 *
 * A master without sign-in (no database: its `/api/auth/*` answers 404) cannot tell anyone
 * apart, so the door stays open in front of it; the server says so at start.
 */
export type DoorVerdict =
  | { readonly kind: 'open' }
  | { readonly kind: 'refused'; readonly reason: string }
  /** The master could not be asked: the request is answered as if forwarding it had failed. */
  | { readonly kind: 'unknown'; readonly error: Error };

export interface SessionDoorOptions {
  readonly masterUrl: string;
  /** How long a session the master accepted is let through without asking again. */
  readonly acceptedForMs?: number;
  /** How long a session the master refused is refused without asking again. */
  readonly refusedForMs?: number;
  /** How long the answer to "does the master have sign-in at all" is kept. */
  readonly signInKnownForMs?: number;
  readonly now?: () => number;
}

/** The master's cookie (contract §1.4): a JWT, read by the master from this cookie only. */
const SESSION_COOKIE = 'auth_token';
const CHECK_TIMEOUT_MS = 5000;
/** Sessions remembered at most; the oldest go first (a flood of made-up cookies must not grow memory). */
const MAX_REMEMBERED = 5000;

/** Routes open to anyone: the master's own sign-in flow, which the sign-in page needs. */
const OPEN_ROUTES: readonly (readonly [string, string])[] = [
  ['POST', '/api/auth/login'],
  ['POST', '/api/auth/register'],
  ['POST', '/api/auth/logout'],
  ['GET', '/api/auth/me'],
];

export class SessionDoor {
  private readonly remembered = new Map<string, { readonly accepted: boolean; readonly until: number }>();
  private signIn: { readonly known: Promise<boolean>; readonly until: number } | null = null;
  private readonly now: () => number;

  constructor(private readonly options: SessionDoorOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Whether a request for a master path (`path` without the base path) may be forwarded. */
  async admit(request: Pick<IncomingMessage, 'method' | 'headers'>, path: string): Promise<DoorVerdict> {
    const route = path.split('?')[0];
    if (OPEN_ROUTES.some(([method, open]) => method === request.method && open === route)) return { kind: 'open' };
    const token = sessionToken(request.headers.cookie);
    let hasSignIn: boolean;
    try {
      hasSignIn = await this.masterHasSignIn();
    } catch (error) {
      return { kind: 'unknown', error: error as Error };
    }
    if (!hasSignIn) return { kind: 'open' };
    if (token === null) return { kind: 'refused', reason: 'Unauthorized: sign in to the dashboard first' };
    const known = this.remembered.get(token);
    if (known && known.until > this.now()) {
      return known.accepted ? { kind: 'open' } : { kind: 'refused', reason: 'Unauthorized: the session has ended' };
    }
    let status: number;
    try {
      status = await askMaster(this.options.masterUrl, `${SESSION_COOKIE}=${token}`);
    } catch (error) {
      return { kind: 'unknown', error: error as Error };
    }
    if (status !== 200 && status !== 401) {
      return { kind: 'unknown', error: new Error(`the master answered ${status} to the session check`) };
    }
    this.remember(token, status === 200);
    return status === 200 ? { kind: 'open' } : { kind: 'refused', reason: 'Unauthorized: the session has ended' };
  }

  /**
   * Whether the master has sign-in: its session check answers 401 without a cookie, and 404
   * when it runs without a database. Asked again every little while: a master restarted with its
   * database gains sign-in.
   */
  masterHasSignIn(): Promise<boolean> {
    if (!this.signIn || this.signIn.until <= this.now()) {
      const known = askMaster(this.options.masterUrl, null).then((status) => {
        if (status === 401 || status === 200) return true;
        if (status === 404) return false;
        throw new Error(`the master answered ${status} to the session check`);
      });
      this.signIn = { known, until: this.now() + (this.options.signInKnownForMs ?? 30_000) };
      // A failed check is asked again at the next request, not remembered.
      known.catch(() => {
        if (this.signIn?.known === known) this.signIn = null;
      });
    }
    return this.signIn.known;
  }

  private remember(token: string, accepted: boolean): void {
    const forMs = accepted ? (this.options.acceptedForMs ?? 15_000) : (this.options.refusedForMs ?? 5000);
    this.remembered.delete(token);
    this.remembered.set(token, { accepted, until: this.now() + forMs });
    if (this.remembered.size > MAX_REMEMBERED) {
      this.remembered.delete(this.remembered.keys().next().value as string);
    }
  }
}

/** The session cookie's value, or `null` when the request has none. */
export function sessionToken(cookieHeader: string | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE && value.join('=') !== '') return value.join('=');
  }
  return null;
}

/** The status of the master's `GET /api/auth/me`, asked with `cookie` (or none). */
function askMaster(masterUrl: string, cookie: string | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL('/api/auth/me', masterUrl);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const toMaster = send(url, {
      method: 'GET',
      headers: { accept: 'application/json', ...(cookie ? { cookie } : {}) },
      timeout: CHECK_TIMEOUT_MS,
    });
    toMaster.on('timeout', () => toMaster.destroy(new Error('the session check timed out')));
    toMaster.on('response', (answer) => {
      answer.resume();
      answer.on('end', () => resolve(answer.statusCode ?? 0));
      answer.on('error', reject);
    });
    toMaster.on('error', reject);
    toMaster.end();
  });
}
