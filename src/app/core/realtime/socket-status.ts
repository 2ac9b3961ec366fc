import { RetryScheduled } from '../../shared/streams/reconnect';
import { SocketStatus } from './connection-state';

/** What the one telemetry socket reports: a frame, a scheduled reconnection, or a close on purpose. */
export type SocketEvent =
  /** `snapshot`: the first frame of a connection, the map of every worker the master sends on connect. */
  | { readonly kind: 'frame'; readonly raw: string; readonly at: number; readonly snapshot: boolean }
  | ({ readonly kind: 'retrying' } & RetryScheduled)
  /** The connection was closed on purpose (sign-out): forget what it delivered. */
  | { readonly kind: 'closed' };

export type FrameEvent = Extract<SocketEvent, { kind: 'frame' }>;

export const CLOSED: SocketEvent = { kind: 'closed' };

export const CONNECTING: SocketStatus = { phase: 'connecting', lastFrameAt: null };

/**
 * The socket's status after one of its events: open from any frame, connecting again after a close
 * on purpose, and waiting to reconnect with the schedule of the retry, keeping the last frame's time.
 */
export function toSocketStatus(status: SocketStatus, event: SocketEvent): SocketStatus {
  switch (event.kind) {
    case 'frame':
      return { phase: 'open', lastFrameAt: event.at };
    case 'closed':
      return CONNECTING;
    case 'retrying':
      return {
        phase: 'retrying',
        lastFrameAt: status.lastFrameAt,
        attempt: event.attempt,
        retryAt: event.retryAt,
        reason: event.reason,
      };
  }
}

/** Whether two statuses read the same on the chip: frames arriving while open do not change what it says. */
export function samePhase(a: SocketStatus, b: SocketStatus): boolean {
  if (a.phase !== b.phase) {
    return false;
  }
  return a.phase !== 'retrying' || (b.phase === 'retrying' && a.attempt === b.attempt && a.retryAt === b.retryAt);
}

/** Whether the socket is down, waiting to reconnect: the REST API stands in for it meanwhile. */
export function isSocketDown(status: SocketStatus): boolean {
  return status.phase === 'retrying';
}
