import { AsyncPipe, DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
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
import { MasterClock } from '../../../core/realtime/master-clock';
import { TaskListEntry, isFinishedStatus } from '../../../shared/cloudai/task.model';
import { formatAge, formatBytes, formatCores, formatGb, formatGpus } from '../../../shared/format/units';
import { CopyButton } from '../../../shared/ui/copy-button';
import { StatusChip } from '../../../shared/ui/status-chip';
import { TaskCancellationsStore } from '../data/task-cancellations-store';
import { FilesFetch, TaskDetailStore } from '../data/task-detail-store';
import { toTaskDetailVm } from '../data/task-detail-vm';
import { TaskWatchStore } from '../data/task-watch-store';
import { TasksStore } from '../data/tasks-store';
import { CancelTasksDialog, CancelTasksDialogData } from '../ui/cancel-tasks-dialog';
import { LogViewer } from '../ui/log-viewer';
import { taskStatusLabel, taskStatusTone } from '../ui/task-status';

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

  /** Route parameter, bound by the router. */
  readonly id = input.required<string>();

  protected readonly tone = taskStatusTone;
  protected readonly label = taskStatusLabel;
  protected readonly age = formatAge;
  protected readonly cores = formatCores;
  protected readonly gb = formatGb;
  protected readonly gpus = formatGpus;
  protected readonly bytes = formatBytes;

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
      const status$ = detail$.pipe(
        // The master's status, not the optimistic one: a cancel must not close a live stream early.
        map((vm) => (vm.state === 'ready' ? vm.reportedStatus : null)),
        filter((status): status is string => status !== null),
        distinctUntilChanged(),
      );
      const task$ = detail$.pipe(
        map((vm) => (vm.state === 'ready' ? vm.task : null)),
        distinctUntilChanged((a, b) => a?.task_id === b?.task_id && a?.status === b?.status),
      );
      return combineLatest({
        detail: detail$,
        // Nothing to show until the status is known (and never for an unknown task).
        logs: this.store.logs$(taskId, status$).pipe(startWith(null)),
        files: task$.pipe(switchMap((task) => this.files$(task))),
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

  protected noFilesReason(task: TaskListEntry): string {
    if (task.user_id === '') {
      return 'This task was submitted without a user id, and the master files outputs by user, so they cannot be listed.';
    }
    return task.docker_image.includes('/')
      ? 'The master lists no output files for this task. (It cannot list files of images whose name contains “/”, even when they exist.)'
      : 'This task wrote no files to /output.';
  }

  protected fileUrl(task: TaskListEntry, path: string): string {
    return this.store.fileUrl(task, path);
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

  /** Finished tasks that ran have output files; a task submitted without a user id cannot be asked for them. */
  private files$(task: TaskListEntry | null): Observable<FilesFetch> {
    if (task === null || !isFinishedStatus(task.status) || task.status === 'cancelled') {
      return of<FilesFetch>({ kind: 'not-asked' });
    }
    return task.user_id === '' ? of<FilesFetch>({ kind: 'none' }) : this.store.files$(task);
  }
}
