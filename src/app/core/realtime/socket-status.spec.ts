import { SocketStatus } from './connection-state';
import { CLOSED, CONNECTING, SocketEvent, isSocketDown, samePhase, toSocketStatus } from './socket-status';

describe('toSocketStatus', () => {
  const frameAt = (at: number): SocketEvent => ({ kind: 'frame', raw: '{}', at, snapshot: false });
  const retrying = (attempt: number, retryAt: number): SocketEvent => ({
    kind: 'retrying',
    attempt,
    retryAt,
    reason: 'connection refused',
  });
  const statuses = (...events: SocketEvent[]) => events.reduce(toSocketStatus, CONNECTING);

  it('is open from any frame, with the time it arrived', () => {
    expect(statuses(frameAt(5))).toEqual({ phase: 'open', lastFrameAt: 5 });
    expect(statuses(frameAt(5), frameAt(9))).toEqual({ phase: 'open', lastFrameAt: 9 });
  });

  it('waits to reconnect with the schedule of the retry, remembering the last frame', () => {
    expect(statuses(retrying(1, 100))).toEqual({
      phase: 'retrying',
      lastFrameAt: null,
      attempt: 1,
      retryAt: 100,
      reason: 'connection refused',
    });
    expect(statuses(frameAt(5), retrying(1, 100), retrying(2, 300))).toEqual({
      phase: 'retrying',
      lastFrameAt: 5,
      attempt: 2,
      retryAt: 300,
      reason: 'connection refused',
    });
  });

  it('is connecting again, with nothing remembered, after a close on purpose', () => {
    expect(statuses(frameAt(5), CLOSED)).toBe(CONNECTING);
    expect(statuses(retrying(1, 100), CLOSED)).toBe(CONNECTING);
  });
});

describe('samePhase', () => {
  const open = (lastFrameAt: number): SocketStatus => ({ phase: 'open', lastFrameAt });
  const retrying = (attempt: number, retryAt: number): SocketStatus => ({
    phase: 'retrying',
    lastFrameAt: 5,
    attempt,
    retryAt,
    reason: 'timeout',
  });

  it('ignores new frames of an open socket', () => {
    expect(samePhase(open(5), open(9))).toBeTrue();
  });

  it('tells phases apart, and each scheduled retry from the last', () => {
    expect(samePhase(CONNECTING, open(9))).toBeFalse();
    expect(samePhase(retrying(1, 100), retrying(1, 100))).toBeTrue();
    expect(samePhase(retrying(1, 100), retrying(2, 300))).toBeFalse();
    expect(samePhase(retrying(1, 100), open(9))).toBeFalse();
  });
});

describe('isSocketDown', () => {
  it('is true only while waiting to reconnect', () => {
    expect(isSocketDown(CONNECTING)).toBeFalse();
    expect(isSocketDown({ phase: 'open', lastFrameAt: 5 })).toBeFalse();
    expect(isSocketDown({ phase: 'retrying', lastFrameAt: null, attempt: 1, retryAt: 100, reason: 'x' })).toBeTrue();
  });
});
