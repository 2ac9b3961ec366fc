import { AsyncPipe, DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import {
  EMPTY,
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
import { MasterClock } from '../../../core/realtime/master-clock';
import { TaskListEntry, isFinishedStatus } from '../../../shared/cloudai/task.model';
import { formatAge, formatBytes, formatCores, formatGb, formatGpus } from '../../../shared/format/units';
import { CopyButton } from '../../../shared/ui/copy-button';
import { StatusChip } from '../../../shared/ui/status-chip';
import { TaskCancellationsStore } from '../data/task-cancellations-store';
import { FilesFetch, TaskDetailStore } from '../data/task-detail-store';
import { TaskDetailVm, toTaskDetailVm } from '../data/task-detail-vm';
import { filesAccess } from '../data/task-files';
import { TaskWatchStore } from '../data/task-watch-store';
import { TasksStore } from '../data/tasks-store';
import { CancelTasksDialog, CancelTasksDialogData } from '../ui/cancel-tasks-dialog';
import { LogViewer } from '../logs/log-viewer';
import { taskStatusLabel, taskStatusTone } from '../ui/task-status';

const LIVE_LOGS_SAFE_AFTER_S = 120;

/** One task: its fields, placement and result, live logs from the right source, and its output files. */
@Component({
  selector: 'app-task-detail-page',
  imports: [
    AsyncPipe,
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    MatTooltipModule,
    CopyButton,
    StatusChip,
    LogViewer,
  ],
  templateUrl: './task-detail-page.html',
  styleUrl: './task-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskDetailPage {
  private readonly store = inject(TaskDetailStore);
  private readonly tasksStore = inject(TasksStore);
  private readonly cancellations = inject(TaskCancellationsStore);
  private readonly dialog = inject(MatDialog);
  /** Task times are the master's: their ages use its clock. */
  private readonly masterNow$ = inject(MasterClock).now$;
  private readonly watchStore = inject(TaskWatchStore);
  /** Who is signed in: output files are listed as this user. */
  private readonly signedInAs$ = inject(AuthStore).state$.pipe(
    map((auth) => (auth.status === 'signed-in' ? auth.user.email : null)),
    distinctUntilChanged(),
  );

  /** Route parameter, bound by the router. */
  readonly id = input.required<string>();

  protected readonly tone = taskStatusTone;
  protected readonly label = taskStatusLabel;
  protected readonly age = formatAge;
  protected readonly cores = formatCores;
  protected readonly gb = formatGb;
  protected readonly gpus = formatGpus;
  protected readonly bytes = formatBytes;
  protected readonly isFinished = isFinishedStatus;
  /** A long command (a script pasted inline) is cut here, so the page does not become the command. */
  protected readonly commandClampAt = 300;
  protected readonly commandShownWhole = signal(false);
  /**
   * A task assigned this long ago has almost certainly got its container: image downloads take
   * seconds to a minute or two. Before that, opening its live stream needs the operator's word.
   */
  protected readonly safeAfterS = LIVE_LOGS_SAFE_AFTER_S;

  protected readonly vm$ = toObservable(this.id).pipe(
    switchMap((taskId) => {
      const listed$ = this.store.listed$(taskId).pipe(shareReplay({ bufferSize: 1, refCount: true }));
      const detail$ = combineLatest({
        taskId: of(taskId),
        listed: listed$,
        detail: this.store.detail$(taskId, listed$),
        cancelling: this.cancellations.pending$,
        runningOn: this.tasksStore.runningOn$,
      }).pipe(map(toTaskDetailVm), shareReplay({ bufferSize: 1, refCount: true }));
      const ready$ = detail$.pipe(filter((vm) => vm.state === 'ready'));
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
        // Nothing to show until the status is known (and never for an unknown task).
        logs: this.store.logs$(taskId, logInputs$).pipe(startWith(null)),
        streamOpened: this.store.streamOpened$(taskId),
        assignedAt: this.assignedAt$(taskId, ready$),
        files: combineLatest([task$, this.signedInAs$]).pipe(
          switchMap(([task, me]) => this.files$(task, me)),
          // Not held back while the task is unknown (loading, not found, no database).
          startWith<FilesFetch>({ kind: 'not-asked' }),
        ),
        watched: this.watchStore.watched$.pipe(
          map((watched) => watched.has(taskId)),
          distinctUntilChanged(),
        ),
        now: this.masterNow$,
      });
    }),
  );

  constructor() {
    this.markFailureSeenWhileOpen();
  }

  protected toggleWatch(taskId: string, watched: boolean, status: string): void {
    if (watched) this.watchStore.unwatch(taskId);
    else this.watchStore.watch(taskId, status);
  }

  protected cancelTask(task: TaskListEntry): void {
    const data: CancelTasksDialogData = {
      tasks: [task],
      summarise: false,
      progress$: EMPTY,
      cancel: (eligible) => eligible.forEach((entry) => this.cancellations.cancel(entry)),
    };
    this.dialog.open(CancelTasksDialog, { data, autoFocus: 'dialog' });
  }

  protected fileUrl(task: TaskListEntry, path: string, signedInAs: string): string {
    return this.store.fileUrl(task, path, signedInAs);
  }

  /** The operator has judged it safe (or accepted the warning): open the live stream. */
  protected openLiveLogs(taskId: string): void {
    this.store.openLiveLogs(taskId);
  }

  /** Seconds since the master assigned the task, when known: how long its image has had to download. */
  protected runningForS(assignedAt: number | null, now: number): number | null {
    return assignedAt === null ? null : Math.max(0, Math.round(now / 1000 - assignedAt));
  }

  /** Looking at a failed task is seeing it: it leaves the count in the tab title. */
  private markFailureSeenWhileOpen(): void {
    combineLatest([toObservable(this.id), this.watchStore.watched$])
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
        return of({ kind: 'not-asked' });
      case 'cannot':
        return of({ kind: 'unavailable', reason: access.reason });
      case 'ask':
        return this.store.files$(task, signedInAs ?? '');
    }
  }

  /** When a running task was assigned, once its worker is known; `null` otherwise. */
  private assignedAt$(
    taskId: string,
    ready$: Observable<Extract<TaskDetailVm, { state: 'ready' }>>,
  ): Observable<number | null> {
    return ready$.pipe(
      map((vm) => (vm.reportedStatus === 'pending' || isFinishedStatus(vm.reportedStatus) ? null : vm.workerId)),
      distinctUntilChanged(),
      switchMap((workerId) => (workerId === null ? of(null) : this.store.assignedAt$(taskId, workerId))),
      startWith(null),
      distinctUntilChanged(),
    );
  }
}
