import { Injectable, inject } from '@angular/core';
import { Observable, distinctUntilChanged, first, map, merge, shareReplay, skip, switchMap, take } from 'rxjs';
import { dequal } from 'dequal';
import { CLOCK } from '../../../core/realtime/browser-signals';
import { TelemetryStore } from '../../../core/realtime/telemetry-store';
import { sampleOnTicks } from '../../../shared/streams/sample-on-ticks';
import { TaskListSource } from '../../../core/task-list/task-list-source';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { PollState, hasAnswered } from '../../../shared/streams/load-state';

/**
 * The task list as the tasks feature sees it: the app's one task poll, the list page's own view
 * of it (held still while paused), and which worker runs each task.
 */
@Injectable({ providedIn: 'root' })
export class TasksStore {
  private readonly source = inject(TaskListSource);
  /** The refresh intervals offered, shortest first, *Paused* (0) last. */
  readonly intervalChoices = this.source.intervalChoices;
  private readonly telemetry = inject(TelemetryStore);

  /** The list page's refresh interval in ms, 0 when paused. Hot; replays; never completes. */
  readonly intervalMs$ = this.source.intervalMs$;

  /** The app's task poll (the default interval while the list page is paused). Shared; replays; never completes. */
  readonly poll$: Observable<PollState<readonly TaskListEntry[]>> = this.source.poll$;

  /**
   * What the list page shows: {@link poll$}, or while paused the list as it was when paused,
   * replaced only by the answer to a manual refresh. Shared poll; replays; never completes.
   */
  readonly listPoll$: Observable<PollState<readonly TaskListEntry[]>> = this.intervalMs$.pipe(
    map((intervalMs) => intervalMs > 0),
    distinctUntilChanged(),
    switchMap((live) => (live ? this.poll$ : this.heldPoll$())),
  );

  /**
   * Which worker runs each task, from live telemetry (the task list does not say). Refreshed at
   * most once a second. Shared while subscribed; replays; never completes.
   */
  readonly runningOn$: Observable<ReadonlyMap<string, string>> = this.telemetry.workers$.pipe(
    // At once (the list must not wait for telemetry), then at most once a second, on the clock's tick.
    sampleOnTicks(inject(CLOCK)),
    map((workers) => {
      const runningOn = new Map<string, string>();
      for (const [workerId, worker] of workers) {
        for (const task of worker.telemetry.running_tasks) {
          runningOn.set(task.task_id, workerId);
        }
      }
      return runningOn as ReadonlyMap<string, string>;
    }),
    distinctUntilChanged(dequal),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /** Polls every `intervalMs` (0 pauses the list page), and remembers the choice in this browser. */
  pollEvery(intervalMs: number): void {
    this.source.pollEvery(intervalMs);
  }

  /** Fetches now, cancelling a request in flight. */
  refresh(): void {
    this.source.refresh();
  }

  private heldPoll$(): Observable<PollState<readonly TaskListEntry[]>> {
    return merge(
      this.poll$.pipe(first((poll) => hasAnswered(poll))),
      // The answer to a refresh is the next state after it (the poller fetches at once).
      this.source.refresh$.pipe(switchMap(() => this.poll$.pipe(skip(1), take(1)))),
    );
  }
}
