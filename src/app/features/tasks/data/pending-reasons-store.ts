import { Injectable, inject } from '@angular/core';
import { Observable, combineLatest, distinctUntilChanged, map, of, shareReplay, switchMap } from 'rxjs';
import { dequal } from 'dequal';
import { CLOCK } from '../../../core/realtime/browser-signals';
import { REALTIME_CONFIG } from '../../../core/config/realtime-config';
import { LiveWorker, freshnessRulesOf, toLiveWorkers } from '../../../core/realtime/live-worker';
import { LiveWorkersStore } from '../../../core/realtime/live-workers-store';
import { TelemetryStore } from '../../../core/realtime/telemetry-store';
import { WorkerRegistry } from '../../../core/realtime/worker-registry';
import { requirementsOf } from '../../../shared/cloudai/resource-fit';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { dataOf } from '../../../shared/streams/load-state';
import { sampleOnTicks } from '../../../shared/streams/sample-on-ticks';
import { PendingReason, PlacementWorker, pendingReasonOf, withSeenFitting } from './pending-reason';
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
    const rules = freshnessRulesOf(inject(REALTIME_CONFIG));
    return combineLatest([
      inject(WorkerRegistry).registry$.pipe(map(dataOf)),
      inject(TelemetryStore).workers$,
      // Frozen while the master cannot be reached, as on the workers page: no worker turns inactive for want of news.
      inject(LiveWorkersStore).freshnessNow$,
    ]).pipe(
      // At most once a second, on the clock's tick, so the list changes in the frame its ages do.
      sampleOnTicks(this.clock$),
      // Capacities come from the registry alone: until it answers, every worker would read as unknown.
      map(([registry, workers, now]) =>
        registry === undefined ? null : toLiveWorkers(registry, workers, now, rules).map(toPlacementWorker),
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
 * Each pending task's reason as of now, without how long it has fitted. Tasks asking for the same
 * amounts share one judgement, and one object.
 */
export function judgeByAmounts(
  pending: readonly PendingTask[],
  placement: readonly PlacementWorker[],
): ReadonlyMap<string, PendingReason> {
  const byAmounts = new Map<string, PendingReason>();
  const judged = new Map<string, PendingReason>();
  for (const task of pending) {
    const key = `${task.cpu_required}/${task.memory_required}/${task.storage_required}/${task.gpu_required}`;
    let reason = byAmounts.get(key);
    if (!reason) {
      // The time a fitting task was first seen is `withTimes`' to set.
      reason = pendingReasonOf(requirementsOf(task), placement, 0);
      byAmounts.set(key, reason);
    }
    judged.set(task.task_id, reason);
  }
  return judged;
}

/**
 * The reasons at `now`: `judged`, with each fitting task's first-seen time carried over from
 * `previous` (or now). Returns `previous` itself when nothing changed, and keeps each unchanged
 * reason's object, so the list remakes only the rows whose reason moved.
 */
export function withTimes(
  previous: ReadonlyMap<string, PendingReason>,
  judged: ReadonlyMap<string, PendingReason>,
  now: number,
): ReadonlyMap<string, PendingReason> {
  const next = new Map<string, PendingReason>();
  let changed = judged.size !== previous.size;
  for (const [taskId, base] of judged) {
    const before = previous.get(taskId);
    const seenFitting = before?.kind === 'ready' || before?.kind === 'lost' ? before.since : null;
    const reason = withSeenFitting(base, seenFitting, now);
    const kept = before && sameReason(before, reason) ? before : reason;
    changed ||= kept !== before;
    next.set(taskId, kept);
  }
  return changed ? next : previous;
}

/** The same judgement: the same kind, workers and time, compared without walking the workers' amounts. */
function sameReason(a: PendingReason, b: PendingReason): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  if ((a.kind === 'ready' || a.kind === 'lost') && (b.kind === 'ready' || b.kind === 'lost') && a.since !== b.since) {
    return false;
  }
  return dequal(a, b);
}
