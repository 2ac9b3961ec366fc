import { OperatorFunction, SchedulerLike, auditTime, connect, filter, map, merge, tap } from 'rxjs';
import { WorkerTelemetry } from '../../shared/cloudai/telemetry.model';
import { NO_CLOCK_SAMPLES, addClockSamples, clockOffsetMs } from './clock-offset';
import { SocketStatus } from './connection-state';
import { toReceivedFrame } from './received-frame';
import { CONNECTING, SocketEvent, toSocketStatus } from './socket-status';

/**
 * What the telemetry socket delivered over one display interval, as the views consume it: the
 * worker entries received (parsed and validated, oldest first), where the socket is, the master's
 * clock offset and the running count of malformed frames and entries.
 */
export interface TelemetryDigest {
  /**
   * Forget every worker before applying `updates`: the connection was closed on purpose
   * (sign-out), or this is a snapshot of every worker for a reader that has nothing yet.
   */
  readonly reset: boolean;
  readonly updates: readonly WorkerTelemetry[];
  readonly status: SocketStatus;
  readonly clockOffsetMs: number;
  readonly malformed: number;
}

/**
 * The most entries held between two digests: a second's worth at 1,000 workers. A hidden tab's
 * timers run about once a minute; without this bound, an hour in the background would pile up
 * every frame.
 */
export const MAX_PENDING = 200;

/**
 * The telemetry socket's running account: each worker's latest entry (for a snapshot), the entries
 * received since the last digest, the socket's status, the clock offset estimate and the malformed
 * count. Free of Angular: the data worker keeps one for every tab, the page one for itself.
 */
export class TelemetryLedger {
  private readonly latest = new Map<string, WorkerTelemetry>();
  private pending: WorkerTelemetry[] = [];
  private resetPending = false;
  private changed = false;
  private status: SocketStatus = CONNECTING;
  private clock = NO_CLOCK_SAMPLES;
  private malformed = 0;

  /** How many entries the next digest will carry. */
  get pendingCount(): number {
    return this.pending.length;
  }

  record(event: SocketEvent): void {
    this.changed = true;
    this.status = toSocketStatus(this.status, event);
    if (event.kind === 'closed') {
      this.latest.clear();
      this.pending = [];
      this.resetPending = true;
      return;
    }
    if (event.kind !== 'frame') return;
    const frame = toReceivedFrame(event);
    this.malformed += frame.rejected;
    for (const entry of frame.entries) {
      const held = this.latest.get(entry.worker_id);
      // A reconnection's snapshot can repeat older entries; the views ignore them too.
      if (!held || entry.last_update >= held.last_update) this.latest.set(entry.worker_id, entry);
      this.pending.push(entry);
    }
    // The snapshot sent on connect lists heartbeats that can be minutes old: no clock sample.
    if (!frame.snapshot) {
      this.clock = addClockSamples(
        this.clock,
        frame.entries.map((entry) => entry.last_update * 1000 - frame.at),
        frame.at,
      );
    }
  }

  /** What was recorded since the last digest, or `null` when nothing was. */
  takeDigest(): TelemetryDigest | null {
    if (!this.changed) return null;
    const digest = this.digest(this.resetPending, this.pending);
    this.pending = [];
    this.resetPending = false;
    this.changed = false;
    return digest;
  }

  /** Every worker's latest entry, for a reader that has nothing yet. */
  snapshot(): TelemetryDigest {
    return this.digest(true, [...this.latest.values()]);
  }

  private digest(reset: boolean, updates: readonly WorkerTelemetry[]): TelemetryDigest {
    return { reset, updates, status: this.status, clockOffsetMs: clockOffsetMs(this.clock), malformed: this.malformed };
  }
}

/**
 * Records the socket's events in `ledger` as they arrive and emits a digest at most every
 * `intervalMs` of `scheduler` (sooner when {@link MAX_PENDING} entries wait): 200 frames a second
 * from a large cluster become a few updates a second for the views.
 */
export function digestTelemetry(
  ledger: TelemetryLedger,
  intervalMs: number,
  scheduler: SchedulerLike,
): OperatorFunction<SocketEvent, TelemetryDigest> {
  return (events$) =>
    events$.pipe(
      tap((event) => ledger.record(event)),
      connect((recorded$) =>
        merge(
          recorded$.pipe(auditTime(intervalMs, scheduler)),
          recorded$.pipe(filter(() => ledger.pendingCount >= MAX_PENDING)),
        ),
      ),
      map(() => ledger.takeDigest()),
      filter((digest): digest is TelemetryDigest => digest !== null),
    );
}

/**
 * One digest saying what `earlier` and then `later` said, for a tab that takes digests less often:
 * every entry kept in order (the usage history takes each), the latest status, clock and count.
 */
export function mergeDigests(earlier: TelemetryDigest, later: TelemetryDigest): TelemetryDigest {
  return {
    ...later,
    reset: earlier.reset || later.reset,
    // A reset forgets everything before it, so what came before it is not sent.
    updates: later.reset ? later.updates : [...earlier.updates, ...later.updates],
  };
}
