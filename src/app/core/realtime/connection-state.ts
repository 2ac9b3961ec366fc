import { PollState, updatedAtOf } from '../../shared/streams/load-state';

/** Where the telemetry socket is: waiting for its first frame, delivering frames, or waiting to reconnect. */
export type SocketStatus =
  | { readonly phase: 'connecting'; readonly lastFrameAt: number | null }
  | { readonly phase: 'open'; readonly lastFrameAt: number }
  | {
      readonly phase: 'retrying';
      readonly lastFrameAt: number | null;
      readonly attempt: number;
      readonly retryAt: number;
      readonly reason: string;
    };

interface Freshness {
  /** Epoch ms of the last data from the master, by socket or by fallback polling. */
  readonly lastMessageAt: number | null;
  /** Epoch ms when this state was evaluated (the clock), for countdowns and ages. */
  readonly checkedAt: number;
  /** How far the master's clock is ahead of the browser's (ms, negative when behind; 0 when negligible). */
  readonly clockOffsetMs: number;
}

/** The dashboard's connection to the master, as the toolbar chip shows it. */
export type ConnectionState = Freshness &
  (
    | { readonly kind: 'connecting' }
    | { readonly kind: 'live' }
    /** The socket is open but silent for longer than two heartbeats: not really live. */
    | { readonly kind: 'stale' }
    | { readonly kind: 'reconnecting'; readonly attempt: number; readonly retryAt: number; readonly reason: string }
    | { readonly kind: 'offline' }
    /** The socket is down but polling the REST API works: figures arrive, less often. */
    | { readonly kind: 'degraded'; readonly attempt: number; readonly retryAt: number }
    /**
     * The live-data code this page needs could not be fetched, again and again: the dashboard's
     * server now serves another version (or is still restarting). Only a reload helps.
     */
    | { readonly kind: 'outdated' }
  );

export interface ConnectionInputs {
  readonly socket: SocketStatus;
  readonly online: boolean;
  readonly now: number;
  readonly fallback: PollState<unknown> | null;
  /** With no workers the master has nothing to send, so silence is not staleness. */
  readonly workerCount: number;
  readonly staleAfterMs: number;
  readonly clockOffsetMs: number;
}

export function toConnectionState({
  socket,
  online,
  now,
  fallback,
  workerCount,
  staleAfterMs,
  clockOffsetMs,
}: ConnectionInputs): ConnectionState {
  const lastMessageAt = latest(socket.lastFrameAt, fallback ? updatedAtOf(fallback) : null);
  const freshness = { lastMessageAt, checkedAt: now, clockOffsetMs };
  if (!online) {
    return { kind: 'offline', ...freshness };
  }
  switch (socket.phase) {
    case 'connecting':
      return { kind: 'connecting', ...freshness };
    case 'open':
      return workerCount > 0 && now - socket.lastFrameAt > staleAfterMs
        ? { kind: 'stale', ...freshness }
        : { kind: 'live', ...freshness };
    case 'retrying':
      return fallback?.kind === 'ready' && fallback.refreshError === undefined
        ? { kind: 'degraded', attempt: socket.attempt, retryAt: socket.retryAt, ...freshness }
        : {
            kind: 'reconnecting',
            attempt: socket.attempt,
            retryAt: socket.retryAt,
            reason: socket.reason,
            ...freshness,
          };
  }
}

function latest(a: number | null, b: number | null): number | null {
  if (a === null) {
    return b;
  }
  return b === null ? a : Math.max(a, b);
}
