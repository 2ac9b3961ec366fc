import { Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import {
  Observable,
  combineLatest,
  distinctUntilChanged,
  filter,
  map,
  of,
  shareReplay,
  startWith,
  switchMap,
} from 'rxjs';
import { AuthStore } from '../../../core/auth/auth-store';
import { CLOCK } from '../../../core/realtime/browser-signals';
import { MasterClock } from '../../../core/realtime/master-clock';
import { TaskListEntry, isFinishedStatus } from '../../../shared/cloudai/task.model';
import { LogView } from '../logs/log-view';
import { TaskLogsStore } from '../logs/task-logs-store';
import { TaskCancellationsStore } from './task-cancellations-store';
import { FilesFetch } from './task-detail-model';
import { TaskDetailStore } from './task-detail-store';
import { TaskDetailVm, toTaskDetailVm } from './task-detail-vm';
import { filesAccess } from './task-files';
import { TaskWatchStore } from './task-watch-store';
import { TasksStore } from './tasks-store';
import { PendingReason } from './pending-reason';
import { PendingReasonsStore } from './pending-reasons-store';
import { FailureGroupsStore } from '../../../core/failures/failure-groups-store';
import { SameFailure, sameFailureOf } from './same-failure';

type ReadyTask = Extract<TaskDetailVm, { kind: 'ready' }>;

/** A task's page: its detail, logs, files and whether this browser watches it. */
export interface TaskPageView {
  readonly detail: TaskDetailVm;
  /** `null` until the task's status is known (and for an unknown task). */
  readonly logs: LogView | null;
  readonly streamOpened: boolean;
  /** When the master assigned the running task (unix seconds), when known. */
  readonly assignedAt: number | null;
  readonly files: FilesFetch;
  readonly watched: boolean;
  /** The master's clock: task times are the master's. */
  readonly now: number;
  /** Why the pending task has not started; `null` for other statuses or while the workers are unknown. */
  readonly pendingReason: PendingReason | null;
  /** This browser's clock, in which the reason's times are. */
  readonly browserNow: number;
  /** For a failed task: how many other recent failures have the same cause. */
  readonly sameFailure: SameFailure | null;
}

/**
 * The task page's store, one per visit, for the task in the route. Looking at a failed task is
 * seeing it: while it is open, its failure leaves the count in the tab title.
 */
@Injectable()
export class TaskPageStore {
  private readonly detailStore = inject(TaskDetailStore);
  private readonly logsStore = inject(TaskLogsStore);
  private readonly tasksStore = inject(TasksStore);
  private readonly cancellations = inject(TaskCancellationsStore);
  private readonly watchStore = inject(TaskWatchStore);
  private readonly masterNow$ = inject(MasterClock).now$;
  private readonly clock$ = inject(CLOCK);
  private readonly pendingReasons = inject(PendingReasonsStore);
  private readonly failureGroups = inject(FailureGroupsStore);
  /** Who is signed in: output files are listed as this user. */
  private readonly signedInAs$ = inject(AuthStore).signedInAs$;
  private readonly taskId$ = inject(ActivatedRoute).paramMap.pipe(
    map((params) => params.get('id') ?? ''),
    distinctUntilChanged(),
  );

  /** The page for the task in the route. Shared while subscribed; replays; never completes. */
  readonly vm$: Observable<TaskPageView> = this.taskId$.pipe(
    switchMap((taskId) => this.pageFor(taskId)),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  constructor() {
    this.markFailureSeenWhileOpen();
  }

  toggleWatch(taskId: string, watched: boolean, status: string): void {
    if (watched) this.watchStore.unwatch(taskId);
    else this.watchStore.watch(taskId, status);
  }

  /** Cancels a task the operator confirmed. */
  cancel(tasks: readonly TaskListEntry[]): void {
    tasks.forEach((task) => this.cancellations.cancel(task));
  }

  /** The operator has judged it safe (or accepted the warning): open the live stream. */
  openLiveLogs(taskId: string): void {
    this.logsStore.openLiveLogs(taskId);
  }

  /** Where the browser downloads an output file from, as `signedInAs`. */
  fileUrl(task: TaskListEntry, path: string, signedInAs: string): string {
    return this.detailStore.fileUrl(task, path, signedInAs);
  }

  private pageFor(taskId: string): Observable<TaskPageView> {
    const listed$ = this.detailStore.listed$(taskId).pipe(shareReplay({ bufferSize: 1, refCount: true }));
    const fetched$ = this.detailStore.detail$(taskId, listed$).pipe(shareReplay({ bufferSize: 1, refCount: true }));
    const detail$ = combineLatest({
      taskId: of(taskId),
      listed: listed$,
      detail: fetched$,
      cancelling: this.cancellations.pending$,
      runningOn: this.tasksStore.runningOn$,
    }).pipe(map(toTaskDetailVm), shareReplay({ bufferSize: 1, refCount: true }));
    const ready$ = detail$.pipe(filter((vm): vm is ReadyTask => vm.kind === 'ready'));
    const logInputs$ = ready$.pipe(
      // The master's status, not the optimistic one: a cancel must not close a live stream early.
      map((vm) => ({ status: vm.reportedStatus, cancelling: vm.cancelling })),
      distinctUntilChanged((a, b) => a.status === b.status && a.cancelling === b.cancelling),
    );
    const task$ = ready$.pipe(
      map((vm) => vm.task),
      distinctUntilChanged((a, b) => a.task_id === b.task_id && a.status === b.status && a.user_id === b.user_id),
    );
    return combineLatest({
      detail: detail$,
      logs: this.logsStore.logs$(taskId, logInputs$).pipe(startWith(null)),
      streamOpened: this.logsStore.streamOpened$(taskId),
      assignedAt: this.assignedAt$(taskId, ready$),
      files: combineLatest([task$, this.signedInAs$]).pipe(
        switchMap(([task, me]) => this.files$(task, me)),
        // Not held back while the task is unknown (loading, not found, no database).
        startWith<FilesFetch>({ kind: 'idle' }),
      ),
      watched: this.watchStore.watched$.pipe(
        map((watched) => watched.has(taskId)),
        distinctUntilChanged(),
      ),
      now: this.masterNow$,
      pendingReason: this.pendingReasons.reasons$.pipe(
        map((reasons) => reasons.get(taskId) ?? null),
        distinctUntilChanged(),
      ),
      browserNow: this.clock$,
      sameFailure: fetched$.pipe(
        map((fetch) => (fetch.kind === 'ready' && fetch.data.status === 'failed' ? fetch.data : null)),
        distinctUntilChanged(),
        switchMap((failed) =>
          failed ? this.failureGroups.overview$.pipe(map((overview) => sameFailureOf(failed, overview))) : of(null),
        ),
        startWith(null),
      ),
    });
  }

  private markFailureSeenWhileOpen(): void {
    combineLatest([this.taskId$, this.watchStore.watched$])
      .pipe(
        filter(([taskId, watched]) => watched.get(taskId)?.unseenFailure === true),
        takeUntilDestroyed(),
      )
      .subscribe(([taskId]) => this.watchStore.markSeen(taskId));
  }

  /** Output files, asked for only where the master can and will answer (see {@link filesAccess}). */
  private files$(task: TaskListEntry, signedInAs: string | null): Observable<FilesFetch> {
    const access = filesAccess(task, signedInAs);
    switch (access.kind) {
      case 'not-yet':
        return of({ kind: 'idle' });
      case 'cannot':
        return of({ kind: 'idle', reason: access.reason });
      case 'ask':
        return this.detailStore.files$(task, signedInAs ?? '');
    }
  }

  /** When a running task was assigned, once its worker is known; `null` otherwise. */
  private assignedAt$(taskId: string, ready$: Observable<ReadyTask>): Observable<number | null> {
    return ready$.pipe(
      map((vm) => (vm.reportedStatus === 'pending' || isFinishedStatus(vm.reportedStatus) ? null : vm.workerId)),
      distinctUntilChanged(),
      switchMap((workerId) => (workerId === null ? of(null) : this.detailStore.assignedAt$(taskId, workerId))),
      startWith(null),
      distinctUntilChanged(),
    );
  }
}
