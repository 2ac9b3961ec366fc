import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Icon } from '../../../shared/ui/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { isFinishedStatus } from '../../../shared/cloudai/task.model';
import { formatAge } from '../../../shared/format/units';
import { taskStatusLabel } from '../ui/task-status';
import { LogView } from './log-view';
import { LogViewer } from './log-viewer';

/**
 * A task assigned this long ago has almost certainly got its container: image downloads take
 * seconds to a minute or two. Before that, opening its live stream needs the operator's word.
 */
const LIVE_LOGS_SAFE_AFTER_S = 120;

/**
 * A task's logs: where they come from and how that is going, the gate before the live stream
 * (which the master must not be asked for too early), and the lines.
 */
@Component({
  selector: 'app-task-logs-panel',
  imports: [MatButtonModule, Icon, MatProgressSpinnerModule, LogViewer],
  templateUrl: './task-logs-panel.html',
  styleUrl: './task-logs-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskLogsPanel {
  readonly logs = input.required<LogView>();
  readonly taskId = input.required<string>();
  /** The master's status, not the optimistic one shown while a cancel is on its way. */
  readonly reportedStatus = input.required<string>();
  /** When the master assigned the task (unix seconds), when known. */
  readonly assignedAt = input<number | null>(null);
  /** The master's clock, epoch ms. */
  readonly now = input.required<number>();
  /** The operator asks for the live stream (again). */
  readonly openLiveLogs = output<void>();

  protected readonly label = taskStatusLabel;
  protected readonly age = formatAge;
  protected readonly isFinished = isFinishedStatus;
  protected readonly safeAfterS = LIVE_LOGS_SAFE_AFTER_S;

  /** Seconds since the master assigned the task, when known: how long its image has had to download. */
  protected readonly runningForS = computed(() => {
    const assignedAt = this.assignedAt();
    return assignedAt === null ? null : Math.max(0, Math.round(this.now() / 1000 - assignedAt));
  });
}
