import { AsyncPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Icon } from '../../../shared/ui/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { EMPTY } from 'rxjs';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { formatAge, formatCores, formatGb, formatGpus } from '../../../shared/format/units';
import { CopyButton } from '../../../shared/ui/copy-button';
import { TaskPageStore } from '../data/task-page-store';
import { CancelTasksDialog, CancelTasksDialogData } from '../ui/cancel-tasks-dialog';
import { TaskFilesPanel } from '../ui/task-files-panel';
import { PendingReasonPanel } from '../ui/pending-reason-panel';
import { TaskLogsPanel } from '../logs/task-logs-panel';
import { TaskStatusChip } from '../ui/task-status-chip';

/** One task: its fields, placement and result, live logs from the right source, and its output files. */
import { TimeText } from '../../../shared/ui/time-text';
@Component({
  selector: 'app-task-detail-page',
  imports: [
    AsyncPipe,
    TimeText,
    RouterLink,
    MatButtonModule,
    Icon,
    MatProgressSpinnerModule,
    MatTooltipModule,
    CopyButton,
    TaskStatusChip,
    TaskLogsPanel,
    TaskFilesPanel,
    PendingReasonPanel,
  ],
  templateUrl: './task-detail-page.html',
  styleUrl: './task-detail-page.scss',
  // One store per visit, which sees this page's route.
  providers: [TaskPageStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskDetailPage {
  private readonly store = inject(TaskPageStore);
  private readonly dialog = inject(MatDialog);

  /** Route parameter, bound by the router. */
  readonly id = input.required<string>();

  protected readonly age = formatAge;
  protected readonly cores = formatCores;
  protected readonly gb = formatGb;
  protected readonly gpus = formatGpus;
  /** A long command (a script pasted inline) is cut here, so the page does not become the command. */
  protected readonly commandClampAt = 300;
  protected readonly commandShownWhole = signal(false);

  protected readonly vm$ = this.store.vm$;
  /** Download links of a task's files, as its owner (the master lists files per owner). */
  protected readonly fileUrl = (task: TaskListEntry, path: string): string =>
    this.store.fileUrl(task, path, task.user_id);

  protected toggleWatch(taskId: string, watched: boolean, status: string): void {
    this.store.toggleWatch(taskId, watched, status);
  }

  protected cancelTask(task: TaskListEntry): void {
    const data: CancelTasksDialogData = {
      tasks: [task],
      summarise: false,
      progress$: EMPTY,
      cancel: (eligible) => this.store.cancel(eligible),
    };
    this.dialog.open(CancelTasksDialog, { data, autoFocus: 'dialog' });
  }

  /** The operator has judged it safe (or accepted the warning): open the live stream. */
  protected openLiveLogs(taskId: string): void {
    this.store.openLiveLogs(taskId);
  }
}
