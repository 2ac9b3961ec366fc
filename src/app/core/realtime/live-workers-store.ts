import { Injectable, inject } from '@angular/core';
import {
  Observable,
  combineLatest,
  distinctUntilChanged,
  ignoreElements,
  map,
  merge,
  scan,
  shareReplay,
  skip,
  startWith,
  tap,
} from 'rxjs';
import { WorkerListEntry } from '../../shared/cloudai/worker.model';
import { REALTIME_CONFIG } from '../config/realtime-config';
import { CLOCK } from './browser-signals';
import { LiveWorker, freshnessRulesOf, latestHeartbeatOf, toLiveWorkers } from './live-worker';
import { TelemetryStore } from './telemetry-store';
import { TrackedWorkers } from './tracked-worker';
import { WorkerRegistry } from './worker-registry';
import { LoadState, PollState, dataOf, problemOf, updatedAtOf } from '../../shared/streams/load-state';
import { sampleOnTicks } from '../../shared/streams/sample-on-ticks';

const LOADING: LoadState<readonly LiveWorker[]> = { kind: 'loading' };

/**
 * The workers as the views show them: capacities and registrations polled from
 * `GET /api/workers` (see `WorkerRegistry`; at once when telemetry reveals a new worker), joined with
 * live telemetry, with each worker's status re-derived every second.
 */
@Injectable({ providedIn: 'root' })
export class LiveWorkersStore {
  private readonly telemetry = inject(TelemetryStore);
  private readonly registry = inject(WorkerRegistry);
  private readonly config = inject(REALTIME_CONFIG);
  private readonly clock$ = inject(CLOCK);

  /**
   * A worker id appeared in telemetry for the first time after the snapshot sent on connect:
   * a new registration, whose capacities only the registry knows.
   */
  private readonly newWorkerReported$ = this.telemetry.workers$.pipe(
    // Telemetry never forgets a worker, so a new id shows as a larger map.
    map((workers) => workers.size),
    distinctUntilChanged(),
    // The empty map before anything arrives, then the snapshot sent on connect.
    skip(2),
  );

  /**
   * The shared registry poll, refreshed at once when telemetry reveals a new worker. The request
   * goes through `refresh()` because the poll feeds telemetry while the socket is down.
   */
  private readonly registry$: Observable<PollState<readonly WorkerListEntry[]>> = merge(
    this.registry.registry$,
    this.newWorkerReported$.pipe(
      tap(() => this.registry.refresh()),
      ignoreElements(),
    ),
  );

  /**
   * Every known worker, sorted by id; a worker object is kept as long as nothing about it
   * changes. Telemetry arrives at display rate already (see `TelemetryFeed`). Hot while
   * subscribed; replays; never completes.
   */
  readonly workers$: Observable<LoadState<readonly LiveWorker[]>> = combineLatest([
    this.registry$,
    this.telemetry.workers$,
    this.freshnessClock(),
    this.telemetry.clockOffsetMs$,
  ]).pipe(
    scan(
      (previous: LoadState<readonly LiveWorker[]>, [registry, telemetry, now, offsetMs]) =>
        this.toView(registry, telemetry, now, offsetMs, previous),
      LOADING,
    ),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /**
   * The time worker freshness is judged at: now while data arrives, and frozen at the last message
   * while the master cannot be reached or the browser is offline. What is on screen then stays as it
   * was at the time the chip names, instead of every worker drifting to "late" and "inactive" for
   * want of news the dashboard cannot get.
   */
  private freshnessClock(): Observable<number> {
    const frozenAt$ = this.telemetry.connection$.pipe(
      map((connection) =>
        connection.kind === 'reconnecting' || connection.kind === 'offline' ? connection.lastMessageAt : null,
      ),
      startWith(null),
      distinctUntilChanged(),
    );
    return combineLatest([this.clock$, frozenAt$]).pipe(map(([now, frozenAt]) => frozenAt ?? now));
  }

  /**
   * The master's time at which worker freshness is judged (see `freshnessClock`), for readers that
   * join registry and telemetry themselves at their own pace. Replays while subscribed; never completes.
   */
  readonly freshnessNow$: Observable<number> = combineLatest([
    this.freshnessClock(),
    this.telemetry.clockOffsetMs$,
  ]).pipe(map(([now, offsetMs]) => now + offsetMs));

  /**
   * The workers at most once a second, on the clock's tick (so the list changes in the frame ages
   * do), for readers that show no usage: the task pages' placement, the command palette. Built from
   * the registry and telemetry as they are at each tick rather than from `workers$`, which follows
   * every telemetry digest: those readers would otherwise pay for rebuilding a thousand workers many
   * times a second to learn what changes a few times a minute. `null` until the registry answers,
   * since until then every capacity and address would read as unknown. Shared while subscribed;
   * replays; never completes.
   */
  readonly workersEachSecond$: Observable<readonly LiveWorker[] | null> = combineLatest([
    this.registry.registry$.pipe(map(dataOf)),
    this.telemetry.workers$,
    this.freshnessNow$,
  ]).pipe(
    sampleOnTicks(this.clock$),
    map(([registry, workers, now]) =>
      registry === undefined ? null : toLiveWorkers(registry, workers, now, freshnessRulesOf(this.config)),
    ),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /** Asks the registry for capacities and registrations now (after registering a worker, say). */
  refreshRegistry(): void {
    this.registry.refresh();
  }

  /** Heartbeat times are the master's: freshness is judged against the master's clock (`now + offsetMs`). */
  private toView(
    registry: PollState<readonly WorkerListEntry[]>,
    telemetry: TrackedWorkers,
    now: number,
    offsetMs: number,
    previous: LoadState<readonly LiveWorker[]>,
  ): LoadState<readonly LiveWorker[]> {
    const registered = dataOf(registry);
    if (registered === undefined && telemetry.size === 0) {
      return registry.kind === 'error' ? { kind: 'error', message: registry.message } : { kind: 'loading' };
    }
    const workers = toLiveWorkers(
      registered ?? [],
      telemetry,
      now + offsetMs,
      freshnessRulesOf(this.config),
      previous.kind === 'ready' ? previous.data : [],
    );
    const latestHeartbeat = latestHeartbeatOf(workers);
    const problem = problemOf(registry);
    return {
      kind: 'ready',
      data: workers,
      updatedAt: Math.max(updatedAtOf(registry) ?? 0, latestHeartbeat - offsetMs),
      ...(problem ? { refreshError: problem } : {}),
    };
  }
}
