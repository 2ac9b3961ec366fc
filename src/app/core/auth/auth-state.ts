import { AuthUser } from '../../shared/cloudai/auth.model';
import { SessionAnswer } from '../../shared/cloudai/session-answer';
import { toErrorMessage } from '../../shared/http/error-message';
import { sameJson } from '../../shared/state/same-json';

/** Who is using the dashboard, as far as the master says. */
export type AuthState =
  | { readonly kind: 'checking' }
  | { readonly kind: 'signed-out' }
  | { readonly kind: 'signed-in'; readonly user: AuthUser }
  /** The session ended while the operator was working: sign in again over the page, losing nothing. */
  | { readonly kind: 'expired'; readonly user: AuthUser }
  /** The master has no auth routes (no user database): everyone may use the dashboard. */
  | { readonly kind: 'no-auth' }
  /**
   * The master could not be asked and nobody was known: an unknown session is not a session, so
   * data pages wait (on the waiting page) and the check is repeated until the master answers.
   */
  | { readonly kind: 'unreachable'; readonly message: string };

export type AuthEvent =
  /** `generation`: the session generation the check was sent in. */
  | { readonly kind: 'checked'; readonly answer: SessionAnswer; readonly generation: number }
  | { readonly kind: 'check-failed'; readonly error: unknown; readonly generation: number }
  | { readonly kind: 'signed-in'; readonly user: AuthUser }
  | { readonly kind: 'signed-out' };

export const CHECKING: AuthState = { kind: 'checking' };

/**
 * The auth state with its generation, bumped on every sign-in and sign-out: a check sent before
 * one says nothing about the session after it.
 */
export interface SessionState {
  readonly auth: AuthState;
  readonly generation: number;
}

export const START_OF_SESSION: SessionState = { auth: CHECKING, generation: 0 };

export function reduceSession(state: SessionState, event: AuthEvent): SessionState {
  const commanded = event.kind === 'signed-in' || event.kind === 'signed-out';
  if (!commanded && event.generation !== state.generation) return state;
  const auth = reduceAuth(state.auth, event);
  const generation = commanded ? state.generation + 1 : state.generation;
  return auth === state.auth && generation === state.generation ? state : { auth, generation };
}

export function reduceAuth(state: AuthState, event: AuthEvent): AuthState {
  const user = state.kind === 'signed-in' || state.kind === 'expired' ? state.user : null;
  switch (event.kind) {
    case 'signed-in':
      return { kind: 'signed-in', user: event.user };
    case 'signed-out':
      return { kind: 'signed-out' };
    case 'checked':
      return afterAnswer(state, user, event.answer);
    case 'check-failed':
      // A master that is down or failing says nothing about the session: keep it.
      return user || state.kind === 'no-auth' ? state : { kind: 'unreachable', message: toErrorMessage(event.error) };
  }
}

function afterAnswer(state: AuthState, user: AuthUser | null, answer: SessionAnswer): AuthState {
  switch (answer.kind) {
    case 'signed-in':
      // The same answer again changes nothing, so nothing downstream re-renders.
      return state.kind === 'signed-in' && sameJson(state.user, answer.user)
        ? state
        : { kind: 'signed-in', user: answer.user };
    case 'signed-out':
      return endedSession(user);
    case 'no-auth':
      return { kind: 'no-auth' };
  }
}

/** Nobody is signed in (any more): over the page if someone was, on the sign-in page if nobody ever was. */
function endedSession(user: AuthUser | null): AuthState {
  return user ? { kind: 'expired', user } : { kind: 'signed-out' };
}

/**
 * Whether data pages, and live data, may open: only for someone the master said is signed in
 * (an ended session keeps its page, under the sign-in dialog) or a master without sign-in.
 */
export function mayUseDashboard(state: AuthState): boolean {
  return state.kind === 'signed-in' || state.kind === 'expired' || state.kind === 'no-auth';
}
