import { AsyncPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { combineLatest, map } from 'rxjs';
import { MasterClock } from '../../../core/realtime/master-clock';
import { LiveWorkersStore } from '../../../core/realtime/live-workers-store';
import { injectUrlListQuery } from '../../../shared/list/url-list-query';
import { WORKER_QUERY_SPEC, WORKER_STATUS_FILTERS, WorkerSortKey, WorkerStatusFilter } from '../data/worker-query';
import { toWorkersPageVm } from '../data/workers-page-vm';
import { HeatMapMetric, WorkersViewMode, WorkersViewPreferencesStore } from '../data/workers-view-preferences';
import { RegisterWorkerDialog } from '../register-worker-dialog/register-worker-dialog';
import { WorkerHeatMap } from '../ui/worker-heat-map';
import { WorkersTable } from '../ui/workers-table';

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
    MatIconModule,
    MatInputModule,
    WorkersTable,
    WorkerHeatMap,
  ],
  templateUrl: './workers-page.html',
  styleUrl: './workers-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkersPage {
  private readonly liveWorkers = inject(LiveWorkersStore);
  private readonly preferences = inject(WorkersViewPreferencesStore);
  private readonly listQuery = injectUrlListQuery(WORKER_QUERY_SPEC);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly filters = WORKER_STATUS_FILTERS;
  protected readonly filterLabel = FILTER_LABEL;

  protected readonly vm$ = combineLatest({
    workers: this.liveWorkers.workers$,
    query: this.listQuery.query$,
    preferences: this.preferences.preferences$,
    // Heartbeat ages compare master times, so with the master's clock.
    now: inject(MasterClock).now$,
  }).pipe(map(toWorkersPageVm));

  protected sortBy(key: WorkerSortKey): void {
    this.listQuery.sortBy(key);
  }

  protected filterByStatus(status: WorkerStatusFilter): void {
    this.listQuery.filterBy(status);
  }

  protected search(text: string): void {
    this.listQuery.search(text);
  }

  protected showAs(mode: WorkersViewMode): void {
    this.preferences.showAs(mode);
  }

  protected colourBy(metric: HeatMapMetric): void {
    this.preferences.colourBy(metric);
  }

  protected retry(): void {
    this.liveWorkers.refreshRegistry();
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
