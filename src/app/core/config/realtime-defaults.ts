import { BackoffPolicy } from '../../shared/streams/backoff';
import { DEFAULT_DEPLOYMENT, Deployment } from './deployment';

/** Timings of the live connection to the master. */
export interface RealtimeConfig {
  /** Telemetry socket reconnection: full-jitter exponential backoff from `initialMs`, capped at `maxMs`. */
  readonly reconnect: BackoffPolicy;
  /** The workers' heartbeat period; a socket silent for two of them is stale. */
  readonly heartbeatMs: number;
  /**
   * An open telemetry socket that delivers nothing this long while workers are active is
   * half-open or stuck: it is closed and reconnected. Four heartbeats: longer than the master's
   * usual pause while a cancel holds its lock.
   */
  readonly silentSocketMs: number;
  /** A worker without a heartbeat for this long is inactive (the master's own rule is 30 s). */
  readonly inactiveAfterMs: number;
  /** Polling of `GET /api/workers` while the socket is down. */
  readonly fallbackPollMs: number;
  /** Polling of `GET /api/workers` for capacities and registrations, which telemetry does not carry. */
  readonly registryPollMs: number;
  /** How much usage history each worker keeps in the browser. */
  readonly historyWindowMs: number;
  /**
   * The longest a worker update waits before the views see it: updates arriving meanwhile are
   * rendered together. Small against the 100 ms latency target, large enough that a thousand
   * workers reporting 200 times a second cost a few renders, not sixty.
   */
  readonly viewCoalesceMs: number;
}

/**
 * The timings for a deployment's heartbeat and inactivity settings, free of Angular so the data
 * worker uses the same ones as the page (the page reads them through REALTIME_CONFIG, which tests
 * replace).
 */
export function realtimeConfigFor({
  heartbeatMs,
  inactiveAfterMs,
}: Pick<Deployment, 'heartbeatMs' | 'inactiveAfterMs'>): RealtimeConfig {
  return {
    reconnect: { initialMs: 500, maxMs: 10_000 },
    heartbeatMs,
    silentSocketMs: 4 * heartbeatMs,
    inactiveAfterMs,
    fallbackPollMs: 1000,
    registryPollMs: 10_000,
    historyWindowMs: 15 * 60_000,
    viewCoalesceMs: 50,
  };
}

/** The timings for the real master's own heartbeat and inactivity rules. */
export const DEFAULT_REALTIME_CONFIG: RealtimeConfig = realtimeConfigFor(DEFAULT_DEPLOYMENT);
