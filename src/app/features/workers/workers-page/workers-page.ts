import { ListRange } from '@angular/cdk/collections';
import { AsyncPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, inject, viewChild } from '@angular/core';
import { Router } from '@angular/router';
import { take } from 'rxjs';
import { LiveWorker } from '../../../core/realtime/live-worker';
import { PageCommands } from '../../../core/shortcuts/page-commands';
import { RowFocus } from '../../../shared/list/row-focus';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { Icon } from '../../../shared/ui/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { WORKER_STATUS_FILTERS, WorkerSortKey, WorkerStatusFilter } from '../data/worker-query';
import { WorkersPageStore } from '../data/workers-page-store';
import { HeatMapMetric, WorkersViewMode } from '../data/workers-view-preferences';
import { RegisterWorkerDialog } from '../register-worker-dialog/register-worker-dialog';
import { WorkerHeatMap } from '../ui/worker-heat-map';
import { WorkersTable } from '../ui/workers-table';
import { DEPLOYMENT } from '../../../core/config/deployment-token';
import { ExportFormat, exportFileName } from '../../../shared/export/export-file';
import { ExportMenu } from '../../../shared/export/export-menu';
import { exportRows } from '../../../shared/export/export-rows';
import { WORKER_EXPORT_FIELDS, workerExportRecord } from '../data/worker-export';
import { WorkersPageVm } from '../data/workers-page-vm';

const FILTER_LABEL: Record<WorkerStatusFilter, string> = {
  all: 'All',
  active: 'Active',
  stale: 'Late',
  inactive: 'Inactive',
};

@Component({
  selector: 'app-workers-page',
  imports: [
    AsyncPipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    Icon,
    MatInputModule,
    WorkersTable,
    WorkerHeatMap,
    ExportMenu,
  ],
  templateUrl: './workers-page.html',
  styleUrl: './workers-page.scss',
  // One store per visit, which sees this page's route.
  providers: [WorkersPageStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkersPage {
  private readonly store = inject(WorkersPageStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly filters = WORKER_STATUS_FILTERS;
  protected readonly filterLabel = FILTER_LABEL;

  protected readonly vm$ = this.store.vm$;

  /** The row the keyboard is on (`j`, `k`, Enter). */
  protected readonly rowFocus = new RowFocus('data-worker-id');
  private readonly searchField = viewChild<ElementRef<HTMLInputElement>>('searchField');
  private readonly router = inject(Router);
  private readonly clusterName = inject(DEPLOYMENT).clusterName;

  constructor() {
    inject(PageCommands).offer(
      {
        'focus-search': () => this.searchField()?.nativeElement.focus(),
        'next-row': () => this.moveFocus(1),
        'previous-row': () => this.moveFocus(-1),
        'open-row': () => {
          const workerId = this.rowFocus.current();
          if (workerId !== null) void this.router.navigate(['/workers', workerId]);
        },
        refresh: () => this.retry(),
        'export-csv': () => this.exportShown('csv'),
        'export-json': () => this.exportShown('json'),
      },
      this.destroyRef,
    );
  }

  protected sortBy(key: WorkerSortKey): void {
    this.store.sortBy(key);
  }

  protected filterByStatus(status: WorkerStatusFilter): void {
    this.store.filterBy(status);
  }

  protected search(text: string): void {
    this.store.search(text);
  }

  protected showAs(mode: WorkersViewMode): void {
    this.store.showAs(mode);
  }

  protected colourBy(metric: HeatMapMetric): void {
    this.store.colourBy(metric);
  }

  /** Downloads exactly the workers shown (filter and search), named after the cluster, the filter and the time. */
  protected exportAs(format: ExportFormat, vm: Extract<WorkersPageVm, { kind: 'ready' }>): void {
    const { status, text } = vm.query;
    const filter = [status, text && `search-${text}`].filter(Boolean).join('-');
    const name = exportFileName(this.clusterName, 'workers', filter, new Date(), format);
    void exportRows(vm.workers.map(workerExportRecord), WORKER_EXPORT_FIELDS, format, name);
  }

  private exportShown(format: ExportFormat): void {
    this.store.vm$.pipe(take(1)).subscribe((vm) => {
      if (vm.kind === 'ready') this.exportAs(format, vm);
    });
  }

  /** Moves along the workers as shown now (the store replays them while the page is open). */
  private moveFocus(step: 1 | -1): void {
    this.store.vm$.pipe(take(1)).subscribe((vm) => {
      if (vm.kind === 'ready') this.rowFocus.move(workerIds(vm.workers), step);
    });
  }

  protected retry(): void {
    this.store.retry();
  }

  protected showRows(range: ListRange): void {
    this.store.showRows(range);
  }

  protected openRegisterDialog(): void {
    this.dialog
      .open<RegisterWorkerDialog, void, string>(RegisterWorkerDialog, { autoFocus: 'first-tabbable' })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((workerId) => {
        if (workerId) {
          this.snackBar.open(`Worker ${workerId} registered. It appears as soon as the master knows it.`, 'OK', {
            duration: 5000,
          });
        }
      });
  }
}

const workerIds = (workers: readonly LiveWorker[]) => workers.map((worker) => worker.id);
