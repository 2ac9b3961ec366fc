import { Injectable, inject } from '@angular/core';
import { Observable, combineLatest, map, shareReplay } from 'rxjs';
import { LiveWorkersStore } from '../../../core/realtime/live-workers-store';
import { MasterClock } from '../../../core/realtime/master-clock';
import { injectUrlListQuery } from '../../../shared/list/url-list-query';
import { WORKER_QUERY_SPEC, WorkerSortKey, WorkerStatusFilter } from './worker-query';
import { WorkersPageVm, toWorkersPageVm } from './workers-page-vm';
import { HeatMapMetric, WorkersViewMode, WorkersViewPreferencesStore } from './workers-view-preferences';

/** The workers page's store, one per visit: live workers as the URL's query and the operator's view choose. */
@Injectable()
export class WorkersPageStore {
  private readonly liveWorkers = inject(LiveWorkersStore);
  private readonly preferences = inject(WorkersViewPreferencesStore);
  private readonly listQuery = injectUrlListQuery(WORKER_QUERY_SPEC);

  /** The page. Shared while subscribed; replays; never completes. */
  readonly vm$: Observable<WorkersPageVm> = combineLatest({
    workers: this.liveWorkers.workers$,
    query: this.listQuery.query$,
    preferences: this.preferences.preferences$,
    // Heartbeat ages compare master times, so with the master's clock.
    now: inject(MasterClock).now$,
  }).pipe(map(toWorkersPageVm), shareReplay({ bufferSize: 1, refCount: true }));

  sortBy(key: WorkerSortKey): void {
    this.listQuery.sortBy(key);
  }

  filterBy(status: WorkerStatusFilter): void {
    this.listQuery.filterBy(status);
  }

  search(text: string): void {
    this.listQuery.search(text);
  }

  showAs(mode: WorkersViewMode): void {
    this.preferences.showAs(mode);
  }

  colourBy(metric: HeatMapMetric): void {
    this.preferences.colourBy(metric);
  }

  /** Asks the master for the registry again now (the error state's retry). */
  retry(): void {
    this.liveWorkers.refreshRegistry();
  }
}
