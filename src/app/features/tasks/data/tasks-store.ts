import { Injectable, inject } from '@angular/core';
import {
  Observable,
  Subject,
  asyncScheduler,
  distinctUntilChanged,
  first,
  map,
  merge,
  shareReplay,
  skip,
  switchMap,
  take,
  throttleTime,
} from 'rxjs';
import { dequal } from 'dequal';
import { POLLING_CONFIG } from '../../../core/config/polling-config';
import { PAGE_VISIBLE } from '../../../core/realtime/browser-signals';
import { TelemetryStore } from '../../../core/realtime/telemetry-store';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { TasksClient } from '../../../shared/cloudai/tasks-client';
import { PollState, smartPoll } from '../../../shared/streams/smart-poll';
import { injectPersistedValue } from '../../../shared/state/persisted-value';

/** The refresh intervals an operator can choose; 0 pauses. */
export const TASK_POLL_INTERVALS = [1000, 3000, 10_000, 30_000, 0] as const;

/**
 * The task list, polled from the master at an interval the operator chooses and this browser
 * remembers. Pausing holds the list page still; everything else (a task's page, cancels,
 * notifications) keeps following the master at the default interval meanwhile.
 */
@Injectable({ providedIn: 'root' })
export class TasksStore {
  private readonly tasksClient = inject(TasksClient);
  private readonly polling = inject(POLLING_CONFIG);
  private readonly telemetry = inject(TelemetryStore);
  private readonly interval = injectPersistedValue<number>({
    key: 'cloudai.tasks.interval',
    version: 1,
    fallback: this.polling.tasksMs,
    parse: (stored) => TASK_POLL_INTERVALS.find((interval) => interval === Number(stored)) ?? this.polling.tasksMs,
  });
  private readonly refreshes = new Subject<void>();

  /** The list page's refresh interval in ms, 0 when paused. Hot; replays; never completes. */
  readonly intervalMs$ = this.interval.value$.pipe(shareReplay({ bufferSize: 1, refCount: false }));

  /**
   * The latest list with when it arrived and the latest failure, at the chosen interval (the
   * default one while the list page is paused). Shared while subscribed; replays; never completes.
   */
  readonly poll$: Observable<PollState<readonly TaskListEntry[]>> = smartPoll({
    request: () => this.tasksClient.listTasks(),
    intervalMs$: this.intervalMs$.pipe(map((intervalMs) => (intervalMs > 0 ? intervalMs : this.polling.tasksMs))),
    visible$: inject(PAGE_VISIBLE),
    refresh$: this.refreshes,
    maxBackoffMs: this.polling.maxBackoffMs,
  }).pipe(shareReplay({ bufferSize: 1, refCount: true }));

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
    // At once (the list must not wait for telemetry), then at most once a second.
    throttleTime(1000, asyncScheduler, { leading: true, trailing: true }),
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

  /** Polls every `intervalMs` (0 pauses), and remembers the choice in this browser. */
  pollEvery(intervalMs: number): void {
    this.interval.set(intervalMs);
  }

  /** Fetches now, cancelling a request in flight. */
  refresh(): void {
    this.refreshes.next();
  }

  private heldPoll$(): Observable<PollState<readonly TaskListEntry[]>> {
    const answered = (poll: PollState<readonly TaskListEntry[]>) => poll.data !== undefined || poll.lastError !== null;
    return merge(
      this.poll$.pipe(first(answered)),
      // The answer to a refresh is the next state after it (the poller fetches at once).
      this.refreshes.pipe(switchMap(() => this.poll$.pipe(skip(1), take(1)))),
    );
  }
}
