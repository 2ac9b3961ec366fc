import { Injectable, inject } from '@angular/core';
import { Observable, combineLatest, distinctUntilChanged, map, of, shareReplay, switchMap } from 'rxjs';
import { dequal } from 'dequal';
import { CLOCK } from '../../../core/realtime/browser-signals';
import { LiveWorker } from '../../../core/realtime/live-worker';
import { LiveWorkersStore } from '../../../core/realtime/live-workers-store';
import { dataOf } from '../../../shared/streams/load-state';
import { PendingReason, PlacementWorker } from './pending-reason';
import { PendingTask, judgeByAmounts, pendingOf, withTimes } from './pending-judgement';
import { TasksStore } from './tasks-store';

/** No pending task, or no reasons known yet. */
export const NO_REASONS: ReadonlyMap<string, PendingReason> = new Map();

/**
 * Why each pending task has not started, kept current as workers and tasks change: from the app's
 * task poll, the worker registry and telemetry, judged at most once a second.
 */
@Injectable({ providedIn: 'root' })
export class PendingReasonsStore {
  private readonly tasks = inject(TasksStore);
  private readonly clock$ = inject(CLOCK);

  /**
   * The workers as the master's placement sees them, `null` until the worker list is known.
   * Usage changes twenty times a second and placement does not look at it: this changes only when a
   * worker's capacity, allocation or activity does. Shared while subscribed; replays; never completes.
   */
  readonly placement$: Observable<readonly PlacementWorker[] | null> = inject(LiveWorkersStore).workersEachSecond$.pipe(
    map((workers) => workers && workers.map(toPlacementWorker)),
    distinctUntilChanged(dequal),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /**
   * The reasons last worked out, kept while no page watches: how long a task has fitted counts from
   * when this tab first saw it fit, across pages (the task list, then the task's own page).
   */
  private judged: ReadonlyMap<string, PendingReason> = NO_REASONS;

  private readonly pending$: Observable<readonly PendingTask[]> = this.tasks.poll$.pipe(
    map((poll) => pendingOf(dataOf(poll) ?? [])),
    distinctUntilChanged(dequal),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /**
   * The reason of every pending task of the app's poll, by task id. The workers are read only while
   * some task is pending: a list without one asks the master for nothing more. Shared while
   * subscribed; replays; never completes.
   */
  readonly reasons$: Observable<ReadonlyMap<string, PendingReason>> = this.pending$.pipe(
    map((pending) => pending.length > 0),
    distinctUntilChanged(),
    switchMap((anyPending) =>
      anyPending
        ? combineLatest([
            // Judged again only when the pending tasks or the workers change…
            combineLatest([this.pending$, this.placement$]).pipe(
              map(([pending, placement]) => (placement === null ? null : judgeByAmounts(pending, placement))),
            ),
            // …while the clock only moves tasks that fit from "should start" to "may be lost".
            this.clock$,
          ]).pipe(
            map(([judged, now]) => {
              if (judged === null) return NO_REASONS;
              this.judged = withTimes(this.judged, judged, now);
              return this.judged;
            }),
          )
        : of(NO_REASONS),
    ),
    distinctUntilChanged(),
    shareReplay({ bufferSize: 1, refCount: true }),
  );
}

export function toPlacementWorker(worker: LiveWorker): PlacementWorker {
  return {
    id: worker.id,
    active: worker.status !== 'inactive',
    capacity: worker.capacity,
    available: worker.available,
  };
}
