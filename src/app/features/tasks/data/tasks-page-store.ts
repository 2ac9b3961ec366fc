import { Injectable, inject } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { Observable, combineLatest, distinctUntilChanged, map, of, scan, shareReplay, switchMap } from 'rxjs';
import { CLOCK } from '../../../core/realtime/browser-signals';
import { MasterClock } from '../../../core/realtime/master-clock';
import { TaskListEntry } from '../../../shared/cloudai/task.model';
import { injectUrlListQuery } from '../../../shared/list/url-list-query';
import { injectReducerStore } from '../../../shared/state/reducer-store';
import { TASK_QUERY_SPEC, TaskFilter, TaskSortKey } from './task-query';
import { CancelProgress } from './task-cancellation-model';
import { TaskCancellationsStore } from './task-cancellations-store';
import {
  ListInteraction,
  ListInteractionEvent,
  NO_INTERACTION,
  holdsOrder,
  reduceListInteraction,
} from './tasks-page-selection';
import { MadeTasksPage, ShownTasks, TasksPageVm, toShownTasks, toTasksPageVm } from './tasks-page-vm';
import { FailureFilter, narrowToFailure, toFailureFilter } from './failure-filter';
import { FailureGroupsStore } from '../../../core/failures/failure-groups-store';
import { TasksStore } from './tasks-store';
import { PendingReasonsStore } from './pending-reasons-store';

export interface TasksPageView {
  readonly shown: ShownTasks;
  readonly selected: ReadonlySet<string>;
  readonly now: number;
  /** Task creation times are the master's: their ages use its clock. */
  readonly masterNow: number;
  /** The failure group the list is narrowed to, `null` for none. */
  readonly failure: FailureFilter | null;
}

/** The task list page's store, one per visit: the list as shown (order held while pointed at), selection, query. */
@Injectable()
export class TasksPageStore {
  private readonly tasks = inject(TasksStore);
  /** The refresh intervals offered, shortest first, *Paused* (0) last. */
  readonly intervalChoices = this.tasks.intervalChoices;
  private readonly cancellations = inject(TaskCancellationsStore);
  private readonly listQuery = injectUrlListQuery(TASK_QUERY_SPEC);
  private readonly interaction = injectReducerStore<ListInteraction, ListInteractionEvent>({
    initial: NO_INTERACTION,
    reduce: reduceListInteraction,
  });

  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly failureGroups = inject(FailureGroupsStore);

  /** The failure group the list is narrowed to (`?failure=<key>`), `null` for none. Replays; never completes. */
  private readonly failureFilter$: Observable<FailureFilter | null> = this.route.queryParamMap.pipe(
    map((params) => params.get('failure')),
    distinctUntilChanged(),
    switchMap((key) =>
      key === null ? of(null) : this.failureGroups.overview$.pipe(map((overview) => toFailureFilter(key, overview))),
    ),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  private readonly list$: Observable<TasksPageVm> = combineLatest({
    poll: this.tasks.listPoll$,
    runningOn: this.tasks.runningOn$,
    pendingReasons: inject(PendingReasonsStore).reasons$,
    query: this.listQuery.query$,
    intervalMs: this.tasks.intervalMs$,
    cancelling: this.cancellations.pending$,
  }).pipe(
    scan((previous: MadeTasksPage | undefined, inputs) => ({ inputs, vm: toTasksPageVm(inputs, previous) }), undefined),
    map((made) => made!.vm),
  );

  private readonly shown$: Observable<ShownTasks> = combineLatest({
    list: combineLatest([this.list$, this.failureFilter$]).pipe(map(([vm, filter]) => narrowToFailure(vm, filter))),
    holding: this.interaction.state$.pipe(map(holdsOrder), distinctUntilChanged()),
    applied: this.interaction.state$.pipe(
      map((state) => state.applied),
      distinctUntilChanged(),
    ),
  }).pipe(
    scan(
      (previous: ShownTasks | null, { list, holding, applied }) => toShownTasks(previous, list, holding, applied),
      null,
    ),
    map((shown) => shown as ShownTasks),
  );

  /** The page. Shared while subscribed; replays; never completes. */
  readonly vm$: Observable<TasksPageView> = combineLatest({
    shown: this.shown$,
    selected: this.interaction.state$.pipe(
      map((state) => state.selected),
      distinctUntilChanged(),
    ),
    now: inject(CLOCK),
    masterNow: inject(MasterClock).now$,
    failure: this.failureFilter$,
  }).pipe(shareReplay({ bufferSize: 1, refCount: true }));

  /** Shows every task again after following a failure group's link. */
  clearFailureFilter(): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { failure: null },
      queryParamsHandling: 'merge',
    });
  }

  /** Where each cancel the page asked for stands, for the cancel dialog. Replays; never completes. */
  readonly cancelProgress$: Observable<ReadonlyMap<string, CancelProgress>> = combineLatest([
    this.cancellations.pending$,
    this.cancellations.settled$,
  ]).pipe(
    map(([pending, settled]) => {
      const progress = new Map<string, CancelProgress>(settled);
      for (const taskId of pending.keys()) progress.set(taskId, { kind: 'cancelling' });
      return progress as ReadonlyMap<string, CancelProgress>;
    }),
  );

  sortBy(key: TaskSortKey): void {
    this.listQuery.sortBy(key);
  }

  filterBy(status: TaskFilter): void {
    this.listQuery.filterBy(status);
  }

  search(text: string): void {
    this.listQuery.search(text);
  }

  pollEvery(intervalMs: number): void {
    this.tasks.pollEvery(intervalMs);
  }

  refresh(): void {
    this.tasks.refresh();
  }

  holdOrderWhile(pointerInside: boolean): void {
    this.interaction.dispatch({ kind: 'pointer', inside: pointerInside });
  }

  applyWaitingChanges(): void {
    this.interaction.dispatch({ kind: 'apply' });
  }

  toggleSelected(taskId: string): void {
    this.interaction.dispatch({ kind: 'toggle', taskId });
  }

  select(taskIds: readonly string[]): void {
    this.interaction.dispatch({ kind: 'select', taskIds });
  }

  /** Cancels tasks the operator confirmed; a bulk cancel clears the selection. */
  cancel(tasks: readonly TaskListEntry[], clearSelection: boolean): void {
    tasks.forEach((task) => this.cancellations.cancel(task));
    if (clearSelection) this.select([]);
  }
}
