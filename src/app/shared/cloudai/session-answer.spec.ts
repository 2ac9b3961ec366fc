import { toSessionAnswer } from './session-answer';

describe('toSessionAnswer', () => {
  const alice = { email: 'alice@example.com', name: 'Alice', visit_count: 4, created_at: '2025-11-18T20:30:01.123Z' };

  it('is signed in when the master returns the user', () => {
    expect(toSessionAnswer(200, { success: true, message: 'ok', user: alice })).toEqual({
      kind: 'signed-in',
      user: alice,
    });
  });

  it('is signed out without a valid session, and for a deleted account (200, success false)', () => {
    expect(toSessionAnswer(401, { error: 'Unauthorized: No authentication token' })).toEqual({ kind: 'signed-out' });
    expect(toSessionAnswer(200, { success: false, message: 'User not found' })).toEqual({ kind: 'signed-out' });
    expect(toSessionAnswer(200, { success: true, user: { name: 'no email' } })).toEqual({ kind: 'signed-out' });
  });

  it('means no sign-in when the auth routes are not registered (404)', () => {
    expect(toSessionAnswer(404, '404 page not found')).toEqual({ kind: 'no-auth' });
  });

  it('says nothing about the session for any other status', () => {
    expect(toSessionAnswer(500, 'Internal Server Error')).toBeNull();
    expect(toSessionAnswer(503, 'Database not available')).toBeNull();
  });
});
