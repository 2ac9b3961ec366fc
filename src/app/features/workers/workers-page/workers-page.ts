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
import { ActivatedRoute, Router } from '@angular/router';
import { Subject, combineLatest, debounceTime, distinctUntilChanged, map } from 'rxjs';
import { MasterClock } from '../../../core/realtime/master-clock';
import { LiveWorkersStore } from '../../../core/realtime/live-workers-store';
import {
  WORKER_STATUS_FILTERS,
  WorkerQuery,
  WorkerSortKey,
  WorkerStatusFilter,
  nextSort,
  toQueryParams,
  toWorkerQuery,
} from '../data/worker-query';
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
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly searchText = new Subject<string>();

  protected readonly filters = WORKER_STATUS_FILTERS;
  protected readonly filterLabel = FILTER_LABEL;

  protected readonly vm$ = combineLatest({
    workers: this.liveWorkers.workers$,
    query: this.route.queryParamMap.pipe(map(toWorkerQuery)),
    preferences: this.preferences.preferences$,
    // Heartbeat ages compare master times, so with the master's clock.
    now: inject(MasterClock).now$,
  }).pipe(map(toWorkersPageVm));

  constructor() {
    this.syncSearchToUrl();
  }

  protected sortBy(query: WorkerQuery, key: WorkerSortKey): void {
    this.navigate(nextSort(query, key));
  }

  protected filterByStatus(query: WorkerQuery, status: WorkerStatusFilter): void {
    this.navigate({ ...query, status });
  }

  protected search(text: string): void {
    this.searchText.next(text);
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

  /** Typing updates the URL (replacing the entry, so Back is not a letter-by-letter undo) once it pauses. */
  private syncSearchToUrl(): void {
    this.searchText.pipe(debounceTime(250), distinctUntilChanged(), takeUntilDestroyed()).subscribe((text) => {
      const query = toWorkerQuery(this.route.snapshot.queryParamMap);
      this.navigate({ ...query, text }, true);
    });
  }

  private navigate(query: WorkerQuery, replaceUrl = false): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: toQueryParams(query),
      queryParamsHandling: 'merge',
      replaceUrl,
    });
  }
}
