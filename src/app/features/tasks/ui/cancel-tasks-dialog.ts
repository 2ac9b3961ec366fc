import { AsyncPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { Icon } from '../../../shared/ui/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Observable } from 'rxjs';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { CancelProgress, cancelBlockedReason } from '../data/task-cancellation-model';

/** How one confirmed cancel is going. */
export type { CancelProgress } from '../data/task-cancellation-model';

export interface CancelTasksDialogData {
  readonly tasks: readonly TaskListEntry[];
  /** Live progress by task id, once confirmed. */
  readonly progress$: Observable<ReadonlyMap<string, CancelProgress>>;
  /** Sends the cancels (the dialog passes only the eligible tasks). */
  readonly cancel: (tasks: readonly TaskListEntry[]) => void;
  /** One task: close as soon as it is confirmed, the row shows the rest. Several: stay and summarise. */
  readonly summarise: boolean;
}

/** Confirms cancelling one or more tasks: which are eligible and why the others are not; then, for several, each result. */
@Component({
  selector: 'app-cancel-tasks-dialog',
  imports: [AsyncPipe, MatButtonModule, MatDialogModule, Icon, MatProgressSpinnerModule],
  template: `
    <h2 mat-dialog-title>{{ title }}</h2>
    <mat-dialog-content>
      @if (!confirmed()) {
        @if (eligible.length > 0) {
          <p>
            {{ eligible.length === 1 ? 'This running task will be stopped:' : 'These running tasks will be stopped:' }}
          </p>
          <ul class="tasks">
            @for (task of eligible; track task.task_id) {
              <li class="mono">
                {{ task.task_id }} <span class="muted">{{ task.docker_image }}</span>
              </li>
            }
          </ul>
          <p class="muted">
            Stopping a container can take 10 s or more, and the master stops one at a time. Each task's status is
            checked again right before its cancel is sent, and a task that has stopped running meanwhile is left alone.
            The task shows as cancelled at once and goes back to its real status if the master does not follow.
          </p>
        }
        @if (blocked.length > 0) {
          <p>
            {{ eligible.length > 0 ? 'Not cancellable, and left as they are:' : 'None of these can be cancelled:' }}
          </p>
          <ul class="tasks">
            @for (item of blocked; track item.task.task_id) {
              <li>
                <span class="mono">{{ item.task.task_id }}</span> <span class="muted">— {{ item.reason }}</span>
              </li>
            }
          </ul>
        }
      } @else if (data.progress$ | async; as progress) {
        <p role="status">{{ summary(progress) }}</p>
        <ul class="tasks results">
          @for (task of eligible; track task.task_id) {
            @let result = progress.get(task.task_id);
            <li>
              @if (result === undefined || result.kind === 'cancelling') {
                <mat-spinner diameter="16" aria-hidden="true" />
                <span class="mono">{{ task.task_id }}</span> <span class="muted">cancelling…</span>
              } @else if (result.kind === 'cancelled') {
                <app-icon class="material-icons ok" aria-hidden="true">check_circle</app-icon>
                <span class="mono">{{ task.task_id }}</span> <span>cancelled</span>
              } @else {
                <app-icon class="material-icons danger" aria-hidden="true">error</app-icon>
                <span>{{ result.message }}</span>
              }
            </li>
          }
        </ul>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (!confirmed()) {
        <button mat-button type="button" mat-dialog-close>{{ eligible.length > 0 ? 'Keep running' : 'Close' }}</button>
        @if (eligible.length > 0) {
          <button mat-flat-button type="button" class="danger-button" (click)="confirm()">
            {{ eligible.length === 1 ? 'Cancel task' : 'Cancel ' + eligible.length + ' tasks' }}
          </button>
        }
      } @else {
        <button mat-flat-button type="button" mat-dialog-close cdkFocusInitial>Close</button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    mat-dialog-content {
      width: min(560px, 80vw);
    }
    .tasks {
      margin: 0 0 12px;
      padding-left: 20px;
      max-height: 240px;
      overflow: auto;
      overflow-wrap: anywhere;
    }
    .results {
      list-style: none;
      padding: 0;
    }
    .results li {
      display: flex;
      align-items: center;
      gap: 8px;
      min-height: 28px;
    }
    .ok {
      color: var(--app-ok);
    }
    .danger {
      color: var(--app-danger);
    }
    .danger-button {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CancelTasksDialog {
  protected readonly data = inject<CancelTasksDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject(MatDialogRef<CancelTasksDialog>);

  protected readonly eligible = this.data.tasks.filter((task) => cancelBlockedReason(task.status) === null);
  protected readonly blocked = this.data.tasks.flatMap((task) => {
    const reason = cancelBlockedReason(task.status);
    return reason === null ? [] : [{ task, reason }];
  });
  protected readonly title =
    this.data.tasks.length === 1 ? 'Cancel this task?' : `Cancel ${this.data.tasks.length} selected tasks?`;
  protected readonly confirmed = signal(false);

  protected confirm(): void {
    this.data.cancel(this.eligible);
    if (this.data.summarise) {
      this.confirmed.set(true);
    } else {
      this.dialogRef.close(true);
    }
  }

  protected summary(progress: ReadonlyMap<string, CancelProgress>): string {
    const results = this.eligible.map((task) => progress.get(task.task_id)?.kind ?? 'cancelling');
    const waiting = results.filter((kind) => kind === 'cancelling').length;
    const cancelled = results.filter((kind) => kind === 'cancelled').length;
    const notCancelled = results.length - waiting - cancelled;
    return waiting > 0
      ? `Cancelling ${results.length} tasks, one at a time: ${cancelled} done, ${notCancelled} not, ${waiting} waiting for the master…`
      : `${cancelled} of ${results.length} tasks cancelled${notCancelled > 0 ? `, ${notCancelled} not` : ''}.`;
  }
}
