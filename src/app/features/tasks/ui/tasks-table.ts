import { ScrollingModule } from '@angular/cdk/scrolling';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TaskQuery, TaskSortKey } from '../data/task-query';
import { TaskRow as TaskRowModel } from '../data/task-rows';
import { TaskRow } from './task-row';

const COLUMNS: readonly { key: TaskSortKey; label: string }[] = [
  { key: 'id', label: 'Task' },
  { key: 'image', label: 'Image' },
  { key: 'command', label: 'Command' },
  { key: 'tag', label: 'Tag' },
  { key: 'k', label: 'k' },
  { key: 'status', label: 'Status' },
  { key: 'cpu', label: 'Resources' },
  { key: 'created', label: 'Created' },
  { key: 'worker', label: 'Worker' },
];

/** The task list: sortable headers and virtualised rows tracked by task id, smooth at 10,000+ tasks. */
@Component({
  selector: 'app-tasks-table',
  imports: [ScrollingModule, MatIconModule, TaskRow],
  template: `
    <div class="table" role="table" aria-label="Tasks" [attr.aria-rowcount]="rows().length + 1">
      <div class="header" role="row">
        @for (column of columns; track column.key) {
          <div role="columnheader" [attr.aria-sort]="ariaSort(column.key)">
            <button type="button" class="sort" (click)="sortBy.emit(column.key)">
              {{ column.label }}
              @if (query().sort === column.key) {
                <mat-icon aria-hidden="true">{{
                  query().direction === 'asc' ? 'arrow_upward' : 'arrow_downward'
                }}</mat-icon>
              }
            </button>
          </div>
        }
      </div>
      <cdk-virtual-scroll-viewport itemSize="52" class="rows" data-bench-scroll>
        <app-task-row *cdkVirtualFor="let row of rows(); trackBy: trackById" [row]="row" [now]="now()" />
      </cdk-virtual-scroll-viewport>
    </div>
  `,
  styles: `
    :host {
      display: block;
      overflow-x: auto;
      --tasks-columns: minmax(270px, 1.4fr) minmax(140px, 1fr) minmax(120px, 1fr) 110px 40px 110px minmax(200px, 1.2fr)
        100px 110px;
    }
    .table {
      min-width: 1300px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      overflow: hidden;
    }
    .header {
      display: grid;
      grid-template-columns: var(--tasks-columns);
      column-gap: 12px;
      padding: 0 16px;
      background: var(--mat-sys-surface-container);
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .sort {
      display: inline-flex;
      align-items: center;
      gap: 2px;
      height: 44px;
      padding: 0;
      border: 0;
      background: none;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-large);
      cursor: pointer;
    }
    .sort mat-icon {
      font-size: 16px;
      width: 16px;
      height: 16px;
    }
    .rows {
      height: calc(100vh - 320px);
      min-height: 280px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TasksTable {
  readonly rows = input.required<readonly TaskRowModel[]>();
  readonly now = input.required<number>();
  readonly query = input.required<TaskQuery>();
  readonly sortBy = output<TaskSortKey>();

  protected readonly columns = COLUMNS;

  protected ariaSort(key: TaskSortKey): 'ascending' | 'descending' | 'none' {
    if (this.query().sort !== key) {
      return 'none';
    }
    return this.query().direction === 'asc' ? 'ascending' : 'descending';
  }

  protected trackById(_index: number, row: TaskRowModel): string {
    return row.task.task_id;
  }
}
