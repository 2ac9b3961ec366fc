import { AuthUser } from './auth.model';

/** What the master says about the browser's session. */
export type SessionAnswer =
  | { readonly kind: 'signed-in'; readonly user: AuthUser }
  /** No session, an invalid or expired one, or an account that no longer exists. */
  | { readonly kind: 'signed-out' }
  /** The master has no auth routes (it runs without its user database): everyone may use it. */
  | { readonly kind: 'no-auth' };

/**
 * Reads the master's answer to `GET /api/auth/me`: `200` with the user, `200` with `success: false`
 * for a deleted account, `401` without a valid session, `404` when the routes are not registered.
 * Any other status says nothing about the session: `null`.
 */
export function toSessionAnswer(status: number, body: unknown): SessionAnswer | null {
  switch (status) {
    case 200: {
      const user = userIn(body);
      return user ? { kind: 'signed-in', user } : { kind: 'signed-out' };
    }
    case 401:
      return { kind: 'signed-out' };
    case 404:
      return { kind: 'no-auth' };
    default:
      return null;
  }
}

function userIn(body: unknown): AuthUser | null {
  if (!body || typeof body !== 'object') return null;
  const { success, user } = body as { success?: unknown; user?: unknown };
  if (success !== true || !user || typeof user !== 'object') return null;
  return typeof (user as { email?: unknown }).email === 'string' ? (user as AuthUser) : null;
}
