import { Injectable, inject } from '@angular/core';
import { ListRange } from '@angular/cdk/collections';
import { BehaviorSubject, Observable, combineLatest, distinctUntilChanged, filter, map, scan, shareReplay } from 'rxjs';
import { LiveWorkersStore } from '../../../core/realtime/live-workers-store';
import { MasterClock } from '../../../core/realtime/master-clock';
import { injectUrlListQuery } from '../../../shared/list/url-list-query';
import { WORKER_QUERY_SPEC, WorkerSortKey, WorkerStatusFilter } from './worker-query';
import { WorkersPageVm, sameOnScreen, toWorkersPageVm } from './workers-page-vm';
import { HeatMapMetric, WorkersViewMode, WorkersViewPreferencesStore } from './workers-view-preferences';

/** The workers page's store, one per visit: live workers as the URL's query and the operator's view choose. */
@Injectable()
export class WorkersPageStore {
  private readonly liveWorkers = inject(LiveWorkersStore);
  private readonly preferences = inject(WorkersViewPreferencesStore);
  private readonly listQuery = injectUrlListQuery(WORKER_QUERY_SPEC);

  /** The table's rows in the DOM; `null` until it says. Not consulted while the heat map shows every worker. */
  private readonly renderedRows = new BehaviorSubject<ListRange | null>(null);

  /** The page after every update, whether or not it shows on screen. */
  private readonly page$: Observable<WorkersPageVm> = combineLatest({
    workers: this.liveWorkers.workers$,
    query: this.listQuery.query$,
    preferences: this.preferences.preferences$,
    // Heartbeat ages compare master times, so with the master's clock.
    now: inject(MasterClock).now$,
  }).pipe(
    scan((previous: WorkersPageVm | undefined, inputs) => toWorkersPageVm(inputs, previous), undefined),
    filter((vm): vm is WorkersPageVm => vm !== undefined),
  );

  /**
   * The page, whenever something on screen changes: an update that only touches rows scrolled
   * out of view is kept back until the view scrolls, the clock ticks or something shown changes,
   * so a large cluster's stream of heartbeats costs renders only for what the operator can see.
   * Shared while subscribed; replays; never completes.
   */
  readonly vm$: Observable<WorkersPageVm> = combineLatest([this.page$, this.renderedRows]).pipe(
    distinctUntilChanged(([shown, shownRows], [next, rows]) => shownRows === rows && sameOnScreen(shown, next, rows)),
    map(([vm]) => vm),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /** The table shows these rows now. */
  showRows(range: ListRange): void {
    this.renderedRows.next(range);
  }

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
