import { Injectable, inject } from '@angular/core';
import {
  Observable,
  Subject,
  auditTime,
  combineLatest,
  distinctUntilChanged,
  map,
  merge,
  of,
  scan,
  shareReplay,
  skip,
  startWith,
  throttleTime,
} from 'rxjs';
import { WorkersClient } from '../../shared/cloudai/workers-client';
import { LoadState } from '../../shared/streams/load-state';
import { PollState, smartPoll } from '../../shared/streams/smart-poll';
import { WorkerListEntry } from '../../shared/cloudai/worker.model';
import { REALTIME_CONFIG } from '../config/realtime-config';
import { CLOCK, PAGE_VISIBLE, RENDER_SCHEDULER } from './browser-signals';
import { LiveWorker, toLiveWorkers } from './live-worker';
import { TelemetryStore } from './telemetry-store';
import { TrackedWorker } from './tracked-worker';

const LOADING: LoadState<readonly LiveWorker[]> = { status: 'loading' };

/**
 * The workers as the views show them: capacities and registrations polled from
 * `GET /api/workers` (every 10 s, and at once when telemetry reveals a new worker), joined with
 * live telemetry, with each worker's status re-derived every second.
 */
@Injectable({ providedIn: 'root' })
export class LiveWorkersStore {
  private readonly telemetry = inject(TelemetryStore);
  private readonly workersClient = inject(WorkersClient);
  private readonly config = inject(REALTIME_CONFIG);
  private readonly clock$ = inject(CLOCK);
  private readonly visible$ = inject(PAGE_VISIBLE);
  private readonly renderScheduler = inject(RENDER_SCHEDULER);

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

  /** A registration made from this tab: fetch the registry now rather than at the next poll. */
  private readonly registryRefresh = new Subject<void>();

  private readonly registry$: Observable<PollState<readonly WorkerListEntry[]>> = smartPoll({
    request: () => this.workersClient.listWorkers(),
    intervalMs$: of(this.config.registryPollMs),
    visible$: this.visible$,
    // At most one refresh a second: a master restart reports hundreds of workers "new" at once.
    refresh$: merge(this.newWorkerReported$, this.registryRefresh).pipe(
      throttleTime(1000, undefined, { leading: true, trailing: true }),
    ),
  }).pipe(shareReplay({ bufferSize: 1, refCount: true }));

  /**
   * Every known worker, sorted by id; a worker object is kept as long as nothing about it
   * changes. Telemetry bursts are coalesced (`viewCoalesceMs`). Hot while
   * subscribed; replays; never completes.
   */
  readonly workers$: Observable<LoadState<readonly LiveWorker[]>> = combineLatest([
    this.registry$,
    this.telemetry.workers$.pipe(auditTime(this.config.viewCoalesceMs, this.renderScheduler)),
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

  /** Asks the registry for capacities and registrations now (after registering a worker, say). */
  refreshRegistry(): void {
    this.registryRefresh.next();
  }

  /** Heartbeat times are the master's: freshness is judged against the master's clock (`now + offsetMs`). */
  private toView(
    registry: PollState<readonly WorkerListEntry[]>,
    telemetry: ReadonlyMap<string, TrackedWorker>,
    now: number,
    offsetMs: number,
    previous: LoadState<readonly LiveWorker[]>,
  ): LoadState<readonly LiveWorker[]> {
    if (registry.data === undefined && telemetry.size === 0) {
      return registry.lastError ? { status: 'error', message: registry.lastError } : { status: 'loading' };
    }
    const rules = { staleAfterMs: 2 * this.config.heartbeatMs, inactiveAfterMs: this.config.inactiveAfterMs };
    const workers = toLiveWorkers(
      registry.data ?? [],
      telemetry,
      now + offsetMs,
      rules,
      previous.status === 'ready' ? previous.data : [],
    );
    let latestHeartbeat = 0;
    for (const worker of workers) {
      latestHeartbeat = Math.max(latestHeartbeat, worker.lastHeartbeat ?? 0);
    }
    return {
      status: 'ready',
      data: workers,
      updatedAt: Math.max(registry.lastUpdated ?? 0, latestHeartbeat - offsetMs),
      ...(registry.lastError ? { refreshError: registry.lastError } : {}),
    };
  }
}
