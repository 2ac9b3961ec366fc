import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { Icon } from '../../../shared/ui/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { formatCores, formatGb, formatGpus } from '../../../shared/format/units';
import { AgeText } from '../../../shared/ui/age-text';
import { CopyButton } from '../../../shared/ui/copy-button';
import { FocusableRow } from '../../../shared/ui/focusable-row';
import { cancelBlockedReason } from '../data/task-cancellation-model';
import { TaskRow as TaskRowModel } from '../data/task-rows';
import { describePendingReason, waitsForever } from '../data/pending-reason';
import { TaskStatusChip } from './task-status-chip';

/** One row of the task list. Re-renders only when its task or the clock changes. */
@Component({
  selector: 'app-task-row',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    Icon,
    MatProgressSpinnerModule,
    MatTooltipModule,
    CopyButton,
    TaskStatusChip,
    AgeText,
  ],
  template: `
    @let t = row().task;
    <div role="cell" class="select">
      <mat-checkbox [checked]="selected()" (change)="toggleSelected.emit()" [aria-label]="'Select ' + t.task_id" />
    </div>
    <div role="cell" class="id">
      <a class="mono" [routerLink]="['/tasks', t.task_id]">{{ t.task_id }}</a>
      <app-copy-button [value]="t.task_id" what="task id" />
    </div>
    <div role="cell" class="stack image">
      <span class="mono clip" [title]="t.docker_image">{{ t.docker_image }}</span>
      <span class="mono clip muted small" [title]="t.command">{{ t.command || '(image default command)' }}</span>
    </div>
    <div role="cell" class="stack tag">
      <span>{{ t.tag || '–' }}</span>
      <span class="muted small num">k {{ t.k_value || '–' }}</span>
    </div>
    <div role="cell" class="status">
      <app-task-status-chip [status]="t.status" />
      @if (row().cancelling) {
        <mat-spinner
          diameter="14"
          aria-label="Cancelling, waiting for the master"
          matTooltip="Cancelling: waiting for the master"
        />
      }
    </div>
    <div role="cell" class="resources">
      {{ cores(t.cpu_required) }} · {{ gb(t.memory_required) }}
      @if (t.gpu_required > 0) {
        · {{ gpus(t.gpu_required) }}
      }
      · {{ gb(t.storage_required) }} disk
    </div>
    <div role="cell" class="created">
      <app-age-text [at]="t.created_at * 1000" />
    </div>
    <div role="cell" class="worker">
      @if (row().workerId; as workerId) {
        <a class="mono clip" [routerLink]="['/workers', workerId]" [title]="workerId">{{ workerId }}</a>
      } @else if (whyPending(); as why) {
        <span class="why small" [class.warning]="whyWarns()" [title]="why" data-testid="why-pending">{{ why }}</span>
      } @else {
        <span class="muted">–</span>
      }
    </div>
    <div role="cell" class="actions">
      <button
        mat-icon-button
        type="button"
        [disabled]="cancelBlocked() !== null || row().cancelling"
        disabledInteractive
        [attr.aria-label]="'Cancel ' + t.task_id"
        [matTooltip]="row().cancelling ? 'Cancelling…' : (cancelBlocked() ?? 'Cancel task')"
        (click)="cancelTask.emit()"
      >
        <app-icon class="material-icons">cancel</app-icon>
      </button>
      <a
        mat-icon-button
        [routerLink]="['/tasks/new']"
        [queryParams]="{ from: t.task_id }"
        [attr.aria-label]="'Run ' + t.task_id + ' again'"
        matTooltip="Run again"
      >
        <app-icon class="material-icons">replay</app-icon>
      </a>
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
      /* A ticking age repaints its row alone, not the list around it. */
      contain: layout paint style;
    }
    :host(:hover) {
      background: var(--mat-sys-surface-container-low);
    }

    .worker {
      min-width: 0;
    }
    .worker a {
      display: block;
      overflow-wrap: normal;
    }
    /* Two lines fit the row; the whole reason is in the title. */
    .why {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      line-clamp: 2;
      overflow: hidden;
    }
    .why.warning {
      color: var(--app-warn);
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
    .stack {
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .small {
      font: var(--mat-sys-body-small);
    }
    .num {
      font-variant-numeric: tabular-nums;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
    }
    mat-spinner {
      display: inline-block;
      margin-left: 6px;
      vertical-align: middle;
    }
    .resources {
      font: var(--mat-sys-body-small);
    }
    /* Phones: a card with the key figures (TASK_CARD_HEIGHT tall), every action still on it. */
    @media (max-width: 599.98px) {
      :host {
        grid-template-columns: 40px minmax(0, 1fr) auto;
        grid-template-areas:
          'select id actions'
          '. status created'
          '. image image'
          '. resources resources'
          '. worker worker';
        align-content: center;
        row-gap: 2px;
        height: 152px;
        padding: 0 8px 0 4px;
      }
      .select {
        grid-area: select;
        align-self: start;
      }
      .id {
        grid-area: id;
      }
      .actions {
        grid-area: actions;
      }
      .status {
        grid-area: status;
      }
      .created {
        grid-area: created;
        font: var(--mat-sys-body-small);
        color: var(--mat-sys-on-surface-variant);
      }
      .image {
        grid-area: image;
      }
      .resources {
        grid-area: resources;
      }
      .worker {
        grid-area: worker;
      }
      .tag {
        display: none;
      }
      .id a {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
    }
  `,
  host: { role: 'row', '[attr.data-task-id]': 'row().task.task_id' },
  hostDirectives: [{ directive: FocusableRow, inputs: ['focused'] }],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskRow {
  readonly row = input.required<TaskRowModel>();
  readonly selected = input(false);
  readonly toggleSelected = output<void>();
  readonly cancelTask = output<void>();

  protected readonly cancelBlocked = computed(() => cancelBlockedReason(this.row().task.status));
  protected readonly whyPending = computed(() => {
    const reason = this.row().pendingReason;
    return reason && describePendingReason(reason);
  });
  protected readonly whyWarns = computed(() => {
    const reason = this.row().pendingReason;
    return reason !== null && waitsForever(reason);
  });

  protected readonly cores = formatCores;
  protected readonly gb = formatGb;
  protected readonly gpus = formatGpus;
}
