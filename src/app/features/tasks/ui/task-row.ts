import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { formatAge, formatCores, formatGb, formatGpus } from '../../../shared/format/units';
import { CopyButton } from '../../../shared/ui/copy-button';
import { StatusChip } from '../../../shared/ui/status-chip';
import { TaskRow as TaskRowModel } from '../data/task-rows';
import { taskStatusLabel, taskStatusTone } from './task-status';

/** One row of the task list. Re-renders only when its task or the clock changes. */
@Component({
  selector: 'app-task-row',
  imports: [DatePipe, RouterLink, CopyButton, StatusChip],
  template: `
    @let t = row().task;
    <div role="cell" class="id">
      <a class="mono" [routerLink]="['/tasks', t.task_id]">{{ t.task_id }}</a>
      <app-copy-button [value]="t.task_id" what="task id" />
    </div>
    <div role="cell" class="mono clip" [title]="t.docker_image">{{ t.docker_image }}</div>
    <div role="cell" class="mono clip muted" [title]="t.command">{{ t.command || '(image default)' }}</div>
    <div role="cell">{{ t.tag || '–' }}</div>
    <div role="cell" class="num">{{ t.k_value || '–' }}</div>
    <div role="cell">
      <app-status-chip [tone]="tone(t.status)">{{ label(t.status) }}</app-status-chip>
    </div>
    <div role="cell" class="resources">
      {{ cores(t.cpu_required) }} · {{ gb(t.memory_required) }}
      @if (t.gpu_required > 0) {
        · {{ gpus(t.gpu_required) }}
      }
      · {{ gb(t.storage_required) }} disk
    </div>
    <div role="cell" [title]="t.created_at * 1000 | date: 'yyyy-MM-dd HH:mm:ss'">
      {{ age(t.created_at * 1000, now()) }}
    </div>
    <div role="cell">
      @if (row().workerId; as workerId) {
        <a class="mono" [routerLink]="['/workers', workerId]">{{ workerId }}</a>
      } @else {
        <span class="muted">–</span>
      }
    </div>
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: var(--table-columns);
      align-items: center;
      column-gap: 12px;
      height: 52px;
      padding: 0 16px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    :host(:hover) {
      background: var(--mat-sys-surface-container-low);
    }
    .id {
      display: flex;
      align-items: center;
      gap: 2px;
      min-width: 0;
    }
    a {
      color: var(--mat-sys-primary);
      overflow-wrap: anywhere;
    }
    .clip {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .num {
      font-variant-numeric: tabular-nums;
    }
    .resources {
      font: var(--mat-sys-body-small);
    }
  `,
  host: { role: 'row', '[attr.data-task-id]': 'row().task.task_id' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskRow {
  readonly row = input.required<TaskRowModel>();
  /** Epoch ms, ticking every second, for "created 2 min ago". */
  readonly now = input.required<number>();

  protected readonly tone = taskStatusTone;
  protected readonly label = taskStatusLabel;
  protected readonly age = formatAge;
  protected readonly cores = formatCores;
  protected readonly gb = formatGb;
  protected readonly gpus = formatGpus;
}
