import { ListRange } from '@angular/cdk/collections';
import { CdkVirtualScrollViewport, ScrollingModule } from '@angular/cdk/scrolling';
import { ChangeDetectionStrategy, Component, effect, inject, input, output, untracked, viewChild } from '@angular/core';
import { startWith } from 'rxjs';
import { LiveWorker } from '../../../core/realtime/live-worker';
import { AGE_CLOCK } from '../../../shared/ui/age-text';
import { renderRow } from '../../../shared/ui/focusable-row';
import { SortableColumn, SortableTable } from '../../../shared/ui/sortable-table';
import { WorkerQuery, WorkerSortKey } from '../data/worker-query';
import { WorkerRow } from './worker-row';
import { injectPhoneLayout } from '../../../shared/ui/phone-layout';

const COLUMNS: readonly SortableColumn<WorkerSortKey>[] = [
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
  imports: [ScrollingModule, SortableTable, WorkerRow],
  template: `
    <app-sortable-table
      label="Workers"
      [columns]="columns"
      [sort]="query().sort"
      [direction]="query().direction"
      [rowCount]="workers().length"
      (sortBy)="sortBy.emit($event)"
    >
      <cdk-virtual-scroll-viewport [itemSize]="phone() ? cardHeight : rowHeight" class="table-rows" data-bench-scroll>
        <app-worker-row
          *cdkVirtualFor="let worker of workers(); trackBy: trackById"
          [worker]="worker"
          [focused]="worker.id === focusedId()"
        />
      </cdk-virtual-scroll-viewport>
    </app-sortable-table>
  `,
  styles: `
    :host {
      display: block;
      --table-min-width: 1360px;
      --table-columns: minmax(150px, 1.3fr) minmax(150px, 1fr) 150px 124px 124px 124px 104px 112px 84px 112px 48px;
    }
    /* Below 1440 px the usage sparklines give way (the figures stay), so every column fits a 1280 px window. */
    @media (max-width: 1439.98px) {
      :host {
        --table-min-width: 1090px;
        --table-columns: minmax(120px, 1.3fr) minmax(104px, 1fr) 146px 64px 64px 64px 88px 88px 64px 88px 48px;
      }
    }
    @media (max-width: 599.98px) {
      :host {
        --table-min-width: 0;
      }
    }
  `,
  // The rows' heartbeat ages count on the table's clock: a tick refreshes the ages, not every row.
  providers: [{ provide: AGE_CLOCK, useFactory: () => inject(WorkersTable).now }],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkersTable {
  readonly workers = input.required<readonly LiveWorker[]>();
  readonly now = input.required<number>();
  readonly query = input.required<WorkerQuery>();
  /** The row the keyboard moved to (`j`, `k`): brought into the rendered range, where it takes the focus. */
  readonly focusedId = input<string | null>(null);
  readonly sortBy = output<WorkerSortKey>();

  /** The rows in the DOM (on screen and the buffer around it), whenever they change with scrolling or resizing. */
  readonly renderedRange = output<ListRange>();

  private readonly viewport = viewChild.required(CdkVirtualScrollViewport);

  constructor() {
    // An effect rather than the RxJS interop helpers, which would grow the first download.
    effect((onCleanup) => {
      const viewport = this.viewport();
      const ranges = viewport.renderedRangeStream
        .pipe(startWith(viewport.getRenderedRange()))
        .subscribe((range) => this.renderedRange.emit(range));
      onCleanup(() => ranges.unsubscribe());
    });
    effect(() => {
      const workerId = this.focusedId();
      if (workerId !== null) {
        renderRow(
          this.viewport(),
          untracked(this.workers).findIndex((worker) => worker.id === workerId),
        );
      }
    });
  }

  protected readonly columns = COLUMNS;
  /** The rows' heights (see the row's styles): a table row, or a card on a phone. */
  protected readonly rowHeight = 56;
  protected readonly cardHeight = 212;
  protected readonly phone = injectPhoneLayout();

  protected trackById(_index: number, worker: LiveWorker): string {
    return worker.id;
  }
}
