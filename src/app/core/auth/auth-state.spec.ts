import { HttpErrorResponse } from '@angular/common/http';
import { AuthUser } from '../../shared/cloudai/auth.model';
import { SessionAnswer } from '../../shared/cloudai/session-answer';
import {
  AuthEvent,
  AuthState,
  CHECKING,
  START_OF_SESSION,
  mayUseDashboard,
  reduceAuth,
  reduceSession,
} from './auth-state';

describe('reduceAuth', () => {
  const alice: AuthUser = {
    email: 'alice@example.com',
    name: 'Alice',
    visit_count: 3,
    created_at: '2025-11-18T20:30:01.123Z',
  };
  const signedIn: AuthState = { kind: 'signed-in', user: alice };
  const failed = (status: number): AuthEvent => ({
    kind: 'check-failed',
    error: new HttpErrorResponse({ status }),
    generation: 0,
  });
  const answered = (answer: SessionAnswer, generation = 0): AuthEvent => ({ kind: 'checked', answer, generation });
  const signedOut = answered({ kind: 'signed-out' });

  it('is signed in when the master knows the session', () => {
    expect(reduceAuth(CHECKING, answered({ kind: 'signed-in', user: alice }))).toEqual(signedIn);
  });

  it('is signed out when nobody is at start, but expired (sign in over the page) when a session ends', () => {
    expect(reduceAuth(CHECKING, signedOut)).toEqual({ kind: 'signed-out' });
    expect(reduceAuth(signedIn, signedOut)).toEqual({ kind: 'expired', user: alice });
  });

  it('never treats a session the master could not confirm as one: data pages stay closed until it answers', () => {
    const unreachable = reduceAuth(CHECKING, failed(0));
    expect(unreachable.kind).toBe('unreachable');
    expect(mayUseDashboard(unreachable)).toBeFalse();

    expect(reduceAuth(unreachable, signedOut)).toEqual({ kind: 'signed-out' });
    expect(reduceAuth(unreachable, answered({ kind: 'signed-in', user: alice }))).toEqual(signedIn);
  });

  it('goes into no-sign-in mode when the master has no auth routes', () => {
    expect(reduceAuth(CHECKING, answered({ kind: 'no-auth' }))).toEqual({ kind: 'no-auth' });
  });

  it('keeps a session through a master that is down, and says so when nothing is known yet', () => {
    expect(reduceAuth(signedIn, failed(0))).toBe(signedIn);
    expect(reduceAuth(CHECKING, failed(503))).toEqual(jasmine.objectContaining({ kind: 'unreachable' }));
  });

  it('signs in and out on command', () => {
    expect(reduceAuth({ kind: 'signed-out' }, { kind: 'signed-in', user: alice })).toEqual(signedIn);
    expect(reduceAuth(signedIn, { kind: 'signed-out' })).toEqual({ kind: 'signed-out' });
  });

  it('lets data pages open only when allowed', () => {
    expect(mayUseDashboard(signedIn)).toBeTrue();
    expect(mayUseDashboard({ kind: 'no-auth' })).toBeTrue();
    expect(mayUseDashboard({ kind: 'signed-out' })).toBeFalse();
    expect(mayUseDashboard(CHECKING)).toBeFalse();
    expect(mayUseDashboard({ kind: 'expired', user: alice })).toBeTrue();
  });

  it('ignores the answer to a check sent before a sign-in or sign-out', () => {
    const afterSignIn = reduceSession(START_OF_SESSION, { kind: 'signed-in', user: alice });
    expect(afterSignIn).toEqual({ auth: signedIn, generation: 1 });

    expect(reduceSession(afterSignIn, answered({ kind: 'signed-out' }, 0))).toBe(afterSignIn);
    expect(reduceSession(afterSignIn, answered({ kind: 'signed-out' }, 1)).auth).toEqual({
      kind: 'expired',
      user: alice,
    });
  });
});
