import { CdkVirtualScrollViewport, ScrollingModule } from '@angular/cdk/scrolling';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  untracked,
  viewChild,
} from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { AGE_CLOCK } from '../../../shared/ui/age-text';
import { injectPhoneLayout } from '../../../shared/ui/phone-layout';
import { renderRow } from '../../../shared/ui/focusable-row';
import { SortableColumn, SortableTable } from '../../../shared/ui/sortable-table';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { TaskQuery, TaskSortKey } from '../data/task-query';
import { TaskRow as TaskRowModel } from '../data/task-rows';
import { TaskRow } from './task-row';

const COLUMNS: readonly SortableColumn<TaskSortKey>[] = [
  { key: 'id', label: 'Task' },
  { key: 'image', label: 'Image · command' },
  { key: 'tag', label: 'Tag · k' },
  { key: 'status', label: 'Status' },
  { key: 'cpu', label: 'Resources' },
  { key: 'created', label: 'Created' },
  { key: 'worker', label: 'Worker · why pending' },
];

/** The task list: sortable headers and virtualised rows tracked by task id, smooth at 10,000+ tasks. */
@Component({
  selector: 'app-tasks-table',
  imports: [ScrollingModule, MatCheckboxModule, SortableTable, TaskRow],
  template: `
    <app-sortable-table
      label="Tasks"
      [columns]="columns"
      [sort]="query().sort"
      [direction]="query().direction"
      [rowCount]="rows().length"
      (sortBy)="sortBy.emit($event)"
    >
      <div leadingHeader role="columnheader">
        <mat-checkbox
          [checked]="allSelected()"
          [indeterminate]="selected().size > 0 && !allSelected()"
          (change)="selectAll.emit(!allSelected())"
          aria-label="Select all listed tasks"
        />
      </div>
      <div trailingHeader role="columnheader" class="actions-header">Actions</div>
      <cdk-virtual-scroll-viewport [itemSize]="phone() ? cardHeight : rowHeight" class="table-rows" data-bench-scroll>
        <app-task-row
          *cdkVirtualFor="let row of rows(); trackBy: trackById"
          [row]="row"
          [selected]="selected().has(row.task.task_id)"
          [focused]="row.task.task_id === focusedId()"
          (toggleSelected)="toggleSelected.emit(row.task.task_id)"
          (cancelTask)="cancelTask.emit(row.task)"
        />
      </cdk-virtual-scroll-viewport>
    </app-sortable-table>
  `,
  styles: `
    :host {
      display: block;
      /* Fits a 1280 px window beside the navigation; narrower windows scroll the table sideways. */
      --table-min-width: 1130px;
      --table-columns: 40px minmax(242px, 1.2fr) minmax(130px, 1.4fr) 90px 110px minmax(130px, 1fr) 80px
        minmax(100px, 1.4fr) 80px;
    }
    [role='columnheader'] {
      display: flex;
      align-items: center;
    }
    .actions-header {
      justify-content: flex-end;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-large);
    }
    @media (max-width: 599.98px) {
      :host {
        --table-min-width: 0;
      }
      .actions-header {
        display: none;
      }
    }
  `,
  // The rows' ages count on the table's clock: a tick refreshes the ages, not every row.
  providers: [{ provide: AGE_CLOCK, useFactory: () => inject(TasksTable).now }],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TasksTable {
  readonly rows = input.required<readonly TaskRowModel[]>();
  readonly now = input.required<number>();
  readonly query = input.required<TaskQuery>();
  readonly selected = input.required<ReadonlySet<string>>();
  /** The row the keyboard moved to (`j`, `k`): brought into the rendered range, where it takes the focus. */
  readonly focusedId = input<string | null>(null);
  readonly sortBy = output<TaskSortKey>();
  readonly toggleSelected = output<string>();
  /** `true` selects every listed row, `false` clears the selection. */
  readonly selectAll = output<boolean>();
  readonly cancelTask = output<TaskListEntry>();
  /** Whether the pointer is over the rows: the page holds their order meanwhile. */

  protected readonly allSelected = computed(
    () => this.rows().length > 0 && this.rows().every((row) => this.selected().has(row.task.task_id)),
  );

  protected readonly columns = COLUMNS;
  /** The rows' heights (see the row's styles): a table row, or a card on a phone. */
  protected readonly rowHeight = 52;
  protected readonly cardHeight = 152;
  protected readonly phone = injectPhoneLayout();

  private readonly viewport = viewChild(CdkVirtualScrollViewport);

  constructor() {
    effect(() => {
      const taskId = this.focusedId();
      const viewport = this.viewport();
      if (taskId === null || !viewport) return;
      renderRow(
        viewport,
        untracked(this.rows).findIndex((row) => row.task.task_id === taskId),
      );
    });
  }

  protected trackById(_index: number, row: TaskRowModel): string {
    return row.task.task_id;
  }
}
