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
   * rendered together. Each digest costs the page a fixed ~0.7 ms however few workers it carries,
   * so this trades latency against CPU: 40 ms keeps send-to-screen under 50 ms at the 95th
   * percentile and a thousand workers under 5 % of the main thread (32 ms cost 5.2 %, 50 ms
   * gave 59 ms; see bench/results of 2026-12-02).
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
    viewCoalesceMs: 40,
  };
}

/** The timings for the real master's own heartbeat and inactivity rules. */
export const DEFAULT_REALTIME_CONFIG: RealtimeConfig = realtimeConfigFor(DEFAULT_DEPLOYMENT);
