import { Injectable, inject } from '@angular/core';
import {
  EMPTY,
  Observable,
  Subject,
  asyncScheduler,
  catchError,
  concatMap,
  connect,
  distinctUntilChanged,
  filter,
  interval,
  map,
  merge,
  mergeMap,
  of,
  retry,
  share,
  skip,
  switchMap,
  tap,
  throwError,
  timer,
  withLatestFrom,
} from 'rxjs';
import { POLLING_CONFIG } from '../../../core/config/polling-config';
import { TaskListEntry, normalizeTaskStatus } from '../../../shared/cloudai/task.model';
import { TasksClient } from '../../../shared/cloudai/tasks-client';
import { toErrorMessage } from '../../../shared/http/error-message';
import { isDropped, toMasterFailure } from '../../../shared/http/master-failure';
import { injectReducerStore } from '../../../shared/state/reducer-store';
import {
  CancelEvent,
  CancelOutcome,
  Cancellation,
  CancellationsState,
  NO_CANCELLATIONS,
} from './task-cancellation-model';
import { reduceCancellations } from './task-cancellations';
import { TasksStore } from './tasks-store';
import { dataOf, updatedAtOf } from '../../../shared/streams/load-state';

/** A cancelled task's result is stored when the worker reports back: asked for this often, this many times. */
const RESULT_RETRY_MS = 2000;
const RESULT_RETRIES = 5;

/**
 * Cancels tasks optimistically: a cancelled task shows `cancelled` at once, while the request
 * (which can take 10 s or more on a real master) runs in the background, and is rolled back with
 * a reason when the request fails or the task list keeps disagreeing. Lives as long as the app,
 * so a cancel survives navigating away.
 *
 * The real master overwrites a finished task's status with `cancelled` and ignores a pending one,
 * so right before each cancel is sent the task's status is read again, and nothing is sent for a
 * task that is no longer running. Cancels are sent one at a time: the master stops one container
 * at a time anyway, holding its lock (and heartbeats) meanwhile, and a queued request would only
 * run into its timeout.
 */
@Injectable({ providedIn: 'root' })
export class TaskCancellationsStore {
  private readonly tasksClient = inject(TasksClient);
  private readonly tasksStore = inject(TasksStore);
  private readonly settleMs = inject(POLLING_CONFIG).cancelSettleMs;
  private readonly requests = new Subject<TaskListEntry>();
  private readonly store = injectReducerStore<CancellationsState, CancelEvent>({
    initial: NO_CANCELLATIONS,
    reduce: (state, event) => reduceCancellations(state, event, this.settleMs),
    sources: (state$) =>
      merge(this.requestEvents(state$), this.observationEvents(state$), this.verificationEvents(state$)),
  });

  /** Cancels not yet confirmed or rolled back, by task id. Hot; replays; never completes. */
  readonly pending$: Observable<ReadonlyMap<string, Cancellation>> = this.store.state$.pipe(
    map((state) => state.pending),
    distinctUntilChanged(),
  );

  /** The latest outcome per task, for bulk summaries. Hot; replays; never completes. */
  readonly settled$: Observable<ReadonlyMap<string, CancelOutcome>> = this.store.state$.pipe(
    map((state) => state.settled),
    distinctUntilChanged(),
  );

  /** Each confirmation or rollback once, as it happens. Hot; no replay; never completes. */
  readonly outcomes$: Observable<CancelOutcome> = this.store.state$.pipe(
    // The state held now has already been announced; only later ones are news.
    skip(1),
    mergeMap((state) => state.outcomes),
    share(),
  );

  /** Cancels a task; the caller has checked it is running and asked the operator to confirm. */
  cancel(task: TaskListEntry): void {
    this.requests.next(task);
  }

  private requestEvents(state$: Observable<CancellationsState>): Observable<CancelEvent> {
    return this.requests.pipe(
      withLatestFrom(state$),
      filter(([task, state]) => !state.pending.has(task.task_id)),
      map(([task]) => task),
      // Shown as cancelled at once; sent in turn.
      connect((accepted$) =>
        merge(
          accepted$.pipe(
            map((task): CancelEvent => ({
              kind: 'requested',
              taskId: task.task_id,
              previousStatus: task.status,
              at: asyncScheduler.now(),
            })),
          ),
          accepted$.pipe(concatMap((task) => this.cancelIfStillRunning(task.task_id))),
        ),
      ),
    );
  }

  /** Reads the running tasks again, then sends the cancel only if the task is still one of them. */
  private cancelIfStillRunning(taskId: string): Observable<CancelEvent> {
    return this.tasksClient.listTasks('running').pipe(
      switchMap((running): Observable<CancelEvent> => {
        if (!running.some((task) => task.task_id === taskId)) {
          return of({
            kind: 'not-sent',
            taskId,
            message: `Task ${taskId} was not cancelled: it is no longer running, and cancelling it now would only overwrite its status.`,
          });
        }
        return this.tasksClient.cancelTask(taskId).pipe(
          map((): CancelEvent => ({ kind: 'acknowledged', taskId, at: asyncScheduler.now() })),
          // The master has acted by now: look at once instead of waiting for the next poll.
          tap(() => this.tasksStore.refresh()),
          catchError((error: unknown) => of<CancelEvent>({ kind: 'failed', taskId, message: toErrorMessage(error) })),
        );
      }),
      catchError((error: unknown) =>
        of<CancelEvent>({
          kind: 'failed',
          taskId,
          message: `its status could not be checked before sending (${toErrorMessage(error)}), so nothing was sent.`,
        }),
      ),
    );
  }

  /**
   * The stored result of each task whose list status disagreed with its cancel. The master stores
   * it when the worker reports the cancellation, which can come a little after its answer: a
   * dropped request (no result yet) is asked again a few times.
   */
  private verificationEvents(state$: Observable<CancellationsState>): Observable<CancelEvent> {
    return state$.pipe(
      mergeMap((state) => state.toVerify),
      mergeMap((taskId) =>
        this.tasksClient.getTask(taskId).pipe(
          map((detail) => (detail.result ? normalizeTaskStatus(detail.result.status) : null)),
          retry({
            count: RESULT_RETRIES,
            delay: (error: unknown) =>
              isDropped(toMasterFailure(error)) ? timer(RESULT_RETRY_MS) : throwError(() => error),
          }),
          catchError(() => of(null)),
          map((resultStatus): CancelEvent => ({ kind: 'verified', taskId, resultStatus })),
        ),
      ),
    );
  }

  /** While any cancel is unconfirmed: every task list the poller fetches, and a clock for the settle time. */
  private observationEvents(state$: Observable<CancellationsState>): Observable<CancelEvent> {
    return state$.pipe(
      map((state) => state.pending.size > 0),
      distinctUntilChanged(),
      switchMap((active) =>
        active
          ? merge(
              // Every answer counts, even one equal to the last: it shows the list as it is now.
              this.tasksStore.poll$.pipe(
                filter((poll) => poll.kind === 'ready'),
                distinctUntilChanged((a, b) => updatedAtOf(a) === updatedAtOf(b)),
                map((poll): CancelEvent => ({
                  kind: 'observed',
                  statuses: new Map((dataOf(poll) ?? []).map((task) => [task.task_id, task.status])),
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
