import { Injectable, inject } from '@angular/core';
import {
  Observable,
  asyncScheduler,
  combineLatest,
  distinctUntilChanged,
  map,
  of,
  shareReplay,
  switchMap,
  throttleTime,
} from 'rxjs';
import { dequal } from 'dequal';
import { CLOCK } from '../../../core/realtime/browser-signals';
import { REALTIME_CONFIG } from '../../../core/config/realtime-config';
import { LiveWorker, toLiveWorkers } from '../../../core/realtime/live-worker';
import { TelemetryStore } from '../../../core/realtime/telemetry-store';
import { WorkerRegistry } from '../../../core/realtime/worker-registry';
import { requirementsOf } from '../../../shared/cloudai/resource-fit';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { dataOf } from '../../../shared/streams/load-state';
import { PendingReason, PlacementWorker, pendingReasonOf } from './pending-reason';
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
  readonly placement$: Observable<readonly PlacementWorker[] | null> = this.placement();

  /**
   * Built from the registry and telemetry sampled once a second, rather than from the live worker
   * list, which follows every telemetry digest: the task pages would otherwise pay for rebuilding a
   * thousand workers twenty-five times a second to learn what changes a few times a minute.
   */
  private placement(): Observable<readonly PlacementWorker[] | null> {
    const config = inject(REALTIME_CONFIG);
    const telemetry = inject(TelemetryStore);
    const rules = { staleAfterMs: 2 * config.heartbeatMs, inactiveAfterMs: config.inactiveAfterMs };
    return combineLatest([
      inject(WorkerRegistry).registry$.pipe(map(dataOf)),
      telemetry.workers$,
      telemetry.clockOffsetMs$,
      this.clock$,
    ]).pipe(
      throttleTime(1000, asyncScheduler, { leading: true, trailing: true }),
      // Capacities come from the registry alone: until it answers, every worker would read as unknown.
      map(([registry, workers, offsetMs, now]) =>
        registry === undefined ? null : toLiveWorkers(registry, workers, now + offsetMs, rules).map(toPlacementWorker),
      ),
      distinctUntilChanged(dequal),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
  }

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
        ? combineLatest([this.pending$, this.placement$, this.clock$]).pipe(
            map(([pending, placement, now]) => {
              if (placement === null) return NO_REASONS;
              this.judged = nextReasons(this.judged, pending, placement, now);
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

type PendingTask = Pick<
  TaskListEntry,
  'task_id' | 'cpu_required' | 'memory_required' | 'storage_required' | 'gpu_required'
>;

function pendingOf(tasks: readonly TaskListEntry[]): PendingTask[] {
  return tasks
    .filter((task) => task.status === 'pending')
    .map(({ task_id, cpu_required, memory_required, storage_required, gpu_required }) => ({
      task_id,
      cpu_required,
      memory_required,
      storage_required,
      gpu_required,
    }));
}

/**
 * The reasons now, the previous map itself when none changed. A task that fitted before keeps the
 * time it was first seen fitting. Tasks asking for the same amounts share one judgement.
 */
export function nextReasons(
  previous: ReadonlyMap<string, PendingReason>,
  pending: readonly PendingTask[],
  placement: readonly PlacementWorker[],
  now: number,
): ReadonlyMap<string, PendingReason> {
  const byAmounts = new Map<string, PendingReason>();
  const next = new Map<string, PendingReason>();
  let changed = pending.length !== previous.size;
  for (const task of pending) {
    const before = previous.get(task.task_id);
    const seenFitting = before?.kind === 'ready' || before?.kind === 'lost' ? before.since : null;
    const key = `${task.cpu_required}/${task.memory_required}/${task.storage_required}/${task.gpu_required}/${seenFitting}`;
    let reason = byAmounts.get(key);
    if (!reason) {
      reason = pendingReasonOf(requirementsOf(task), placement, now, seenFitting);
      byAmounts.set(key, reason);
    }
    const kept = before && dequal(before, reason) ? before : reason;
    changed ||= kept !== before;
    next.set(task.task_id, kept);
  }
  return changed ? next : previous;
}
