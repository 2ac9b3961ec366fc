import { HttpErrorResponse } from '@angular/common/http';
import { AuthUser } from '../../shared/cloudai/auth.model';
import { AuthEvent, AuthState, CHECKING, mayUseDashboard, reduceAuth } from './auth-state';

describe('reduceAuth', () => {
  const alice: AuthUser = {
    email: 'alice@example.com',
    name: 'Alice',
    visit_count: 3,
    created_at: '2025-11-18T20:30:01.123Z',
  };
  const signedIn: AuthState = { status: 'signed-in', user: alice };
  const failed = (status: number): AuthEvent => ({
    kind: 'check-failed',
    error: new HttpErrorResponse({ status, error: status === 401 ? { error: 'Unauthorized: Invalid token' } : '' }),
  });

  it('is signed in when the master knows the session', () => {
    expect(reduceAuth(CHECKING, { kind: 'checked', response: { success: true, message: 'ok', user: alice } })).toEqual(
      signedIn,
    );
  });

  it('is signed out on a 401 at start, but expired (sign in over the page) when a session ends', () => {
    expect(reduceAuth(CHECKING, failed(401))).toEqual({ status: 'signed-out' });
    expect(reduceAuth(signedIn, failed(401))).toEqual({ status: 'expired', user: alice });
  });

  it('never treats a session the master could not confirm as one: data pages stay closed until it answers', () => {
    const unreachable = reduceAuth(CHECKING, failed(0));
    expect(unreachable.status).toBe('unreachable');
    expect(mayUseDashboard(unreachable)).toBeFalse();

    expect(reduceAuth(unreachable, failed(401))).toEqual({ status: 'signed-out' });
    expect(
      reduceAuth(unreachable, { kind: 'checked', response: { success: true, message: 'ok', user: alice } }),
    ).toEqual(signedIn);
  });

  it('treats a deleted account (200, success false) like an ended session', () => {
    expect(reduceAuth(signedIn, { kind: 'checked', response: { success: false, message: 'User not found' } })).toEqual({
      status: 'expired',
      user: alice,
    });
  });

  it('goes into no-sign-in mode when the master has no auth routes (404)', () => {
    expect(reduceAuth(CHECKING, failed(404))).toEqual({ status: 'no-auth' });
  });

  it('keeps a session through a master that is down, and says so when nothing is known yet', () => {
    expect(reduceAuth(signedIn, failed(0))).toBe(signedIn);
    expect(reduceAuth(CHECKING, failed(503))).toEqual(jasmine.objectContaining({ status: 'unreachable' }));
  });

  it('signs in and out on command', () => {
    expect(reduceAuth({ status: 'signed-out' }, { kind: 'signed-in', user: alice })).toEqual(signedIn);
    expect(reduceAuth(signedIn, { kind: 'signed-out' })).toEqual({ status: 'signed-out' });
  });

  it('lets data pages open only when allowed', () => {
    expect(mayUseDashboard(signedIn)).toBeTrue();
    expect(mayUseDashboard({ status: 'no-auth' })).toBeTrue();
    expect(mayUseDashboard({ status: 'signed-out' })).toBeFalse();
    expect(mayUseDashboard(CHECKING)).toBeFalse();
    expect(mayUseDashboard({ status: 'expired', user: alice })).toBeTrue();
  });
});
