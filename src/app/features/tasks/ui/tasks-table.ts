import { ScrollingModule } from '@angular/cdk/scrolling';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { SortableColumn, SortableTable } from '../../../shared/ui/sortable-table';
import { TaskQuery, TaskSortKey } from '../data/task-query';
import { TaskRow as TaskRowModel } from '../data/task-rows';
import { TaskRow } from './task-row';

const COLUMNS: readonly SortableColumn<TaskSortKey>[] = [
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
  imports: [ScrollingModule, SortableTable, TaskRow],
  template: `
    <app-sortable-table
      label="Tasks"
      [columns]="columns"
      [sort]="query().sort"
      [direction]="query().direction"
      [rowCount]="rows().length"
      (sortBy)="sortBy.emit($event)"
    >
      <cdk-virtual-scroll-viewport itemSize="52" class="table-rows" data-bench-scroll>
        <app-task-row *cdkVirtualFor="let row of rows(); trackBy: trackById" [row]="row" [now]="now()" />
      </cdk-virtual-scroll-viewport>
    </app-sortable-table>
  `,
  styles: `
    :host {
      display: block;
      --table-min-width: 1340px;
      --table-columns: minmax(270px, 1.4fr) minmax(140px, 1fr) minmax(120px, 1fr) 110px 40px 110px minmax(200px, 1.2fr)
        100px 110px;
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

  protected trackById(_index: number, row: TaskRowModel): string {
    return row.task.task_id;
  }
}
