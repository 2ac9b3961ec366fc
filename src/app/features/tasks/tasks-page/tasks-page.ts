import { AsyncPipe, DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Subject, combineLatest, debounceTime, distinctUntilChanged, map } from 'rxjs';
import { CLOCK } from '../../../core/realtime/browser-signals';
import { formatAge } from '../../../shared/format/units';
import {
  TASK_STATUS_FILTERS,
  TaskQuery,
  TaskSortKey,
  TaskStatusFilter,
  nextTaskSort,
  toTaskQuery,
  toTaskQueryParams,
} from '../data/task-query';
import { toTasksPageVm } from '../data/tasks-page-vm';
import { TASK_POLL_INTERVALS, TasksStore } from '../data/tasks-store';
import { TasksTable } from '../ui/tasks-table';

const FILTER_LABEL: Record<TaskStatusFilter, string> = {
  all: 'All',
  pending: 'Pending',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
  other: 'Other',
};

@Component({
  selector: 'app-tasks-page',
  imports: [
    AsyncPipe,
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TasksTable,
  ],
  templateUrl: './tasks-page.html',
  styleUrl: './tasks-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TasksPage {
  private readonly store = inject(TasksStore);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly searchText = new Subject<string>();

  protected readonly filters = TASK_STATUS_FILTERS;
  protected readonly filterLabel = FILTER_LABEL;
  protected readonly intervals = TASK_POLL_INTERVALS;
  protected readonly age = formatAge;

  protected readonly vm$ = combineLatest({
    list: combineLatest({
      poll: this.store.poll$,
      runningOn: this.store.runningOn$,
      query: this.route.queryParamMap.pipe(map(toTaskQuery)),
      intervalMs: this.store.intervalMs$,
    }).pipe(map(toTasksPageVm)),
    now: inject(CLOCK),
  });

  constructor() {
    this.syncSearchToUrl();
  }

  protected sortBy(query: TaskQuery, key: TaskSortKey): void {
    this.navigate(nextTaskSort(query, key));
  }

  protected filterByStatus(query: TaskQuery, status: TaskStatusFilter): void {
    this.navigate({ ...query, status });
  }

  protected search(text: string): void {
    this.searchText.next(text);
  }

  protected pollEvery(intervalMs: number): void {
    this.store.pollEvery(intervalMs);
  }

  protected refresh(): void {
    this.store.refresh();
  }

  protected intervalLabel(intervalMs: number): string {
    return intervalMs === 0 ? 'Paused' : `${intervalMs / 1000} s`;
  }

  /** Typing updates the URL (replacing the entry, so Back is not a letter-by-letter undo) once it pauses. */
  private syncSearchToUrl(): void {
    this.searchText.pipe(debounceTime(250), distinctUntilChanged(), takeUntilDestroyed()).subscribe((text) => {
      this.navigate({ ...toTaskQuery(this.route.snapshot.queryParamMap), text }, true);
    });
  }

  private navigate(query: TaskQuery, replaceUrl = false): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: toTaskQueryParams(query),
      queryParamsHandling: 'merge',
      replaceUrl,
    });
  }
}
