import { Injectable, inject } from '@angular/core';
import {
  Observable,
  combineLatest,
  distinctUntilChanged,
  filter,
  map,
  merge,
  scan,
  shareReplay,
  startWith,
  withLatestFrom,
} from 'rxjs';
import { WorkerListEntry } from '../../shared/cloudai/worker.model';
import { REALTIME_CONFIG } from '../config/realtime-config';
import { BROWSER_ONLINE, CLOCK } from './browser-signals';
import { ConnectionState, toConnectionState } from './connection-state';
import { samePhase } from './socket-status';
import { TelemetryBatchItem, applyBatch } from './telemetry-batch';
import { TelemetryFeed } from './telemetry-feed';
import { NO_WORKERS, TelemetryUpdate, TrackedWorkers, toTelemetryUpdate } from './tracked-worker';
import { WorkerRegistry } from './worker-registry';
import { dataOf } from '../../shared/streams/load-state';

/**
 * Live worker telemetry from the master's `/ws/telemetry` (see `TelemetryFeed`), backed by
 * REST polling while the socket is down (see `WorkerRegistry`), and the connection state that
 * tells the operator how far to trust what is on screen.
 */
@Injectable({ providedIn: 'root' })
export class TelemetryStore {
  private readonly feed = inject(TelemetryFeed);
  private readonly registry = inject(WorkerRegistry);
  private readonly config = inject(REALTIME_CONFIG);
  private readonly online$ = inject(BROWSER_ONLINE);
  private readonly clock$ = inject(CLOCK);

  /**
   * Every worker the master has reported, with its latest telemetry and usage history, keyed by
   * worker id; empty until the first report. Changes at display rate at most. Hot while
   * subscribed (one connection); replays the latest map; never completes.
   */
  readonly workers$: Observable<TrackedWorkers> = merge(
    this.feed.digests$.pipe(
      map((digest): TelemetryBatchItem[] => (digest.reset ? [null, digest.updates] : [digest.updates])),
    ),
    this.registry.fallback$.pipe(
      map((poll) => (poll ? dataOf(poll) : undefined)),
      filter((entries): entries is readonly WorkerListEntry[] => entries !== undefined),
      distinctUntilChanged(),
      map((entries) => [entries.map(toTelemetryUpdate).filter((update): update is TelemetryUpdate => update !== null)]),
    ),
  ).pipe(
    scan((workers, batch) => applyBatch(workers, batch, this.config.historyWindowMs), NO_WORKERS),
    startWith(NO_WORKERS),
    distinctUntilChanged(),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /**
   * The master's clock minus this browser's, in ms (0 when negligible or not known yet),
   * estimated from heartbeat frames (see `TelemetryLedger`). The toolbar chip shows it (see
   * `connection$`), which keeps the estimate for as long as the app runs: a page opened later does
   * not start from zero. Shared while subscribed; replays; never completes.
   */
  readonly clockOffsetMs$: Observable<number> = this.feed.digests$.pipe(
    map((digest) => digest.clockOffsetMs),
    startWith(0),
    distinctUntilChanged(),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /** How many frames or entries were dropped as malformed since the socket was first opened. Replays; never completes. */
  readonly malformedCount$: Observable<number> = this.feed.digests$.pipe(
    map((digest) => digest.malformed),
    startWith(0),
    distinctUntilChanged(),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /** The connection as the toolbar chip shows it, re-evaluated every second. Replays; never completes. */
  readonly connection$: Observable<ConnectionState> = combineLatest({
    // Re-evaluated when the socket changes phase, not on every frame: a large cluster sends 200
    // frames a second, and the freshest frame time is read on each clock tick instead.
    phase: this.feed.status$.pipe(distinctUntilChanged(samePhase)),
    online: this.online$,
    now: this.clock$,
    fallback: this.registry.fallback$,
    workerCount: this.workers$.pipe(
      map((workers) => workers.size),
      distinctUntilChanged(),
    ),
    clockOffsetMs: this.clockOffsetMs$,
  }).pipe(
    withLatestFrom(this.feed.status$),
    map(([inputs, socket]) => toConnectionState({ ...inputs, socket, staleAfterMs: 2 * this.config.heartbeatMs })),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /** Closes the socket and stops its fallback polling, and forgets every worker (sign-out). */
  disconnect(): void {
    this.feed.disconnect();
  }

  /** Opens the live connection again after {@link disconnect}. */
  connect(): void {
    this.feed.connect();
  }
}
