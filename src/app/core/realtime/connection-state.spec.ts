import { PollState } from '../../shared/streams/load-state';
import { aPoll } from '../../testing/builders';
import { ConnectionInputs, toConnectionState } from './connection-state';

describe('toConnectionState', () => {
  const base: ConnectionInputs = {
    socket: { phase: 'open', lastFrameAt: 1000 },
    online: true,
    now: 5000,
    fallback: null,
    workerCount: 3,
    staleAfterMs: 10_000,
    clockOffsetMs: 0,
  };
  /** The fallback poller after an answer at 7000, and a failed refresh when `problem` is given. */
  const polled = (problem?: string): PollState<unknown> => aPoll([], 7000, problem);
  const retrying = { phase: 'retrying', lastFrameAt: 1000, attempt: 2, retryAt: 9000, reason: 'closed' } as const;

  it('is live while frames arrive', () => {
    expect(toConnectionState(base)).toEqual({ kind: 'live', lastMessageAt: 1000, checkedAt: 5000, clockOffsetMs: 0 });
  });

  it('is stale when the open socket has been silent for longer than allowed', () => {
    expect(toConnectionState({ ...base, now: 11_001 }).kind).toBe('stale');
    expect(toConnectionState({ ...base, now: 11_000 }).kind).toBe('live');
  });

  it('is not stale when there are no workers to report', () => {
    expect(toConnectionState({ ...base, now: 60_000, workerCount: 0 }).kind).toBe('live');
  });

  it('is connecting before the first frame', () => {
    expect(toConnectionState({ ...base, socket: { phase: 'connecting', lastFrameAt: null } })).toEqual({
      kind: 'connecting',
      lastMessageAt: null,
      checkedAt: 5000,
      clockOffsetMs: 0,
    });
  });

  it('is reconnecting, with the attempt and the time of the next try, while the socket is down', () => {
    expect(toConnectionState({ ...base, socket: retrying })).toEqual({
      kind: 'reconnecting',
      attempt: 2,
      retryAt: 9000,
      reason: 'closed',
      lastMessageAt: 1000,
      checkedAt: 5000,
      clockOffsetMs: 0,
    });
  });

  it('is still reconnecting when the fallback polling fails too', () => {
    expect(toConnectionState({ ...base, socket: retrying, fallback: polled('down') }).kind).toBe('reconnecting');
  });

  it('is degraded when fallback polling delivers while the socket is down, and dates the data by it', () => {
    expect(toConnectionState({ ...base, socket: retrying, fallback: polled() })).toEqual({
      kind: 'degraded',
      attempt: 2,
      retryAt: 9000,
      lastMessageAt: 7000,
      checkedAt: 5000,
      clockOffsetMs: 0,
    });
  });

  it('is offline whenever the browser is, whatever the socket says', () => {
    expect(toConnectionState({ ...base, online: false }).kind).toBe('offline');
    expect(toConnectionState({ ...base, online: false, socket: retrying }).kind).toBe('offline');
  });
});
