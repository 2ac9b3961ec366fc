import { ScrollingModule } from '@angular/cdk/scrolling';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { LiveWorker } from '../../../core/realtime/live-worker';
import { WorkerQuery, WorkerSortKey } from '../data/worker-query';
import { WorkerRow } from './worker-row';

interface Column {
  readonly key: WorkerSortKey;
  readonly label: string;
}

const COLUMNS: readonly Column[] = [
  { key: 'id', label: 'Worker' },
  { key: 'address', label: 'Address' },
  { key: 'status', label: 'Status' },
  { key: 'cpu', label: 'CPU' },
  { key: 'memory', label: 'Memory' },
  { key: 'gpu', label: 'GPU' },
  { key: 'cpuAllocated', label: 'CPU allocated' },
  { key: 'memoryAllocated', label: 'Memory allocated' },
  { key: 'gpuAllocated', label: 'GPU allocated' },
  { key: 'storageAllocated', label: 'Storage allocated' },
  { key: 'tasks', label: 'Tasks' },
];

/**
 * The workers table: sortable headers and virtualised rows (only those on screen exist in the
 * DOM), tracked by worker id so a heartbeat re-renders one row, not the list.
 */
@Component({
  selector: 'app-workers-table',
  imports: [ScrollingModule, MatIconModule, WorkerRow],
  template: `
    <div class="table" role="table" aria-label="Workers" [attr.aria-rowcount]="workers().length + 1">
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
      <cdk-virtual-scroll-viewport itemSize="56" class="rows" data-bench-scroll>
        <app-worker-row *cdkVirtualFor="let worker of workers(); trackBy: trackById" [worker]="worker" [now]="now()" />
      </cdk-virtual-scroll-viewport>
    </div>
  `,
  styleUrl: './workers-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkersTable {
  readonly workers = input.required<readonly LiveWorker[]>();
  readonly now = input.required<number>();
  readonly query = input.required<WorkerQuery>();
  readonly sortBy = output<WorkerSortKey>();

  protected readonly columns = COLUMNS;

  protected ariaSort(key: WorkerSortKey): 'ascending' | 'descending' | 'none' {
    if (this.query().sort !== key) {
      return 'none';
    }
    return this.query().direction === 'asc' ? 'ascending' : 'descending';
  }

  protected trackById(_index: number, worker: LiveWorker): string {
    return worker.id;
  }
}
