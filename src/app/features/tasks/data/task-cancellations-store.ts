import { Injectable, inject } from '@angular/core';
import {
  BehaviorSubject,
  EMPTY,
  Observable,
  Subject,
  asyncScheduler,
  catchError,
  concat,
  distinctUntilChanged,
  filter,
  interval,
  map,
  merge,
  mergeMap,
  of,
  scan,
  share,
  skip,
  switchMap,
  tap,
} from 'rxjs';
import { POLLING_CONFIG } from '../../../core/config/polling-config';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { TasksClient } from '../../../shared/cloudai/tasks-client';
import { toErrorMessage } from '../../../shared/http/error-message';
import { CancelEvent, CancelOutcome, Cancellation, NO_CANCELLATIONS, reduceCancellations } from './task-cancellations';
import { TasksStore } from './tasks-store';

/**
 * Cancels tasks optimistically: a cancelled task shows `cancelled` at once, while the request
 * (which can take 10 s or more on a real master) runs in the background, and is rolled back with
 * a reason when the request fails or the task list keeps disagreeing. Lives as long as the app,
 * so a cancel survives navigating away.
 */
@Injectable({ providedIn: 'root' })
export class TaskCancellationsStore {
  private readonly tasksClient = inject(TasksClient);
  private readonly tasksStore = inject(TasksStore);
  private readonly settleMs = inject(POLLING_CONFIG).cancelSettleMs;
  private readonly requests = new Subject<TaskListEntry>();
  private readonly state = new BehaviorSubject(NO_CANCELLATIONS);

  /** Cancels not yet confirmed or rolled back, by task id. Hot; replays; never completes. */
  readonly pending$: Observable<ReadonlyMap<string, Cancellation>> = this.state.pipe(
    map((state) => state.pending),
    distinctUntilChanged(),
  );

  /** The latest outcome per task, for bulk summaries. Hot; replays; never completes. */
  readonly settled$: Observable<ReadonlyMap<string, CancelOutcome>> = this.state.pipe(
    map((state) => state.settled),
    distinctUntilChanged(),
  );

  /** Each confirmation or rollback once, as it happens. Hot; no replay; never completes. */
  readonly outcomes$: Observable<CancelOutcome> = this.state.pipe(
    // The state held now has already been announced; only later ones are news.
    skip(1),
    mergeMap((state) => state.outcomes),
    share(),
  );

  constructor() {
    merge(this.requestEvents(), this.observationEvents())
      .pipe(scan((state, event: CancelEvent) => reduceCancellations(state, event, this.settleMs), NO_CANCELLATIONS))
      .subscribe(this.state);
  }

  /** Cancels a task; the caller has checked it is running and asked the operator to confirm. */
  cancel(task: TaskListEntry): void {
    this.requests.next(task);
  }

  private requestEvents(): Observable<CancelEvent> {
    return this.requests.pipe(
      filter((task) => !this.state.value.pending.has(task.task_id)),
      mergeMap((task) =>
        concat(
          of<CancelEvent>({
            kind: 'requested',
            taskId: task.task_id,
            previousStatus: task.status,
            at: asyncScheduler.now(),
          }),
          this.tasksClient.cancelTask(task.task_id).pipe(
            map((): CancelEvent => ({ kind: 'acknowledged', taskId: task.task_id, at: asyncScheduler.now() })),
            // The master has acted by now: look at once instead of waiting for the next poll.
            tap(() => this.tasksStore.refresh()),
            catchError((error: unknown) =>
              of<CancelEvent>({ kind: 'failed', taskId: task.task_id, message: toErrorMessage(error) }),
            ),
          ),
        ),
      ),
    );
  }

  /** While any cancel is unconfirmed: every task list the poller fetches, and a clock for the settle time. */
  private observationEvents(): Observable<CancelEvent> {
    return this.state.pipe(
      map((state) => state.pending.size > 0),
      distinctUntilChanged(),
      switchMap((active) =>
        active
          ? merge(
              // Every answer counts, even one equal to the last: it shows the list as it is now.
              this.tasksStore.poll$.pipe(
                filter((poll) => poll.data !== undefined && poll.lastUpdated !== null),
                distinctUntilChanged((a, b) => a.lastUpdated === b.lastUpdated),
                map((poll): CancelEvent => ({
                  kind: 'observed',
                  statuses: new Map((poll.data ?? []).map((task) => [task.task_id, task.status])),
                  at: asyncScheduler.now(),
                })),
              ),
              interval(1000).pipe(map((): CancelEvent => ({ kind: 'tick', at: asyncScheduler.now() }))),
            )
          : EMPTY,
      ),
    );
  }
}
